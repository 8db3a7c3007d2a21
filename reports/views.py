"""Public factsheet pages: the list (`/factsheets/`) and the download of one PDF."""

from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from rounds.models import Party
from rounds.names import sorted_by_name

from .forms import FactsheetLibraryForm
from .selectors import factsheets_in_reading_order, factsheets_visible_to


def factsheet_list(request: HttpRequest) -> HttpResponse:
    """The library: by round, newest first; in each, thematic factsheets before country ones."""
    visible = factsheets_visible_to(request.user)
    parties = sorted_by_name(Party.objects.filter(pk__in=visible.values("party")))
    form = FactsheetLibraryForm(request.GET, parties=parties)
    rounds: dict = {}
    for sheet in form.filtered(visible).order_by("-round__number", "round_id"):
        rounds.setdefault(sheet.round, []).append(sheet)
    library = []
    for round_, sheets in rounds.items():
        ordered = factsheets_in_reading_order(sheets)
        thematic = [sheet for sheet in ordered if sheet.kind == sheet.Kind.THEMATIC]
        library.append((round_, thematic, [sheet for sheet in ordered if sheet not in thematic]))
    return render(request, "reports/factsheet_list.html", {"rounds": library, "form": form})


def factsheet_download(request: HttpRequest, pk: int) -> FileResponse:
    sheet = get_object_or_404(factsheets_visible_to(request.user), pk=pk)
    if not sheet.file.storage.exists(sheet.file.name):
        raise Http404
    filename = f"{sheet.round.slug}-{sheet.key.lower()}-{sheet.language}.pdf"
    return FileResponse(
        sheet.file.open("rb"), as_attachment=True, filename=filename, content_type="application/pdf"
    )
