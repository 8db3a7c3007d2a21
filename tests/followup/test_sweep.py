"""The sweep for requests for clarifications: reminders before the due day at the round's offsets, an
overdue notice once it has passed, each queued once; nothing once the response is submitted."""

import datetime

import pytest
import time_machine
from django.utils import translation

from core.deadlines import end_of_day
from followup.services import clarification_response_submit
from followup.sweep import clarifications_sweep
from lanzarote_portal.tasks import sweep
from outbox.models import OutboundEmail

from .conftest import CLARIFICATION_DUE

pytestmark = pytest.mark.django_db

CLOSES = end_of_day(CLARIFICATION_DUE)


def _keys() -> list[str]:
    return sorted(OutboundEmail.objects.values_list("key", flat=True))


def test_a_reminder_goes_once_at_each_offset_to_the_partys_focal_points(world, clarification):
    ten_days_before = CLOSES - datetime.timedelta(days=10)

    assert clarifications_sweep(now=ten_days_before) == {"reminders": 1, "overdue": 0}
    assert clarifications_sweep(now=ten_days_before) == {"reminders": 0, "overdue": 0}
    assert clarifications_sweep(now=CLOSES - datetime.timedelta(days=9)) == {"reminders": 0, "overdue": 0}

    email = OutboundEmail.objects.get()
    assert email.key == f"clarification-reminder:{clarification.pk}:2026-10-01:14"
    assert email.to == ["focal-a@example.org"]
    assert "Reminder: the clarifications on question 3" in email.subject and "1 October 2026" in email.subject
    assert "in 10 days" in email.body
    assert f"/en/my-clarifications/{clarification.pk}/" in email.body
    assert clarifications_sweep(now=CLOSES - datetime.timedelta(days=3)) == {"reminders": 1, "overdue": 0}
    assert _keys()[-1].endswith(":7")


def test_an_overdue_notice_goes_once_the_due_day_has_passed(world, clarification):
    assert clarifications_sweep(now=CLOSES) == {"reminders": 0, "overdue": 1}
    assert clarifications_sweep(now=CLOSES + datetime.timedelta(days=3)) == {"reminders": 0, "overdue": 0}

    email = OutboundEmail.objects.get()
    assert email.key == f"clarification-overdue:{clarification.pk}:2026-10-01"
    assert "Overdue: the clarifications on question 3" in email.subject
    assert "were due on 1 October 2026, and no response has been submitted" in email.body


def test_a_submitted_response_stops_reminders_and_the_notice(world, clarification):
    clarification_response_submit(clarification=clarification, body="Tabled.", by=world.focal)

    assert clarifications_sweep(now=CLOSES - datetime.timedelta(days=1)) == {"reminders": 0, "overdue": 0}
    assert clarifications_sweep(now=CLOSES) == {"reminders": 0, "overdue": 0}
    assert not OutboundEmail.objects.exists()


def test_a_request_in_french_is_recalled_in_french(world, clarification):
    clarification.language = "fr"
    clarification.save()

    clarifications_sweep(now=CLOSES - datetime.timedelta(hours=2))

    email = OutboundEmail.objects.get()
    assert email.language == "fr" and email.key.endswith(":1")
    with translation.override("fr"):
        assert "/fr/my-clarifications/" in email.body


def test_a_follow_up_in_preparation_is_left_alone(world, clarification, exercise):
    exercise.round.status = exercise.round.Status.PREPARATION
    exercise.round.save()

    assert clarifications_sweep(now=CLOSES) == {"reminders": 0, "overdue": 0}


def test_the_periodic_sweep_runs_the_clarifications_part(world, clarification):
    with time_machine.travel(CLOSES + datetime.timedelta(minutes=5), tick=False):
        sweep()

    assert f"clarification-overdue:{clarification.pk}:2026-10-01" in _keys()
