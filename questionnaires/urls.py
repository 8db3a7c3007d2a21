from django.urls import path

from . import views

urlpatterns = [
    path("rounds/<slug:slug>/", views.round_detail, name="round-detail"),
]
