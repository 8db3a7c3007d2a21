"""The adopted implementation report of a round (`/rounds/<slug>/report/`): each adopted report as a section,
with its contents, chapters, statements (each at its anchor, `r-3`) and the public evidence they rest on,
and its PDFs; and the download of a PDF. Read through the public gate whoever asks, so one copy of the page
is kept whole for readers without a session. A round without an adopted report has no such page (404)."""

from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from core.viewers import PUBLIC
from evaluation.publication import published_reports
from evaluation.selectors import adopted_reports, report_documents_visible_to
from rounds.selectors import round_for

from ..cache import cached, whole_page_for_readers


@whole_page_for_readers
def report_page(request: HttpRequest, slug: str) -> HttpResponse:
    round_ = round_for(request.user, slug)
    reports = list(adopted_reports(round_).order_by("position", "pk"))
    if not reports:
        raise Http404

    def build() -> str:
        published = published_reports(round_, top_level=3 if len(reports) > 1 else 2)
        return render_to_string("public/_report_body.html", {"round": round_, "reports": published})

    body = cached("report", round_.pk, build=build)
    context = {"round": round_, "reports": reports, "body": mark_safe(body)}  # noqa: S308 (autoescaped)
    return render(request, "public/report.html", context)


def report_pdf(request: HttpRequest, slug: str, pk: int, language: str) -> FileResponse:
    """A rendered PDF of an adopted report, in English or French."""
    document = get_object_or_404(
        report_documents_visible_to(PUBLIC), report__round__slug=slug, report__pk=pk, language=language
    )
    if not document.file.storage.exists(document.file.name):
        raise Http404
    filename = f"lanzarote-{slug}-report-{pk}-{language}.pdf"
    return FileResponse(
        document.file.open("rb"), as_attachment=False, filename=filename, content_type="application/pdf"
    )
