from django.urls import path

from . import views

urlpatterns = [
    path("", views.home, name="home"),
    path("rounds/", views.round_list, name="round-list"),
]
