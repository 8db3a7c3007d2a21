"""Comment-window arithmetic (DESIGN §2): two calendar months after publication, to the end of that day in
Strasbourg, whatever the month lengths and clock changes in between."""

import datetime
from zoneinfo import ZoneInfo

import pytest

from civil_society.windows import add_months, comment_window, questionnaire_window
from rounds.models import Participation
from submissions.models import Reply

PARIS = ZoneInfo("Europe/Paris")
UTC = datetime.UTC


@pytest.mark.parametrize(
    ("published", "closes"),
    [
        (datetime.date(2025, 10, 31), datetime.date(2025, 12, 31)),
        (datetime.date(2025, 12, 31), datetime.date(2026, 2, 28)),
        (datetime.date(2023, 12, 31), datetime.date(2024, 2, 29)),
        (datetime.date(2025, 11, 30), datetime.date(2026, 1, 30)),
        (datetime.date(2025, 12, 30), datetime.date(2026, 2, 28)),
        (datetime.date(2026, 1, 15), datetime.date(2026, 3, 15)),
    ],
)
def test_two_calendar_months_later_or_the_last_day_of_a_short_month(published, closes):
    assert add_months(published, 2) == closes


def test_the_window_closes_at_midnight_in_strasbourg_after_its_last_day(world):
    window = comment_window(round=world.round, party=world.party_a)
    assert window.opens_on == datetime.date(2025, 10, 31)
    assert window.closes_on == datetime.date(2025, 12, 31)
    assert window.closes_at == datetime.datetime(2026, 1, 1, tzinfo=PARIS)
    assert window.closes_at.astimezone(UTC) == datetime.datetime(2025, 12, 31, 23, tzinfo=UTC)
    assert window.is_open(datetime.datetime(2025, 12, 31, 23, 59, 59, tzinfo=PARIS))
    assert not window.is_open(datetime.datetime(2026, 1, 1, 0, 0, 0, tzinfo=PARIS))


@pytest.mark.parametrize(
    ("published", "closes_utc"),
    [
        # Summer time begins on 29 March 2026: the last day ends at 22:00 UTC, not 23:00.
        (datetime.date(2026, 1, 29), datetime.datetime(2026, 3, 29, 22, tzinfo=UTC)),
        # Summer time ends on 25 October 2026: that day has 25 hours and ends at 23:00 UTC.
        (datetime.date(2026, 8, 25), datetime.datetime(2026, 10, 25, 23, tzinfo=UTC)),
    ],
)
def test_clock_changes_move_the_closing_instant_with_strasbourg(world, published, closes_utc):
    Reply.objects.filter(pk=world.reply_a.pk).update(published_on=published)
    window = comment_window(round=world.round, party=world.party_a)
    assert window.closes_at.astimezone(UTC) == closes_utc


def test_the_length_is_a_round_setting(world):
    world.round.comment_window_months = 3
    assert comment_window(round=world.round, party=world.party_a).closes_on == datetime.date(2026, 1, 31)


def test_an_extension_for_one_party_moves_only_a_later_closing_day(world):
    participation = Participation.objects.get(round=world.round, party=world.party_a)
    participation.comment_window_extended_to = datetime.date(2026, 1, 15)
    participation.save()
    assert comment_window(round=world.round, party=world.party_a).closes_on == datetime.date(2026, 1, 15)
    participation.comment_window_extended_to = datetime.date(2025, 12, 1)
    participation.save()
    assert comment_window(round=world.round, party=world.party_a).closes_on == datetime.date(2025, 12, 31)


def test_an_unpublished_reply_has_no_window(world):
    window = comment_window(round=world.round, party=world.party_b)
    assert window.closes_at is None and not window.is_open()


def test_questionnaire_replies_follow_the_rounds_civil_society_deadline(world):
    window = questionnaire_window(round=world.round)
    assert window.closes_at == datetime.datetime(2026, 4, 1, tzinfo=PARIS)
    world.round.civil_society_deadline = None
    assert not questionnaire_window(round=world.round).is_open()


def test_a_window_is_not_open_before_its_first_day(world):
    world.round.questionnaire_adopted_on = datetime.date(2026, 3, 1)
    window = questionnaire_window(round=world.round)
    assert not window.is_open(datetime.datetime(2026, 2, 28, 23, 59, 59, tzinfo=PARIS))
    assert window.is_open(datetime.datetime(2026, 3, 1, 0, 0, 0, tzinfo=PARIS))
