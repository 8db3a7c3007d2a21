"""When civil society may submit: each Party's comment window, and the round's deadline for questionnaire
replies (DESIGN §2). Pure date arithmetic plus one read of the reply and the participation, or two reads for
every window at once (the sweep).
"""

import calendar
import dataclasses
import datetime
from collections.abc import Iterable

from django.utils import timezone

from core.deadlines import STRASBOURG, end_of_day
from rounds.models import Participation, Party, Round
from submissions.models import Reply


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` calendar months later, or that month's last day (31 Dec + 2 = 28/29 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


@dataclasses.dataclass(frozen=True)
class Window:
    opens_on: datetime.date | None
    closes_on: datetime.date | None

    @property
    def opens_at(self) -> datetime.datetime | None:
        return (
            datetime.datetime.combine(self.opens_on, datetime.time.min, tzinfo=STRASBOURG)
            if self.opens_on
            else None
        )

    @property
    def closes_at(self) -> datetime.datetime | None:
        """The first instant at which submitting is refused."""
        return end_of_day(self.closes_on) if self.closes_on else None

    def is_open(self, now: datetime.datetime | None = None) -> bool:
        now = now or timezone.now()
        if self.closes_at is None or self.opens_on is None:
            return False
        return self.opens_at <= now < self.closes_at

    def has_closed(self, now: datetime.datetime | None = None) -> bool:
        """Its last day is over (one not open yet, or without dates, has not closed)."""
        return self.closes_at is not None and (now or timezone.now()) >= self.closes_at

    def time_left(self, now: datetime.datetime | None = None) -> datetime.timedelta | None:
        if not self.is_open(now):
            return None
        return self.closes_at - (now or timezone.now())


CLOSED = Window(opens_on=None, closes_on=None)


def comment_window(*, round: Round, party: Party) -> Window:
    """Opens when the Party's reply is published; closes at the end of the day N months later, or on the
    day the Secretariat extended it to."""
    published_on = (
        Reply.objects.filter(round=round, party=party, state=Reply.State.PUBLISHED)
        .values_list("published_on", flat=True)
        .first()
    )
    if published_on is None:
        return CLOSED
    closes_on = add_months(published_on, round.comment_window_months)
    extended_to = (
        Participation.objects.filter(round=round, party=party)
        .values_list("comment_window_extended_to", flat=True)
        .first()
    )
    if extended_to and extended_to > closes_on:
        closes_on = extended_to
    return Window(opens_on=published_on, closes_on=closes_on)


def comment_windows(pairs: Iterable[tuple[int, int]] | None = None) -> dict[tuple[int, int], Window]:
    """The comment window of each (round id, Party id) pair whose reply is published — of every published
    reply when `pairs` is None — in two queries, however many. A pair missing from the answer has no window
    (CLOSED), as `comment_window` would say."""
    replies = Reply.objects.filter(state=Reply.State.PUBLISHED)
    extensions = Participation.objects.filter(comment_window_extended_to__isnull=False)
    if pairs is not None:
        pairs = set(pairs)
        if not pairs:
            return {}
        rounds, parties = {round_id for round_id, _ in pairs}, {party_id for _, party_id in pairs}
        replies = replies.filter(round__in=rounds, party__in=parties)
        extensions = extensions.filter(round__in=rounds, party__in=parties)
    extended_to = {
        (round_id, party_id): day
        for round_id, party_id, day in extensions.values_list("round", "party", "comment_window_extended_to")
    }
    windows = {}
    for round_id, party_id, published_on, months in replies.values_list(
        "round", "party", "published_on", "round__comment_window_months"
    ).order_by():
        if pairs is not None and (round_id, party_id) not in pairs:
            continue
        closes_on = add_months(published_on, months)
        extended = extended_to.get((round_id, party_id))
        if extended and extended > closes_on:
            closes_on = extended
        windows[round_id, party_id] = Window(opens_on=published_on, closes_on=closes_on)
    return windows


def questionnaire_window(*, round: Round) -> Window:
    """Organisations may reply to the questionnaire once it is adopted, until the round's deadline."""
    if round.civil_society_deadline is None:
        return CLOSED
    return Window(
        opens_on=round.questionnaire_adopted_on or round.civil_society_deadline,
        closes_on=round.civil_society_deadline,
    )
