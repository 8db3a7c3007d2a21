"""The focal points' pages for the requests for clarifications asked of their Party, and the evaluators' desk
of a follow-up."""

from django.urls import path

from . import desk_views, views

clarification = "my-clarifications/<int:pk>/"
desk = "rounds/<slug:slug>/evaluation/follow-up/"

urlpatterns = [
    path("my-clarifications/", views.clarification_list, name="clarification-list"),
    path(clarification, views.clarification_page, name="clarification-page"),
    path(f"{clarification}save/", views.clarification_save, name="clarification-save"),
    path(f"{clarification}submit/", views.clarification_submit, name="clarification-submit"),
    path(desk, desk_views.follow_up_desk, name="follow-up-desk"),
    path(f"{desk}propose/", desk_views.follow_up_propose, name="follow-up-propose"),
]
