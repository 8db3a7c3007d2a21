from collections.abc import Iterable

from django.db.models import Count, Prefetch, Q, QuerySet

from .models import FocalPoint, Participation, Party, PartyStatement, Round


def rounds_visible_to(user) -> QuerySet[Round]:
    """Rounds a user may see: the Secretariat sees rounds still in preparation, everyone else does not."""
    rounds = Round.objects.annotate(party_count=Count("participations"))
    if not (user.is_authenticated and user.is_staff):
        rounds = rounds.exclude(status=Round.Status.PREPARATION)
    return rounds


def round_current(user) -> Round | None:
    """The real round most recently launched that the user may see (a demonstration is never current)."""
    return rounds_visible_to(user).filter(demonstration=False).first()


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
