from collections.abc import Iterable

from django.db.models import Count, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404

from core.viewers import Viewer

from .models import CommitteeMember, FocalPoint, Participation, Party, PartyStatement, Round


def in_rounds_visible_to(viewer: Viewer, *, via: str = "round") -> Q:
    """The round's part of every gate, on the lookup `via` that leads to the round ("" for a round): the
    Secretariat sees rounds still in preparation, everyone else does not. (A demonstration round is public
    like any other: it is kept out of open data and statistics, not hidden.)"""
    if viewer.is_authenticated and viewer.is_staff:
        return Q()
    return ~Q(**{"__".join(filter(None, [via, "status"])): Round.Status.PREPARATION})


def rounds_visible_to(viewer: Viewer) -> QuerySet[Round]:
    # A follow-up is named after the round it follows (`Round.label`), read in the same query.
    return (
        Round.objects.annotate(party_count=Count("participations"))
        .filter(in_rounds_visible_to(viewer, via=""))
        .select_related("follows")
    )


def round_for(viewer: Viewer, slug: str) -> Round:
    """The round a URL names, if the viewer may see it; else 404."""
    return get_object_or_404(rounds_visible_to(viewer), slug=slug)


def round_current(viewer: Viewer) -> Round | None:
    """The real monitoring round most recently launched that the viewer may see (a demonstration is never
    current, nor a follow-up of a round's recommendations)."""
    return monitoring_rounds_visible_to(viewer).filter(demonstration=False).first()


def monitoring_rounds_visible_to(viewer: Viewer) -> QuerySet[Round]:
    """The rounds the viewer may see, less the follow-ups of their recommendations."""
    return rounds_visible_to(viewer).exclude(kind=Round.Kind.FOLLOW_UP)


def participation_for(viewer: Viewer, *, slug: str, party_code: str) -> Participation:
    """A Party's participation in a round the viewer may see, the round and Party with it; else 404."""
    participations = Participation.objects.select_related("round", "party").filter(
        in_rounds_visible_to(viewer)
    )
    return get_object_or_404(participations, round__slug=slug, party__code=party_code.upper())


def parties_list() -> QuerySet[Party]:
    return Party.objects.prefetch_related("national_languages")


def parties_with_statements() -> QuerySet[Party]:
    """The Parties with their reservations and declarations (`statements.all()`), for the API."""
    return parties_list().prefetch_related(Prefetch("statements", statements_public()))


def statements_public() -> QuerySet[PartyStatement]:
    """Reservations and declarations are public treaty facts: every reader sees every one of them."""
    return PartyStatement.objects.order_by("party", "article", "kind", "pk")


def statements_of(*, party: Party) -> QuerySet[PartyStatement]:
    return statements_public().filter(party=party)


def statements_on(*, articles: Iterable[str], parties: Iterable[Party]) -> list[PartyStatement]:
    """The statements of these Parties on any of these articles, each with its Party: a statement on a
    paragraph or point concerns a question citing the whole article, and one on the article a question citing
    one of its paragraphs (a reservation to 20 concerns 20§3, one to 20§1.a concerns 20§1). No query when no
    article is cited."""
    articles = set(articles)
    if not articles:
        return []
    overlap = Q()
    for article in articles:
        overlap |= Q(article__in=_enclosing(article))
        overlap |= Q(article__startswith=f"{article}§") | Q(article__startswith=f"{article}.")
    return list(statements_public().filter(overlap, party__in=list(parties)).select_related("party"))


def articles_overlap(cited: Iterable[str], article: str) -> bool:
    """Whether a statement on `article` concerns a question citing `cited`, by the rule of `statements_on`."""
    return any(article in _enclosing(one) or one in _enclosing(article) for one in cited)


def _enclosing(article: str) -> list[str]:
    """`20§1.a` is within `20§1.a`, `20§1` and `20`."""
    within = [article]
    for separator in (".", "§"):
        if separator in within[-1]:
            within.append(within[-1].rsplit(separator, 1)[0])
    return within


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


def committee_member_of(user) -> CommitteeMember | None:
    """The user's seat on the Committee, if any; remembered on the user object for the request."""
    if not user.is_authenticated:
        return None
    if not hasattr(user, "_committee_member"):
        user._committee_member = CommitteeMember.objects.select_related("party").filter(user=user).first()
    return user._committee_member
