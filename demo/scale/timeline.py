"""When things happen in the scale data set: fixed dates, so that a seed gives the same data every day.

The synthetic history stops at `AS_OF`. The newest round adopted its questionnaire on `NEWEST_ADOPTED` and
is collecting replies (its deadline is after `AS_OF`); each older round came six months before the next.
Rounds one and two back are under evaluation, older ones have their report adopted, and from five back they
are closed. A reply goes through the states the services allow, in order, each step dated after the last.
"""

import datetime
import random
from dataclasses import dataclass, field

from civil_society.windows import add_months
from core.deadlines import STRASBOURG, end_of_day
from rounds.models import Round
from submissions.models import Reply

State = Reply.State
AS_OF = datetime.datetime(2026, 11, 20, 18, 0, tzinfo=STRASBOURG)
NEWEST_ADOPTED = datetime.date(2026, 9, 15)
SPACING_MONTHS = 6
LATE_SHARE = 0.2
SENT_BACK_SHARE = 0.1

# How the replies of a round are spread over the states, by the round's age (0: the newest round).
STATE_SHARES = {
    0: {State.DRAFT: 50, State.RETURNED: 5, State.SUBMITTED: 30, State.REGISTERED: 15},
    1: {State.DRAFT: 8, State.RETURNED: 4, State.SUBMITTED: 10, State.REGISTERED: 23, State.PUBLISHED: 55},
    2: {State.DRAFT: 2, State.SUBMITTED: 3, State.REGISTERED: 10, State.PUBLISHED: 85},
}
OLDER_SHARES = {State.REGISTERED: 5, State.PUBLISHED: 95}


@dataclass(frozen=True)
class RoundDates:
    age: int
    adopted_on: datetime.date
    reply_deadline: datetime.date
    civil_society_deadline: datetime.date
    report_adopted_on: datetime.date | None
    status: str


def round_dates(*, index: int, rounds: int) -> RoundDates:
    """The dates of round `index` (1: the oldest) of `rounds`."""
    age = rounds - index
    adopted_on = add_months(NEWEST_ADOPTED, -SPACING_MONTHS * age)
    deadline = add_months(adopted_on, 4)
    if age == 0:
        status = Round.Status.REPLIES
    elif age <= 2:
        status = Round.Status.EVALUATION
    else:
        status = Round.Status.REPORT_ADOPTED if age <= 4 else Round.Status.CLOSED
    return RoundDates(
        age=age,
        adopted_on=adopted_on,
        reply_deadline=deadline,
        civil_society_deadline=add_months(deadline, 2),
        report_adopted_on=add_months(deadline, 12) if age >= 3 else None,
        status=status,
    )


def spread(shares: dict, total: int) -> dict:
    """How many of `total` go to each key, in proportion to `shares` (largest remainders)."""
    weight = sum(shares.values())
    exact = {key: share * total / weight for key, share in shares.items()}
    counts = {key: int(value) for key, value in exact.items()}
    by_remainder = sorted(shares, key=lambda key: exact[key] - counts[key], reverse=True)
    for key in by_remainder[: total - sum(counts.values())]:
        counts[key] += 1
    return counts


def quotas(shares: dict, total: int, rng: random.Random) -> list:
    """`total` keys spread as `shares` says, in a random order."""
    values = [key for key, count in spread(shares, total).items() for _ in range(count)]
    rng.shuffle(values)
    return values


def reply_states(*, age: int, parties: int, rng: random.Random) -> list[str]:
    return quotas(STATE_SHARES.get(age, OLDER_SHARES), parties, rng)


def moment(day: datetime.date, rng: random.Random) -> datetime.datetime:
    """A working-day moment of `day`, Strasbourg time, to the minute."""
    start = datetime.datetime.combine(day, datetime.time(8, 30), tzinfo=STRASBOURG)
    return start + datetime.timedelta(minutes=rng.randint(0, 540))


def between(start: datetime.datetime, end: datetime.datetime, rng: random.Random) -> datetime.datetime:
    minutes = max(int((end - start).total_seconds() // 60), 0)
    return start + datetime.timedelta(minutes=rng.randint(0, minutes))


def days(n: int) -> datetime.timedelta:
    return datetime.timedelta(days=n)


@dataclass
class ReplyStory:
    """A reply's steps (from state, to state, "focal" or "secretariat", when) and the dates they leave."""

    state: str
    steps: list[tuple[str, str, str, datetime.datetime]] = field(default_factory=list)
    is_late: bool = False
    overdue_at: datetime.datetime | None = None

    @property
    def opened_at(self) -> datetime.datetime:
        return self.steps[0][3]

    @property
    def last_at(self) -> datetime.datetime:
        return self.steps[-1][3]

    def first(self, state: str) -> datetime.datetime | None:
        return next((at for _from, to, _by, at in self.steps if to == state), None)

    @property
    def writing_ends(self) -> datetime.datetime:
        """Until when the focal points wrote: the first submission, or now for a reply never submitted."""
        return self.first(State.SUBMITTED) or AS_OF

    @property
    def published_on(self) -> datetime.date | None:
        published = self.first(State.PUBLISHED)
        return published.astimezone(STRASBOURG).date() if published else None


def reply_story(*, state: str, dates: RoundDates, rng: random.Random) -> ReplyStory:
    opened = moment(dates.adopted_on + days(rng.randint(2, 45)), rng)
    steps = [("", State.DRAFT, "focal", opened)]
    if state != State.DRAFT:
        if rng.random() < LATE_SHARE:
            submitted_day = dates.reply_deadline + days(rng.randint(1, 60))
        else:
            submitted_day = dates.reply_deadline - days(rng.randint(0, 90))
        at = max(moment(submitted_day, rng), opened + days(rng.randint(5, 20)))
        steps.append((State.DRAFT, State.SUBMITTED, "focal", at))
        if state == State.RETURNED or (state != State.SUBMITTED and rng.random() < SENT_BACK_SHARE):
            at += days(rng.randint(3, 20))
            steps.append((State.SUBMITTED, State.RETURNED, "secretariat", at))
            if state != State.RETURNED:
                at += days(rng.randint(5, 25))
                steps.append((State.RETURNED, State.SUBMITTED, "focal", at))
        if state in (State.REGISTERED, State.PUBLISHED):
            at += days(rng.randint(2, 30))
            steps.append((State.SUBMITTED, State.REGISTERED, "secretariat", at))
        if state == State.PUBLISHED:
            at += days(rng.randint(5, 90))
            steps.append((State.REGISTERED, State.PUBLISHED, "secretariat", at))
    story = ReplyStory(state=state, steps=_until_now(steps))
    closes_at = end_of_day(dates.reply_deadline)
    submitted = story.first(State.SUBMITTED)
    story.is_late = submitted is not None and submitted >= closes_at
    # The sweep marked the reply overdue when its deadline passed before it was submitted.
    if story.is_late or (submitted is None and closes_at <= AS_OF):
        story.overdue_at = closes_at
    return story


def _until_now(steps: list) -> list:
    """Steps that would run past `AS_OF` are brought closer together, in order, to end before it."""
    first, last = steps[0][3], steps[-1][3]
    if last <= AS_OF:
        return steps
    ratio = (AS_OF - first) / (last - first)
    return [(a, b, by, (first + (at - first) * ratio).replace(microsecond=0)) for a, b, by, at in steps]
