"""The periodic sweep's work on requests for clarifications: remind the Party's focal points before the due
day (the same offsets as a reply's reminders, the round's `reminder_days`), and tell them once the day has
passed without a submitted response.

Each e-mail is queued once under a unique outbox key, so running the sweep twice, or twice at once, sends
nothing more. A submitted response stops both.
"""

import datetime

from django.utils import timezone

from core.deadlines import end_of_day
from outbox.models import OutboundEmail
from outbox.services import email_queue
from rounds.models import FocalPoint
from submissions.sweep import SWEPT_PHASES, days_left, reminder_offset_due

from .models import Clarification


def _key(clarification: Clarification, what: str) -> str:
    # The due day is in the key: a new date would re-arm the e-mails for it.
    return f"clarification-{what}:{clarification.pk}:{clarification.due_on.isoformat()}"


def clarifications_sweep(*, now: datetime.datetime | None = None) -> dict[str, int]:
    """Queue the reminders and overdue notices due; returns how many of each were queued now."""
    now = now or timezone.now()
    pending = Clarification.objects.filter(submitted_at__isnull=True, round__status__in=SWEPT_PHASES)
    pending = pending.select_related("round__follows", "question", "party")
    due: list[tuple[Clarification, str, int | None]] = []
    for clarification in pending:
        closes_at = end_of_day(clarification.due_on)
        if now >= closes_at:
            due.append((clarification, _key(clarification, "overdue"), None))
            continue
        offset = reminder_offset_due(
            closes_at=closes_at, offsets=clarification.round.reminder_offsets, now=now
        )
        if offset is not None:
            due.append((clarification, f"{_key(clarification, 'reminder')}:{offset}", offset))
    # Those queued already are skipped without rendering; the unique key still guards a concurrent sweep.
    queued_before = set(
        OutboundEmail.objects.filter(key__in=[key for _, key, _ in due]).values_list("key", flat=True)
    )
    due = [entry for entry in due if entry[1] not in queued_before]
    recipients: dict[int, list[str]] = {}
    for party_id, email in (
        FocalPoint.objects.filter(party__in={c.party_id for c, _, _ in due}, user__is_active=True)
        .exclude(user__email="")
        .values_list("party", "user__email")
    ):
        recipients.setdefault(party_id, []).append(email)
    counts = {"reminders": 0, "overdue": 0}
    for clarification, key, offset in due:
        email = email_queue(
            template="followup/email/clarification_overdue"
            if offset is None
            else "followup/email/clarification_reminder",
            to=recipients.get(clarification.party_id, []),
            context={
                "clarification": clarification,
                "round": clarification.round,
                "party": clarification.party,
                "deadline": clarification.due_on,
                "days_left": days_left(last_day=clarification.due_on, now=now),
            },
            language=clarification.language,
            key=key,
        )
        counts["overdue" if offset is None else "reminders"] += email is not None
    return counts
