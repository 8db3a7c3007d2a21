"""The phase a round's dates call for, day by day on the Strasbourg calendar (rounds.phases): each boundary,
extensions and the civil-society deadline, and rounds whose historic dates are missing."""

import datetime

import pytest

from demo.data.rounds import ROUNDS
from rounds.models import Round
from rounds.phases import phase_due, replies_last_day

Status = Round.Status
DAY = datetime.timedelta(days=1)
ADOPTED = datetime.date(2030, 3, 2)
DEADLINE = datetime.date(2030, 3, 23)
CIVIL_SOCIETY = datetime.date(2030, 4, 6)
REPORT = datetime.date(2031, 1, 15)


def dated(**dates) -> Round:
    fields = {
        "questionnaire_adopted_on": ADOPTED,
        "reply_deadline": DEADLINE,
        "civil_society_deadline": None,
        "report_adopted_on": None,
    }
    return Round(**{**fields, **dates})


def due(round_: Round, on: datetime.date, latest_extension: datetime.date | None = None) -> str | None:
    return phase_due(round=round_, on=on, latest_extension=latest_extension)


def test_a_round_prepares_until_its_questionnaire_is_adopted_and_collects_replies_from_that_day():
    assert due(dated(), ADOPTED - DAY) == Status.PREPARATION
    assert due(dated(), ADOPTED) == Status.REPLIES


def test_replies_are_collected_through_the_deadline_day_and_evaluation_begins_the_day_after():
    assert due(dated(), DEADLINE) == Status.REPLIES
    assert due(dated(), DEADLINE + DAY) == Status.EVALUATION


def test_replies_are_collected_while_any_partys_extended_deadline_runs():
    extended = DEADLINE + 10 * DAY

    assert due(dated(), DEADLINE + DAY, latest_extension=extended) == Status.REPLIES
    assert due(dated(), extended, latest_extension=extended) == Status.REPLIES
    assert due(dated(), extended + DAY, latest_extension=extended) == Status.EVALUATION


def test_replies_are_collected_until_civil_societys_deadline_when_it_is_later():
    round_ = dated(civil_society_deadline=CIVIL_SOCIETY)

    assert replies_last_day(round=round_, latest_extension=None) == CIVIL_SOCIETY
    assert due(round_, CIVIL_SOCIETY) == Status.REPLIES
    assert due(round_, CIVIL_SOCIETY + DAY) == Status.EVALUATION
    # An earlier civil-society deadline does not shorten the Parties' time.
    assert due(dated(civil_society_deadline=DEADLINE - 5 * DAY), DEADLINE) == Status.REPLIES


def test_the_report_adopted_from_its_day_whatever_the_other_dates_say():
    round_ = dated(report_adopted_on=REPORT)

    assert due(round_, REPORT - DAY) == Status.EVALUATION
    assert due(round_, REPORT) == Status.REPORT_ADOPTED
    assert due(
        dated(questionnaire_adopted_on=None, reply_deadline=None, report_adopted_on=REPORT), REPORT
    ) == (Status.REPORT_ADOPTED)


def test_a_round_without_a_reply_deadline_collects_replies_with_no_end():
    assert due(dated(reply_deadline=None, civil_society_deadline=CIVIL_SOCIETY), REPORT) == Status.REPLIES


def test_missing_historic_dates_call_only_for_what_the_known_ones_say():
    # No adoption date: preparation and replies cannot be told apart ...
    assert due(dated(questionnaire_adopted_on=None), DEADLINE) is None
    # ... but a deadline passed says the replies are in.
    assert due(dated(questionnaire_adopted_on=None), DEADLINE + DAY) == Status.EVALUATION
    assert due(dated(questionnaire_adopted_on=None, reply_deadline=None), REPORT) is None


def test_no_date_ever_calls_for_a_closed_round():
    days = [ADOPTED - DAY, ADOPTED, DEADLINE, CIVIL_SOCIETY + DAY, REPORT, REPORT + 3650 * DAY]
    assert Status.CLOSED not in {due(dated(report_adopted_on=REPORT), day) for day in days}


@pytest.mark.parametrize("seed", ROUNDS, ids=lambda seed: seed["slug"])
def test_the_real_rounds_dates_call_for_no_change_of_their_phase(seed):
    """The 2nd round's dates call for the adopted report it has; the 1st and the urgent round, closed by the
    Secretariat, are never moved by their dates."""
    round_ = Round(
        **{
            name: seed.get(name)
            for name in (
                "questionnaire_adopted_on",
                "reply_deadline",
                "civil_society_deadline",
                "report_adopted_on",
            )
        }
    )
    called_for = due(round_, datetime.date(2026, 12, 7))
    assert seed["status"] == Status.CLOSED or called_for == seed["status"]
