"""The follow-up of a round's recommendations in public (`/rounds/<slug>/follow-up/`, DESIGN §4): for each
follow-up of the round the viewer may see, its compliance table (recommendations by Parties, each cell the
current adopted level with its dated history). Adopted assessments only, read through the follow-up's gate
(`followup.selectors.compliance_table`). A round without a follow-up the viewer may see has no such page
(404). A Party's follow-up across rounds (`/parties/<code>/follow-up/`) and its compliance factsheet (PDF)
read `followup.selectors.party_follow_up` the same way."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import translation

from core.viewers import PUBLIC
from followup.pdf import LANGUAGES as PDF_LANGUAGES
from followup.pdf import compliance_factsheet_pdf
from followup.selectors import compliance_table
from followup.selectors import party_follow_up as party_follow_up_of
from rounds.selectors import parties_list, round_for, rounds_visible_to

from ..cache import cached, whole_page_for_readers


@whole_page_for_readers
def round_follow_up(request: HttpRequest, slug: str) -> HttpResponse:
    round_ = round_for(request.user, slug)
    follow_ups = list(rounds_visible_to(request.user).filter(follows=round_).order_by("pk"))
    if not follow_ups:
        raise Http404
    tables = [compliance_table(request.user, follow_up) for follow_up in follow_ups]
    return render(request, "public/follow_up.html", {"round": round_, "tables": tables})


@whole_page_for_readers
def party_follow_up(request: HttpRequest, iso2: str) -> HttpResponse:
    """A Party's follow-up across every round and exercise (`/parties/<code>/follow-up/`): each
    recommendation asked of it, its current adopted level and dated history, its published answer. A Party
    asked about no recommendation the viewer may see has no such page (404)."""
    party = get_object_or_404(parties_list(), code=iso2.upper())
    follow_up = party_follow_up_of(request.user, party)
    if not follow_up.exercises:
        raise Http404
    return render(request, "public/party_follow_up.html", {"party": party, "follow_up": follow_up})


def party_follow_up_pdf(request: HttpRequest, iso2: str, language: str) -> HttpResponse:
    """The Party's compliance factsheet in English or French: what the public reads, rendered on request once
    per data version (the version of the public pages' cache) and language, then served from the cache."""
    if language not in PDF_LANGUAGES:
        raise Http404
    party = get_object_or_404(parties_list(), code=iso2.upper())
    follow_up = party_follow_up_of(PUBLIC, party)
    if not follow_up.exercises:
        raise Http404
    with translation.override("en"):  # one copy whichever language the address is in
        content = cached(
            "party-follow-up-pdf",
            party.pk,
            language,
            build=lambda: compliance_factsheet_pdf(follow_up=follow_up, language=language).content,
        )
    filename = f"lanzarote-follow-up-{party.code.lower()}-{language}.pdf"
    return HttpResponse(
        content,
        content_type="application/pdf",
        headers={"Content-Disposition": f'inline; filename="{filename}"'},
    )
