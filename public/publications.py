"""What the portal published last, across the real rounds, for the home page: replies, public comments and
factsheets, each through its public gate. A demonstration round's publications are not news."""

from django.db.models import QuerySet

from civil_society.models import Contribution
from civil_society.selectors import public_contributions_latest
from core.viewers import PUBLIC
from reports.models import Factsheet
from reports.selectors import factsheets_visible_to
from submissions.models import Reply
from submissions.selectors import replies_visible_to


def latest_replies(limit: int) -> QuerySet[Reply]:
    return (
        replies_visible_to(PUBLIC).filter(round__demonstration=False).order_by("-published_on", "-pk")[:limit]
    )


def latest_comments(limit: int) -> QuerySet[Contribution]:
    return public_contributions_latest().filter(round__demonstration=False)[:limit]


def latest_factsheets(limit: int) -> QuerySet[Factsheet]:
    return (
        factsheets_visible_to(PUBLIC)
        .filter(round__demonstration=False)
        .order_by("-rendered_at", "-pk")[:limit]
    )
