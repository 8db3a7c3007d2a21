"""A round runs by its dates: the sweep moves it from phase to phase as the days pass (first of its parts),
records each move as its own in the audit trail, leaves held and closed rounds alone, and so keeps the
reminders and overdue marks going for a round whose status was left wrong by hand. The clock is frozen at
each step; tasks run eagerly (test settings)."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from core.deadlines import end_of_day
from lanzarote_portal.tasks import sweep
from outbox.models import OutboundEmail
from rounds.models import Participation, Round
from rounds.services import participation_extend_deadline
from rounds.sweep import phases_sweep
from submissions.models import Reply
from tests.factories import FocalPointFactory, ReplyFactory, RoundFactory

pytestmark = pytest.mark.django_db
PARIS = ZoneInfo("Europe/Paris")
Status = Round.Status
DAY = datetime.timedelta(days=1)
SEEDED = datetime.date(2030, 3, 2)  # the day the round is "seeded"; its dates are relative to it


def at(day: datetime.date, hour: int = 0, minute: int = 5) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=PARIS)


def sweep_at(moment: datetime.datetime) -> None:
    with time_machine.travel(moment, tick=False):
        sweep.delay()


def relative_round(**fields) -> Round:
    """A round seeded in preparation: questionnaire sent tomorrow, replies due in three weeks, civil society's
    a week later, the report adopted two months on."""
    dates = {
        "status": Status.PREPARATION,
        "questionnaire_adopted_on": SEEDED + DAY,
        "reply_deadline": SEEDED + 21 * DAY,
        "civil_society_deadline": SEEDED + 28 * DAY,
        "report_adopted_on": SEEDED + 60 * DAY,
    }
    return RoundFactory(**{**dates, **fields})


def history(round_: Round) -> list[tuple[str, object, str | None]]:
    return [
        (row.status, row.history_user, row.history_change_reason)
        for row in Round.history.filter(id=round_.pk).order_by("history_date", "history_id")
    ]


def status_of(round_: Round) -> str:
    round_.refresh_from_db()
    return round_.status


def test_a_round_with_relative_dates_moves_by_itself_day_by_day():
    round_ = relative_round()

    statuses = {}
    for days in range(63):
        day = SEEDED + days * DAY
        sweep_at(at(day))
        statuses[day] = status_of(round_)

    def first_day(status: str) -> datetime.date:
        return min(day for day, phase in statuses.items() if phase == status)

    assert list(dict.fromkeys(statuses.values())) == [
        Status.PREPARATION,
        Status.REPLIES,
        Status.EVALUATION,
        Status.REPORT_ADOPTED,
    ]
    assert first_day(Status.REPLIES) == SEEDED + DAY  # the questionnaire's day
    assert first_day(Status.EVALUATION) == SEEDED + 29 * DAY  # the day after civil society's deadline
    assert first_day(Status.REPORT_ADOPTED) == SEEDED + 60 * DAY
    # Each move recorded once, as the sweep's: no actor, the sweep's reason.
    assert history(round_)[1:] == [
        (Status.REPLIES, None, "deadline sweep"),
        (Status.EVALUATION, None, "deadline sweep"),
        (Status.REPORT_ADOPTED, None, "deadline sweep"),
    ]


def test_the_phase_changes_at_the_first_instant_of_the_day_in_strasbourg():
    round_ = relative_round()
    adopted = end_of_day(SEEDED)  # midnight in Strasbourg, 23:00 UTC the day before

    assert phases_sweep(now=adopted - datetime.timedelta(seconds=1)) == {"moved": 0, "held": 0}
    assert status_of(round_) == Status.PREPARATION
    assert phases_sweep(now=adopted) == {"moved": 1, "held": 0}
    assert status_of(round_) == Status.REPLIES


def test_a_second_sweep_changes_nothing_and_writes_no_history():
    round_ = relative_round()
    sweep_at(at(SEEDED + 30 * DAY))
    recorded = history(round_)
    updated_at = Round.objects.get(pk=round_.pk).updated_at

    assert phases_sweep(now=at(SEEDED + 30 * DAY, hour=12)) == {"moved": 0, "held": 0}

    assert history(round_) == recorded
    assert Round.objects.get(pk=round_.pk).updated_at == updated_at
    assert status_of(round_) == Status.EVALUATION


def test_a_held_round_stays_where_the_secretariat_put_it():
    held = relative_round(phase_held=True, phase_held_reason="The questionnaire's French version is late.")
    recorded = history(held)

    sweep_at(at(SEEDED + 5 * DAY))

    assert status_of(held) == Status.PREPARATION
    assert history(held) == recorded
    assert phases_sweep(now=at(SEEDED + 5 * DAY)) == {"moved": 0, "held": 1}


def test_a_closed_round_is_never_moved_by_its_dates():
    closed = relative_round(status=Status.CLOSED)

    sweep_at(at(SEEDED + 5 * DAY))

    assert status_of(closed) == Status.CLOSED
    assert len(history(closed)) == 1


def test_a_round_left_in_preparation_by_hand_still_reminds_and_marks_overdue():
    """The bug: the questionnaire went out but nobody changed the status, so no reminder and no overdue mark
    ever came. The sweep now moves the round first, and the replies part finds it."""
    deadline = SEEDED + 6 * DAY  # reminded a week before the end of its day: from this morning
    round_ = RoundFactory(
        status=Status.PREPARATION,
        questionnaire_adopted_on=SEEDED - 30 * DAY,
        reply_deadline=deadline,
        reminder_days="7,1",
    )
    draft = ReplyFactory(round=round_)
    FocalPointFactory(party=draft.party, user__username="focal-forgotten")

    sweep_at(at(SEEDED, hour=9))

    assert status_of(round_) == Status.REPLIES
    reminder = OutboundEmail.objects.get(key__startswith="reply-reminder:")
    assert reminder.key.endswith(f"{deadline.isoformat()}:7")
    assert reminder.to == ["focal-forgotten@example.org"]

    sweep_at(end_of_day(deadline))

    draft.refresh_from_db()
    assert draft.overdue_at == end_of_day(deadline)
    assert status_of(round_) == Status.EVALUATION


def test_a_round_marked_evaluation_too_early_by_hand_collects_replies_again():
    round_ = RoundFactory(
        status=Status.EVALUATION, questionnaire_adopted_on=SEEDED - 30 * DAY, reply_deadline=SEEDED + DAY
    )
    draft = ReplyFactory(round=round_)
    FocalPointFactory(party=draft.party)

    sweep_at(at(SEEDED, hour=9))

    assert status_of(round_) == Status.REPLIES
    assert OutboundEmail.objects.filter(key__startswith=f"reply-reminder:{round_.pk}:").count() == 1


def test_replies_are_collected_while_a_partys_extension_runs_and_an_extension_reopens_them_at_once():
    round_ = RoundFactory(
        status=Status.REPLIES, questionnaire_adopted_on=SEEDED - 30 * DAY, reply_deadline=SEEDED - DAY
    )
    draft = ReplyFactory(round=round_)
    participation = Participation.objects.get(round=round_, party=draft.party)
    sweep_at(at(SEEDED))
    assert status_of(round_) == Status.EVALUATION

    with time_machine.travel(at(SEEDED, hour=10), tick=False):
        participation_extend_deadline(participation=participation, until=SEEDED + 10 * DAY)

    assert status_of(round_) == Status.REPLIES
    sweep_at(at(SEEDED + 10 * DAY))
    assert status_of(round_) == Status.REPLIES
    sweep_at(at(SEEDED + 11 * DAY))
    assert status_of(round_) == Status.EVALUATION
    assert Reply.objects.get(pk=draft.pk).overdue_at == at(SEEDED + 11 * DAY)  # marked by that sweep


def test_a_round_leaving_preparation_by_its_date_is_public_at_once(client):
    round_ = relative_round()
    adopted = at(SEEDED + DAY)
    page = f"/en/rounds/{round_.slug}/"

    with time_machine.travel(adopted, tick=False):
        # Read before the sweep: the list is cached for readers, the round's page is not found.
        assert page not in client.get("/en/rounds/").content.decode()
        assert client.get(page).status_code == 404

        sweep.delay()

        assert page in client.get("/en/rounds/").content.decode()
        assert client.get(page).status_code == 200
