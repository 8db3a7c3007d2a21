"""The relay hands the broker what it could not take, soon after (beat runs it every 20 s), and leaves alone
what it took: a long queue is not filled with copies, and a copy sends nothing twice."""

import datetime

import pytest
from django.conf import settings
from django.utils import timezone

from outbox.models import OutboundEmail
from outbox.services import LOST_AFTER_SECONDS, outbox_relay
from outbox.tasks import RELAY_AGE_SECONDS

pytestmark = pytest.mark.django_db
Status = OutboundEmail.Status


def pending(**fields) -> OutboundEmail:
    email = OutboundEmail.objects.create(
        to=["focal@example.org"], subject="Receipt", body="", html="", language="en"
    )
    OutboundEmail.objects.filter(pk=email.pk).update(**fields)
    return email


@pytest.fixture
def relayed(monkeypatch) -> list[int]:
    handed = []
    monkeypatch.setattr("outbox.services._enqueue", handed.append)
    return handed


def test_the_relay_runs_often_enough_to_send_within_a_minute_of_the_brokers_return():
    entry = settings.CELERY_BEAT_SCHEDULE["outbox-relay"]
    assert entry["task"] == "outbox.tasks.outbox_relay_task"
    assert entry["schedule"] + RELAY_AGE_SECONDS < 60 and entry["options"]["expires"] < entry["schedule"]


def test_an_email_the_broker_never_took_is_relayed_once_old_enough(relayed):
    now = timezone.now()
    email = pending(created_at=now - datetime.timedelta(seconds=RELAY_AGE_SECONDS + 1))
    young = pending(created_at=now - datetime.timedelta(seconds=RELAY_AGE_SECONDS - 5))

    assert outbox_relay(now=now, older_than=RELAY_AGE_SECONDS) == 1
    assert relayed == [email.pk] and young.pk not in relayed


def test_an_email_the_broker_took_is_left_to_its_task_until_presumed_lost(relayed):
    now = timezone.now()
    took = pending(
        created_at=now - datetime.timedelta(minutes=2), enqueued_at=now - datetime.timedelta(minutes=2)
    )
    lost = pending(
        created_at=now - datetime.timedelta(minutes=10),
        enqueued_at=now - datetime.timedelta(seconds=LOST_AFTER_SECONDS + 1),
    )

    assert outbox_relay(now=now, older_than=RELAY_AGE_SECONDS) == 1
    assert relayed == [lost.pk] and took.pk not in relayed


def test_a_successful_handover_is_recorded(mailoutbox):
    email = pending(created_at=timezone.now() - datetime.timedelta(minutes=1))

    assert outbox_relay(older_than=RELAY_AGE_SECONDS) == 1  # the test settings run the task at once

    email.refresh_from_db()
    assert email.status == Status.SENT and email.enqueued_at is not None
    assert outbox_relay(older_than=0) == 0
