"""Public factsheet pages: the list (`/factsheets/`) and the download of one PDF."""

from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from .selectors import factsheets_visible_to


def factsheet_list(request: HttpRequest) -> HttpResponse:
    factsheets = factsheets_visible_to(request.user).order_by(
        "-round__number", "round_id", "kind", "party__code", "theme", "language"
    )
    rounds: dict = {}
    for sheet in factsheets:
        rounds.setdefault(sheet.round, []).append(sheet)
    return render(request, "reports/factsheet_list.html", {"rounds": list(rounds.items())})


def factsheet_download(request: HttpRequest, pk: int) -> FileResponse:
    sheet = get_object_or_404(factsheets_visible_to(request.user), pk=pk)
    if not sheet.file.storage.exists(sheet.file.name):
        raise Http404
    filename = f"{sheet.round.slug}-{sheet.key.lower()}-{sheet.language}.pdf"
    return FileResponse(
        sheet.file.open("rb"), as_attachment=True, filename=filename, content_type="application/pdf"
    )
