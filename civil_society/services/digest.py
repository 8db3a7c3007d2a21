"""The Secretariat's daily digest: State replies submitted since the previous digest, replies overdue and
still not submitted, and civil-society contributions awaiting moderation, each with its admin link.

It lives in civil society, the higher of the two apps it reads. Each staff member's e-mail has the key
`secretariat-digest:<day>:<user id>`, so a second run the same day (a second beat, a rerun task, a task
redelivered after a crash half-way) queues only what the first did not. Staff have no language setting
yet: the digest is in English.
"""

import datetime
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.utils import timezone

from outbox.models import OutboundEmail
from outbox.services import email_queue
from submissions.models import Reply, ReplyTransition

from ..models import Contribution

KEY = "secretariat-digest"
TEMPLATE = "civil_society/email/secretariat_digest"
LANGUAGE = "en"
# The first digest ever reports the last day; later ones everything since the previous digest.
FIRST_PERIOD = datetime.timedelta(hours=24)
# Longer lists are cut; the e-mail links to the full list in the admin.
LIST_LIMIT = 50


@dataclass(frozen=True)
class Submission:
    reply: Reply
    at: datetime.datetime
    resubmitted: bool


@dataclass
class Digest:
    day: datetime.date
    since: datetime.datetime
    until: datetime.datetime
    submissions: list[Submission] = field(default_factory=list)
    overdue: list[Reply] = field(default_factory=list)
    awaiting: list[Contribution] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.submissions or self.overdue or self.awaiting)

    @property
    def confidential_count(self) -> int:
        return sum(not contribution.is_public for contribution in self.awaiting)

    def context(self) -> dict:
        return {
            "day": self.day,
            "since": self.since,
            "until": self.until,
            "submissions": self.submissions[:LIST_LIMIT],
            "submission_count": len(self.submissions),
            "overdue": self.overdue[:LIST_LIMIT],
            "overdue_count": len(self.overdue),
            "awaiting": self.awaiting[:LIST_LIMIT],
            "awaiting_count": len(self.awaiting),
            "confidential_count": self.confidential_count,
        }


def _previous_digest_at(day: datetime.date) -> datetime.datetime | None:
    """When the latest digest of an earlier day started going out (its first e-mail), if any."""
    latest = (
        OutboundEmail.objects.filter(key__startswith=f"{KEY}:")
        .exclude(key__startswith=f"{KEY}:{day.isoformat()}:")
        .order_by("-created_at", "-pk")
        .values_list("key", flat=True)
        .first()
    )
    if latest is None:
        return None
    batch = latest.rsplit(":", 1)[0] + ":"
    return (
        OutboundEmail.objects.filter(key__startswith=batch)
        .order_by("created_at", "pk")
        .values_list("created_at", flat=True)
        .first()
    )


def secretariat_digest_build(*, now: datetime.datetime | None = None) -> Digest:
    now = now or timezone.now()
    day = timezone.localdate(now)
    since = _previous_digest_at(day) or now - FIRST_PERIOD
    latest: dict[int, Submission] = {}
    transitions = (
        ReplyTransition.objects.filter(to_state=Reply.State.SUBMITTED, at__gte=since, at__lt=now)
        .select_related("reply__party", "reply__round")
        .order_by("at", "pk")
    )
    for transition in transitions:  # a reply sent back and submitted again the same day is listed once
        latest[transition.reply_id] = Submission(
            reply=transition.reply,
            at=transition.at,
            resubmitted=transition.from_state == Reply.State.RETURNED,
        )
    overdue = (
        Reply.objects.filter(
            overdue_at__isnull=False, submitted_at__isnull=True, state__in=Reply.EDITABLE_STATES
        )
        .select_related("party", "round")
        .order_by("overdue_at", "round", "party__code")
    )
    awaiting = (
        Contribution.objects.filter(state=Contribution.State.SUBMITTED)
        .select_related("organisation", "round")
        .prefetch_related("parties")
        .order_by("submitted_at", "pk")
    )
    return Digest(
        day=day,
        since=since,
        until=now,
        submissions=sorted(latest.values(), key=lambda submission: submission.at),
        overdue=list(overdue),
        awaiting=list(awaiting),
    )


def secretariat_digest_send(*, now: datetime.datetime | None = None) -> int:
    """Queue the day's digest to every active staff member with an e-mail address who has not had it yet
    today; nothing when there is nothing to report. Returns how many e-mails were queued by this run."""
    now = now or timezone.now()
    staff = _staff_without_digest(timezone.localdate(now))
    if not staff:
        return 0
    digest = secretariat_digest_build(now=now)
    if not digest:
        return 0
    context = digest.context()
    queued = 0
    for user_id, email in staff:
        queued += bool(
            email_queue(
                template=TEMPLATE,
                to=[email],
                context=context,
                language=LANGUAGE,
                key=f"{KEY}:{digest.day.isoformat()}:{user_id}",
            )
        )
    return queued


def _staff_without_digest(day: datetime.date) -> list[tuple[int, str]]:
    sent = set(
        OutboundEmail.objects.filter(key__startswith=f"{KEY}:{day.isoformat()}:").values_list(
            "key", flat=True
        )
    )
    staff = (
        get_user_model()
        .objects.filter(is_active=True, is_staff=True)
        .exclude(email="")
        .order_by("pk")
        .values_list("pk", "email")
    )
    return [(pk, email) for pk, email in staff if f"{KEY}:{day.isoformat()}:{pk}" not in sent]


def secretariat_digest_resume(*, now: datetime.datetime | None = None) -> int:
    """Complete today's digest if a run began it and was cut short (its worker killed half-way): the staff
    members without today's e-mail get theirs (the sweep calls this). Nothing before the first e-mail of the
    day: a day with nothing to report at seven stays without a digest."""
    now = now or timezone.now()
    begun = OutboundEmail.objects.filter(key__startswith=f"{KEY}:{timezone.localdate(now).isoformat()}:")
    return secretariat_digest_send(now=now) if begun.exists() else 0
