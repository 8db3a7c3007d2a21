"""The JSON API, `/api/v1/` (DESIGN §4), outside the language prefix: one route per endpoint."""

from django.urls import path, re_path

from civil_society import api as cs_api
from evaluation import api as evaluation_api
from followup import api as followup_api
from public import api as public_api
from questionnaires import api as questionnaires_api
from reports import api as reports_api
from rounds import api as rounds_api
from submissions import api as submissions_api

from .api_auth import TokenObtainApi
from .api_conditional import conditional_for_the_public as public
from .api_errors import EndpointNotFoundApi

app_name = "api"

reply = "rounds/<slug:slug>/replies/<str:iso2>/"
comment = "comments/<int:pk>/"

# Reads wrapped in `public(...)` answer the public's conditional GETs (ETag, Last-Modified, 304).
urlpatterns = [
    path("auth/token/", TokenObtainApi.as_view(), name="token"),
    path("parties/", public(rounds_api.PartyListApi.as_view()), name="party-list"),
    path("rounds/", public(rounds_api.RoundListApi.as_view()), name="round-list"),
    path("rounds/<slug:slug>/", public(rounds_api.RoundDetailApi.as_view()), name="round-detail"),
    path(
        "rounds/<slug:slug>/questions/",
        public(questionnaires_api.QuestionListApi.as_view()),
        name="question-list",
    ),
    path("rounds/<slug:slug>/replies/", public(submissions_api.ReplyListApi.as_view()), name="reply-list"),
    path(reply, public(submissions_api.ReplyDetailApi.as_view()), name="reply-detail"),
    path(f"{reply}answers/<str:number>/", submissions_api.AnswerSaveApi.as_view(), name="answer-save"),
    path(f"{reply}submit/", submissions_api.ReplySubmitApi.as_view(), name="reply-submit"),
    path(f"{reply}publish/", submissions_api.ReplyPublishApi.as_view(), name="reply-publish"),
    path(f"{reply}attachments/", submissions_api.AttachmentAddApi.as_view(), name="attachment-add"),
    path("organisations/", public(cs_api.OrganisationListApi.as_view()), name="organisation-list"),
    path("rounds/<slug:slug>/comments/", public(cs_api.ContributionListApi.as_view()), name="comment-list"),
    path(comment, public(cs_api.ContributionDetailApi.as_view()), name="comment-detail"),
    path(f"{comment}submit/", cs_api.ContributionSubmitApi.as_view(), name="comment-submit"),
    path(f"{comment}document/", cs_api.ContributionDocumentApi.as_view(), name="comment-document"),
    path("rounds/<slug:slug>/findings/", public(reports_api.FindingListApi.as_view()), name="finding-list"),
    path(
        "rounds/<slug:slug>/factsheets/",
        public(reports_api.FactsheetListApi.as_view()),
        name="factsheet-list",
    ),
    path("rounds/<slug:slug>/report/", public(evaluation_api.ReportApi.as_view()), name="report"),
    path(
        "rounds/<slug:slug>/observations/<int:pk>/",
        public(evaluation_api.ObservationApi.as_view()),
        name="observation",
    ),
    path(
        "rounds/<slug:slug>/follow-up/",
        public(followup_api.RoundFollowUpApi.as_view()),
        name="follow-up",
    ),
    path(
        "rounds/<slug:slug>/open-data/",
        public(public_api.RoundOpenDataApi.as_view()),
        name="round-open-data",
    ),
    # Last: only paths ending in a slash, so CommonMiddleware still redirects `rounds` to `rounds/`.
    re_path(r"^.*/$", EndpointNotFoundApi.as_view(), name="not-found"),
]
