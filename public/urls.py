from django.urls import path

from .feeds import PartyFeed, RoundFeed
from .views import contributions, followup, home, opendata, parties, questions, report, rounds, search, status

urlpatterns = [
    path("", home.home, name="home"),
    path("rounds/<slug:slug>/", rounds.round_page, name="round-detail"),
    path("rounds/<slug:slug>/parties/<str:iso2>/", parties.party_page, name="party-reply"),
    path("rounds/<slug:slug>/status/", status.round_status, name="round-status"),
    path("rounds/<slug:slug>/status.csv", status.round_status_csv, name="round-status-csv"),
    path("rounds/<slug:slug>/open-data/", opendata.round_open_data, name="round-open-data"),
    path("rounds/<slug:slug>/open-data.json", opendata.round_open_data_json, name="round-open-data-json"),
    path("rounds/<slug:slug>/open-data.zip", opendata.round_open_data_zip, name="round-open-data-zip"),
    path("rounds/<slug:slug>/questions/<str:number>/", questions.question_compare, name="question-compare"),
    path(
        "rounds/<slug:slug>/contributions/<int:pk>/",
        contributions.contribution_page,
        name="public-contribution",
    ),
    path("rounds/<slug:slug>/report/", report.report_page, name="round-report"),
    path(
        "rounds/<slug:slug>/report/<int:pk>/<str:language>.pdf",
        report.report_pdf,
        name="round-report-pdf",
    ),
    path("rounds/<slug:slug>/follow-up/", followup.round_follow_up, name="round-follow-up"),
    path("parties/<str:iso2>/follow-up/", followup.party_follow_up, name="party-follow-up"),
    path(
        "parties/<str:iso2>/follow-up/<str:language>.pdf",
        followup.party_follow_up_pdf,
        name="party-follow-up-pdf",
    ),
    path("search/", search.search, name="search"),
    path("rounds/<slug:slug>/feed/", RoundFeed(), name="round-feed"),
    path("rounds/<slug:slug>/parties/<str:iso2>/feed/", PartyFeed(), name="party-feed"),
]
