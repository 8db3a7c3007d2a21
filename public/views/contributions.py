"""An acknowledged public contribution on a page of its own: who signs it, the Parties it concerns, its
general part and its items question by question. Read through the public gate whoever asks (its authors and
the Secretariat have their own pages), so one copy is kept whole for readers without a session."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from civil_society.errors import NotFound
from civil_society.selectors import public_contribution
from core.viewers import PUBLIC
from submissions.selectors import replies_visible_to

from ..cache import whole_page_for_readers


@whole_page_for_readers
def contribution_page(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    try:
        contribution = public_contribution(slug=slug, pk=pk)
    except NotFound:
        raise Http404 from None
    # A reply to the questionnaire may name a Party whose reply is not published: it has no page to link.
    published = replies_visible_to(PUBLIC).filter(
        round=contribution.round,
        party__in=[party.pk for party in contribution.parties.all()],
    )
    context = {
        "contribution": contribution,
        "round": contribution.round,
        "published_parties": set(published.values_list("party_id", flat=True)),
    }
    return render(request, "public/contribution.html", context)
