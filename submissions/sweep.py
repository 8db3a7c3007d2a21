"""The periodic sweep's work on State replies (DESIGN §3): mark a reply overdue when its deadline (with any
extension) has passed, and remind the Party's focal points before it.

It reads the state from the database and writes each change once: overdue marks compared and set under a
row lock (and recorded in the audit trail), reminders under a unique outbox key. Running it twice, or twice at
once, does what running it once does.
"""

import dataclasses
import datetime

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from core.audit import bulk_update_recorded, recorded
from core.deadlines import STRASBOURG, end_of_day
from outbox.models import OutboundEmail
from outbox.services import email_queue
from rounds.models import FocalPoint, Participation, Round

from .models import Reply

# Lateness is judged on the first submission (`reply_submit`): a reply sent back for corrections after it was
# submitted is not overdue, and needs no reminder of the deadline.
NOT_SUBMITTED = Q(submitted_at__isnull=True, state__in=Reply.EDITABLE_STATES)
# The rounds whose replies are still awaited. The phases sweep runs first and moves a round to evaluation the
# instant its last deadline passes: that instant is when its missing replies become overdue, and a reply still
# missing later is late, not forgotten. Rounds held in preparation, or past their report, are left alone.
SWEPT_PHASES = (Round.Status.REPLIES, Round.Status.EVALUATION)


def reminder_offset_due(
    *, closes_at: datetime.datetime, offsets: list[int], now: datetime.datetime
) -> int | None:
    """The most imminent reminder due before `closes_at`: the smallest offset (in days) whose moment has come,
    None when none has or the deadline has passed. A sweep that first runs three days before a deadline
    reminded 14, 7 and 1 days before sends the 7-day reminder only, not three at once."""
    if now >= closes_at:
        return None
    due = [days for days in offsets if closes_at - datetime.timedelta(days=days) <= now]
    return min(due, default=None)


def days_left(*, last_day: datetime.date, now: datetime.datetime) -> int:
    """Calendar days until the end of `last_day` in Strasbourg, today included (1 on the last day)."""
    return (last_day - timezone.localdate(now, STRASBOURG)).days + 1


@dataclasses.dataclass(frozen=True)
class _Reminder:
    participation: Participation
    reply: Reply | None
    deadline: datetime.date
    offset: int

    @property
    def key(self) -> str:
        # The deadline is in the key: an extension re-arms the reminders for the new date.
        p = self.participation
        return f"reply-reminder:{p.round_id}:{p.party_id}:{self.deadline.isoformat()}:{self.offset}"


def replies_sweep(*, now: datetime.datetime) -> dict[str, int]:
    """Mark overdue replies, lift the mark an extension made wrong, queue the reminders due. Returns counts:
    `overdue` (replies marked now), `overdue_without_reply` (Parties past their deadline that never opened
    their reply: there is no reply to mark), `overdue_lifted`, `reminders` (e-mails queued now)."""
    participations = list(
        Participation.objects.filter(round__status__in=SWEPT_PHASES).select_related("round", "party")
    )
    replies = {
        (reply.round_id, reply.party_id): reply
        for reply in Reply.objects.filter(round__status__in=SWEPT_PHASES).only(
            "round", "party", "state", "language", "submitted_at", "overdue_at"
        )
    }
    overdue, lifted, without_reply, reminders = [], [], 0, []
    for participation in participations:
        deadline = participation.reply_deadline
        if deadline is None:
            continue
        reply = replies.get((participation.round_id, participation.party_id))
        pending = reply is None or (reply.submitted_at is None and reply.is_editable)
        if not pending:
            continue
        closes_at = end_of_day(deadline)
        if now >= closes_at:
            if reply is None:
                without_reply += 1
            elif reply.overdue_at is None:
                overdue.append(reply.pk)
            continue
        if reply is not None and reply.overdue_at is not None:
            lifted.append(reply.pk)  # the deadline was extended after it had passed
        offset = reminder_offset_due(
            closes_at=closes_at, offsets=participation.round.reminder_offsets, now=now
        )
        if offset is not None:
            reminders.append(_Reminder(participation, reply, deadline, offset))
    return {
        "overdue": replies_mark_overdue(reply_ids=overdue, now=now),
        "overdue_without_reply": without_reply,
        "overdue_lifted": replies_lift_overdue(reply_ids=lifted),
        "reminders": _reminders_queue(reminders, now=now),
    }


def replies_mark_overdue(*, reply_ids: list[int], now: datetime.datetime) -> int:
    """Compare and set, row by row: a reply marked by a concurrent sweep, or submitted meanwhile, is left
    alone (the lock waits for the other transaction, then the condition is read again)."""
    return _overdue_set(reply_ids, condition=Q(overdue_at__isnull=True), overdue_at=now)


def replies_lift_overdue(*, reply_ids: list[int]) -> int:
    return _overdue_set(reply_ids, condition=Q(overdue_at__isnull=False), overdue_at=None)


@transaction.atomic
def _overdue_set(reply_ids: list[int], *, condition: Q, overdue_at: datetime.datetime | None) -> int:
    if not reply_ids:
        return 0
    replies = list(Reply.objects.select_for_update().filter(NOT_SUBMITTED, condition, pk__in=reply_ids))
    for reply in replies:
        reply.overdue_at = overdue_at
    with recorded(by=None, reason="deadline sweep"):
        bulk_update_recorded(Reply, replies, ["overdue_at"])
    return len(replies)


def _reminders_queue(reminders: list[_Reminder], *, now: datetime.datetime) -> int:
    # Reminders already queued are skipped without rendering; the unique key still guards a concurrent sweep.
    queued_before = set(
        OutboundEmail.objects.filter(key__in=[r.key for r in reminders]).values_list("key", flat=True)
    )
    reminders = [r for r in reminders if r.key not in queued_before]
    if not reminders:
        return 0
    recipients: dict[int, list[str]] = {}
    for party_id, email in (
        FocalPoint.objects.filter(
            party__in={r.participation.party_id for r in reminders}, user__is_active=True
        )
        .exclude(user__email="")
        .values_list("party", "user__email")
    ):
        recipients.setdefault(party_id, []).append(email)
    queued = 0
    for reminder in reminders:
        participation = reminder.participation
        email = email_queue(
            template="submissions/email/reminder",
            to=recipients.get(participation.party_id, []),
            context={
                "round": participation.round,
                "party": participation.party,
                "deadline": reminder.deadline,
                "extended": participation.deadline_extended_to is not None,
                "days_left": days_left(last_day=reminder.deadline, now=now),
            },
            language=reminder.reply.language if reminder.reply else "en",
            key=reminder.key,
        )
        queued += email is not None
    return queued
