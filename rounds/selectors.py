from django.db.models import Count, Q, QuerySet
from django.shortcuts import get_object_or_404

from core.viewers import Viewer

from .models import FocalPoint, Participation, Party, Round


def in_rounds_visible_to(viewer: Viewer, *, via: str = "round") -> Q:
    """The round's part of every gate, on the lookup `via` that leads to the round ("" for a round): the
    Secretariat sees rounds still in preparation, everyone else does not. (A demonstration round is public
    like any other: it is kept out of open data and statistics, not hidden.)"""
    if viewer.is_authenticated and viewer.is_staff:
        return Q()
    return ~Q(**{"__".join(filter(None, [via, "status"])): Round.Status.PREPARATION})


def rounds_visible_to(viewer: Viewer) -> QuerySet[Round]:
    return Round.objects.annotate(party_count=Count("participations")).filter(
        in_rounds_visible_to(viewer, via="")
    )


def round_for(viewer: Viewer, slug: str) -> Round:
    """The round a URL names, if the viewer may see it; else 404."""
    return get_object_or_404(rounds_visible_to(viewer), slug=slug)


def round_current(viewer: Viewer) -> Round | None:
    """The round most recently launched that the viewer may see."""
    return rounds_visible_to(viewer).first()


def participation_for(viewer: Viewer, *, slug: str, party_code: str) -> Participation:
    """A Party's participation in a round the viewer may see, the round and Party with it; else 404."""
    participations = Participation.objects.select_related("round", "party").filter(
        in_rounds_visible_to(viewer)
    )
    return get_object_or_404(participations, round__slug=slug, party__code=party_code.upper())


def parties_list() -> QuerySet[Party]:
    return Party.objects.prefetch_related("national_languages")


def party_of(user) -> Party | None:
    """The Party a user is a focal point of, if any; remembered on the user object for the request."""
    if not user.is_authenticated:
        return None
    if not hasattr(user, "_focal_party"):
        focal_point = FocalPoint.objects.select_related("party").filter(user=user).first()
        user._focal_party = focal_point.party if focal_point else None
    return user._focal_party


def participation_of(*, round: Round, party: Party) -> Participation | None:
    return Participation.objects.select_related("round", "party").filter(round=round, party=party).first()
