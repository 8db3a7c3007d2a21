"""A report as the evaluators read it, draft or adopted: its chapters in order, each with its statements."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from ..selectors import report_contents, reports_visible_to
from .access import evaluator_page


@evaluator_page
def report_page(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    report = get_object_or_404(reports_visible_to(request.user), round__slug=slug, pk=pk)
    context = {"round": report.round, "report": report, "chapters": report_contents(report)}
    return render(request, "evaluation/report.html", context)
