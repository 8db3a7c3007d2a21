"""The periodic sweep's work on civil society (DESIGN §2-§3).

- Each Party's comment window: its opening, its last week and its closing are recorded once each as a
  `WindowEvent`, and the subscribers of the round or the Party are e-mailed in the same transaction (when
  it opens and a week before it closes).
- Organisations with a draft are reminded a week and a day before its window closes.
- Requests for additional information still unanswered close at the end of their due date.

It reads the state from the database and writes each change once (unique constraints, unique outbox keys,
conditional UPDATEs): running it twice, or twice at once, does what running it once does. Its queries do
not grow with the number of Parties, windows, subscribers or contributions.
"""

import dataclasses
import datetime
import logging
from collections import defaultdict

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from core.deadlines import STRASBOURG
from outbox.models import OutboundEmail
from outbox.services import email_queue
from rounds.models import Party, Round
from submissions.sweep import days_left, reminder_offset_due

from .models import Contribution, InformationRequest, Membership, Subscription, WindowEvent
from .windows import Window, comment_windows, questionnaire_window

log = logging.getLogger(__name__)

Kind = WindowEvent.Kind
CLOSING_SOON_BEFORE = datetime.timedelta(days=7)
DRAFT_REMINDER_DAYS = [7, 1]
# Subscribers hear of a window opening and of its last week; its closing is recorded, not announced.
TEMPLATES = {
    Kind.OPENED: "civil_society/email/window_opened",
    Kind.CLOSING_SOON: "civil_society/email/window_closing",
}

Pair = tuple[int, int]  # (round id, Party id)


def windows_sweep(*, now: datetime.datetime) -> dict[str, int]:
    """Returns counts: window events recorded by kind, e-mails queued to subscribers, draft reminders queued,
    information requests closed."""
    windows = comment_windows()
    counts = window_events_record(windows=windows, now=now)
    counts["draft_reminders"] = draft_reminders_queue(windows=windows, now=now)
    counts["requests_closed"] = information_requests_close(now=now)
    return counts


def _events_due(
    *, window: Window, recorded: set[tuple[str, datetime.date]], now: datetime.datetime
) -> list[str]:
    closes_on = window.closes_on
    if window.is_open(now):
        due = []
        # Opened once per opening: a window extended while open is not announced again; one extended after
        # it closed opens again.
        last_closed = max((day for kind, day in recorded if kind == Kind.CLOSED), default=None)
        if not any(
            kind == Kind.OPENED and (last_closed is None or day > last_closed) for kind, day in recorded
        ):
            due.append(Kind.OPENED)
        if now >= window.closes_at - CLOSING_SOON_BEFORE and (Kind.CLOSING_SOON, closes_on) not in recorded:
            due.append(Kind.CLOSING_SOON)
        return due
    if now >= window.closes_at and (Kind.CLOSED, closes_on) not in recorded:
        return [Kind.CLOSED]
    return []


def window_events_record(*, windows: dict[Pair, Window], now: datetime.datetime) -> dict[str, int]:
    """Record the window events due, each once, with its subscribers' e-mails in its transaction."""
    recorded: dict[Pair, set[tuple[str, datetime.date]]] = defaultdict(set)
    for round_id, party_id, kind, closes_on in WindowEvent.objects.values_list(
        "round", "party", "kind", "closes_on"
    ).order_by():
        recorded[round_id, party_id].add((kind, closes_on))
    due = {}
    for pair, window in windows.items():
        if kinds := _events_due(window=window, recorded=recorded[pair], now=now):
            due[pair] = kinds
    counts = {Kind.OPENED.value: 0, Kind.CLOSING_SOON.value: 0, Kind.CLOSED.value: 0, "subscriber_emails": 0}
    if not due:
        return counts
    rounds = Round.objects.in_bulk({round_id for round_id, _ in due})
    parties = Party.objects.in_bulk({party_id for _, party_id in due})
    followers = _Followers.of([pair for pair, kinds in due.items() if set(kinds) & TEMPLATES.keys()])
    for (round_id, party_id), kinds in due.items():
        window, opened_now = windows[round_id, party_id], False
        for kind in kinds:
            try:
                with transaction.atomic():
                    # Not recorded when read above; the unique constraint stops a concurrent sweep's twin.
                    WindowEvent.objects.create(
                        round_id=round_id, party_id=party_id, kind=kind, closes_on=window.closes_on
                    )
                    counts[kind] += 1
                    opened_now = opened_now or kind == Kind.OPENED
                    # The opening e-mail gives the last day; a window that opens in its last week (a historic
                    # publication, a late extension) is not announced twice in one run.
                    if kind in TEMPLATES and not (kind == Kind.CLOSING_SOON and opened_now):
                        counts["subscriber_emails"] += _subscribers_notify(
                            kind=kind,
                            round=rounds[round_id],
                            party=parties[party_id],
                            window=window,
                            subscriptions=followers.of_window(round_id, party_id),
                        )
            except IntegrityError:  # recorded by a concurrent sweep, which sent its e-mails
                log.info("Window event %s of %s/%s recorded concurrently", kind, round_id, party_id)
    return counts


@dataclasses.dataclass
class _Followers:
    by_round: dict[int, list[Subscription]]
    by_party: dict[int, list[Subscription]]

    @classmethod
    def of(cls, pairs: list[Pair]) -> "_Followers":
        """The subscriptions to any round or Party of `pairs`, in one query."""
        by_round, by_party = defaultdict(list), defaultdict(list)
        subscriptions = (
            Subscription.objects.filter(
                Q(round__in={round_id for round_id, _ in pairs})
                | Q(party__in={party_id for _, party_id in pairs}),
                user__is_active=True,
            )
            .exclude(user__email="")
            .select_related("user", "round", "party")
            .order_by("pk")
        )
        for subscription in subscriptions:
            if subscription.round_id:
                by_round[subscription.round_id].append(subscription)
            else:
                by_party[subscription.party_id].append(subscription)
        return cls(by_round, by_party)

    def of_window(self, round_id: int, party_id: int) -> list[Subscription]:
        """One subscription per reader: who follows both the Party and the round hears once (as a follower
        of the Party, the nearer interest)."""
        chosen, seen = [], set()
        for subscription in self.by_party[party_id] + self.by_round[round_id]:
            if subscription.user_id not in seen:
                seen.add(subscription.user_id)
                chosen.append(subscription)
        return chosen


def _subscribers_notify(
    *, kind: str, round: Round, party: Party, window: Window, subscriptions: list[Subscription]
) -> int:
    queued = 0
    for subscription in subscriptions:
        email = email_queue(
            template=TEMPLATES[kind],
            to=[subscription.user.email],
            context={
                "round": round,
                "party": party,
                "opens_on": window.opens_on,
                "closes_on": window.closes_on,
                "subscription": subscription,
                "followed": subscription.round or subscription.party,
            },
            language=subscription.language,
            key=f"window-{kind}:{round.pk}:{party.pk}:{window.closes_on.isoformat()}:{subscription.pk}",
        )
        queued += email is not None
    return queued


@dataclasses.dataclass(frozen=True)
class _DraftReminder:
    contribution: Contribution
    party: Party | None
    window: Window
    offset: int

    @property
    def key(self) -> str:
        return f"draft-reminder:{self.contribution.pk}:{self.window.closes_on.isoformat()}:{self.offset}"


def draft_reminders_queue(*, windows: dict[Pair, Window], now: datetime.datetime) -> int:
    """Remind the lead organisation's members of each draft whose window closes within a week, then within a
    day: the most imminent reminder due, once per closing day. Only drafts whose window closes soon are
    read."""
    horizon = datetime.timedelta(days=max(DRAFT_REMINDER_DAYS))

    def closing(window: Window) -> bool:
        return window.is_open(now) and now >= window.closes_at - horizon

    comments = {pair: window for pair, window in windows.items() if closing(window)}
    today = timezone.localdate(now, STRASBOURG)
    questionnaires = {
        round_.pk: window
        for round_ in Round.objects.filter(civil_society_deadline__range=(today, today + horizon))
        if closing(window := questionnaire_window(round=round_))
    }
    if not comments and not questionnaires:
        return 0
    wanted = Q(pk__in=[])
    if comments:
        wanted |= Q(
            kind=Contribution.Kind.COMMENT,
            round__in={round_id for round_id, _ in comments},
            parties__in={party_id for _, party_id in comments},
        )
    if questionnaires:
        wanted |= Q(kind=Contribution.Kind.QUESTIONNAIRE_REPLY, round__in=questionnaires) | Q(
            kind=Contribution.Kind.COMMENT, round__in=questionnaires, parties__isnull=True
        )
    drafts = (
        Contribution.objects.filter(wanted, state=Contribution.State.DRAFT)
        .distinct()
        .select_related("round", "organisation")
        .prefetch_related("parties")
    )
    reminders = []
    for contribution in drafts:
        # As `selectors.window_of`: a comment's window is its Party's; a questionnaire reply's, the round's.
        parties = sorted(contribution.parties.all(), key=lambda party: party.code)
        if contribution.kind == Contribution.Kind.COMMENT and parties:
            party, window = parties[0], comments.get((contribution.round_id, parties[0].pk))
        else:
            party, window = None, questionnaires.get(contribution.round_id)
        if window is None:
            continue
        offset = reminder_offset_due(closes_at=window.closes_at, offsets=DRAFT_REMINDER_DAYS, now=now)
        if offset is not None:
            reminders.append(_DraftReminder(contribution, party, window, offset))
    queued_before = set(
        OutboundEmail.objects.filter(key__in=[r.key for r in reminders]).values_list("key", flat=True)
    )
    reminders = [r for r in reminders if r.key not in queued_before]
    if not reminders:
        return 0
    members = defaultdict(list)
    for organisation_id, email in (
        Membership.objects.filter(
            organisation__in={r.contribution.organisation_id for r in reminders}, user__is_active=True
        )
        .exclude(user__email="")
        .values_list("organisation", "user__email")
    ):
        members[organisation_id].append(email)
    queued = 0
    for reminder in reminders:
        contribution = reminder.contribution
        email = email_queue(
            template="civil_society/email/draft_reminder",
            to=members[contribution.organisation_id],
            context={
                "contribution": contribution,
                "round": contribution.round,
                "party": reminder.party,
                "closes_on": reminder.window.closes_on,
                "days_left": days_left(last_day=reminder.window.closes_on, now=now),
            },
            language=contribution.language,
            key=reminder.key,
        )
        queued += email is not None
    return queued


def information_requests_close(*, now: datetime.datetime) -> int:
    """Close the requests left unanswered at the end of their due date (Strasbourg): a conditional UPDATE,
    so a request answered or closed meanwhile is left alone."""
    today = timezone.localdate(now, STRASBOURG)
    return InformationRequest.objects.filter(
        answered_at__isnull=True, closed_at__isnull=True, due_on__lt=today
    ).update(closed_at=now)
