"""The evaluation's internal pages (DESIGN §4): the desk and meetings under /evaluation/, a round's
evaluation under /rounds/<slug>/evaluation/. Included before the public pages' /rounds/<slug>/… routes."""

from django.urls import path

from .views import desk, meetings, observations, reports, workspace

round_ = "rounds/<slug:slug>/evaluation/"
question = f"{round_}questions/<str:number>/"
observation = f"{round_}observations/<int:pk>/"

urlpatterns = [
    path("evaluation/", desk.desk, name="evaluation-desk"),
    path("evaluation/meetings/<int:number>/", meetings.meeting_page, name="evaluation-meeting"),
    path(round_, desk.round_evaluation, name="evaluation-round"),
    path(question, workspace.question_workspace, name="evaluation-question"),
    path(f"{question}quote/", workspace.quote, name="evaluation-quote"),
    path(f"{question}observations/new/", workspace.observation_start, name="evaluation-observation-start"),
    path(observation, observations.observation_page, name="evaluation-observation"),
    path(f"{observation}save/", observations.observation_save, name="evaluation-observation-save"),
    path(f"{observation}table/", observations.observation_table, name="evaluation-observation-table"),
    path(f"{observation}reopen/", observations.observation_reopen, name="evaluation-observation-reopen"),
    path(f"{observation}examine/", observations.observation_examine, name="evaluation-observation-examine"),
    path(f"{observation}comments/", observations.observation_comment, name="evaluation-observation-comment"),
    path(
        f"{observation}citations/<int:citation>/remove/",
        observations.citation_remove,
        name="evaluation-citation-remove",
    ),
    path(f"{round_}reports/<int:pk>/", reports.report_page, name="evaluation-report"),
]
