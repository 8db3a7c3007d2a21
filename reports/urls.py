from django.urls import path

from . import views

urlpatterns = [
    path("factsheets/", views.factsheet_list, name="factsheet-list"),
    path("factsheets/<int:pk>/download/", views.factsheet_download, name="factsheet-download"),
]
