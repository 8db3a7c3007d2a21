"""A report as the evaluators read it, draft or adopted: its chapters in order, each with its statements, the
observations on its questions it is drafted from, and the meetings that examined it."""

from collections import defaultdict

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from ..selectors import agenda_items_on_chapters, observations_visible_to, report_contents, reports_visible_to
from .access import evaluator_page


@evaluator_page
def report_page(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    report = get_object_or_404(reports_visible_to(request.user), round__slug=slug, pk=pk)
    chapters = report_contents(report)
    observations = (
        observations_visible_to(request.user).filter(round=report.round).prefetch_related("questions")
    )
    by_question = defaultdict(list)
    for observation in observations:
        for question in observation.questions.all():
            by_question[question.pk].append(observation)
    examined = defaultdict(list)
    for item in agenda_items_on_chapters(request.user, report=report):
        examined[item.chapter_id].append(item)
    for chapter in chapters:
        sources = {obs.pk: obs for q in chapter.questions.all() for obs in by_question[q.pk]}
        chapter.sources = list(sources.values())
        chapter.examined = examined[chapter.pk]
    context = {"round": report.round, "report": report, "chapters": chapters}
    return render(request, "evaluation/report.html", context)
