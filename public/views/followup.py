"""The follow-up of a round's recommendations in public (`/rounds/<slug>/follow-up/`, DESIGN §4): for each
follow-up of the round the viewer may see, its compliance table (recommendations by Parties, each cell the
current adopted level with its dated history). Adopted assessments only, read through the follow-up's gate
(`followup.selectors.compliance_table`). A round without a follow-up the viewer may see has no such page
(404)."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from followup.selectors import compliance_table
from rounds.selectors import round_for, rounds_visible_to

from ..cache import whole_page_for_readers


@whole_page_for_readers
def round_follow_up(request: HttpRequest, slug: str) -> HttpResponse:
    round_ = round_for(request.user, slug)
    follow_ups = list(rounds_visible_to(request.user).filter(follows=round_).order_by("pk"))
    if not follow_ups:
        raise Http404
    tables = [compliance_table(request.user, follow_up) for follow_up in follow_ups]
    return render(request, "public/follow_up.html", {"round": round_, "tables": tables})
