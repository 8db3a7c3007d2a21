"""What the portal published last, across the real rounds, for the home page: replies, public comments and
factsheets, each through its public gate. A demonstration round's publications are not news."""

from django.contrib.auth.models import AnonymousUser
from django.db.models import QuerySet

from civil_society.models import Contribution
from civil_society.selectors import published_contributions
from reports.models import Factsheet
from reports.selectors import factsheets_visible_to
from rounds.selectors import rounds_visible_to
from submissions.models import Reply
from submissions.selectors import replies_visible_to


def latest_replies(limit: int) -> QuerySet[Reply]:
    public = AnonymousUser()
    return (
        replies_visible_to(public)
        .filter(
            state=Reply.State.PUBLISHED,
            round__in=rounds_visible_to(public).filter(demonstration=False).values("pk"),
        )
        .order_by("-published_on", "-pk")[:limit]
    )


def latest_comments(limit: int) -> QuerySet[Contribution]:
    return (
        published_contributions()
        .filter(
            round__in=rounds_visible_to(AnonymousUser()).filter(demonstration=False).values("pk"),
            acknowledged_at__isnull=False,
        )
        .select_related("round", "organisation")
        .prefetch_related("parties")
        .order_by("-acknowledged_at", "-pk")[:limit]
    )


def latest_factsheets(limit: int) -> QuerySet[Factsheet]:
    return (
        factsheets_visible_to(AnonymousUser())
        .filter(round__demonstration=False)
        .order_by("-rendered_at", "-pk")[:limit]
    )
