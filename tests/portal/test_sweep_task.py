"""The periodic sweep task: scheduled by beat, runs the apps' sweeps and the outbox relay, and tells
`/readyz` when it last succeeded. Tasks run eagerly here (test settings); the clock is frozen."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.conf import settings
from django.core.cache import cache

from civil_society.models import WindowEvent
from lanzarote_portal.tasks import SWEEP_KEY, sweep
from outbox.models import OutboundEmail
from submissions.models import Reply
from tests.factories import FocalPointFactory, ReplyFactory, RoundFactory

pytestmark = pytest.mark.django_db
PARIS = ZoneInfo("Europe/Paris")
END = datetime.datetime(2025, 12, 2, tzinfo=PARIS)  # the end of the round's deadline day, 1 December


@pytest.fixture(autouse=True)
def no_last_sweep():
    cache.delete(SWEEP_KEY)
    yield
    cache.delete(SWEEP_KEY)


@pytest.fixture
def draft(db):
    round_ = RoundFactory(reply_deadline=datetime.date(2025, 12, 1))
    reply = ReplyFactory(round=round_)
    FocalPointFactory(party=reply.party, user__username="focal-sweep")
    published = ReplyFactory(
        round=round_, state=Reply.State.PUBLISHED, published_on=datetime.date(2025, 11, 3)
    )
    return reply, published


def test_beat_runs_the_sweep_every_five_minutes():
    entry = settings.CELERY_BEAT_SCHEDULE["deadline-sweep"]
    assert entry["task"] == sweep.name == "lanzarote_portal.tasks.sweep"
    assert entry["schedule"] == 300.0
    assert sweep.acks_late


def test_the_sweep_marks_reminds_and_records_when_it_ran(
    draft, client, mailoutbox, django_capture_on_commit_callbacks
):
    reply, published = draft
    with time_machine.travel(END - datetime.timedelta(days=1), tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            sweep.delay()
        assert client.get("/readyz").json()["last_sweep_seconds_ago"] == 0
    with time_machine.travel(END, tick=False):
        sweep.delay()
    with time_machine.travel(END + datetime.timedelta(seconds=42), tick=False):
        body = client.get("/readyz").json()

    reply.refresh_from_db()
    assert reply.overdue_at == END
    assert WindowEvent.objects.filter(party=published.party, kind=WindowEvent.Kind.OPENED).exists()
    # The reminder, queued by the sweep, delivered by its task after the commit.
    assert [message.to for message in mailoutbox] == [["focal-sweep@example.org"]]
    assert OutboundEmail.objects.get().status == OutboundEmail.Status.SENT
    assert body["last_sweep_seconds_ago"] == 42
    assert "worker_last_seen_seconds_ago" in body


def test_readyz_reports_no_sweep_before_the_first(client):
    assert client.get("/readyz").json()["last_sweep_seconds_ago"] is None


def test_a_failing_part_does_not_stop_the_others_and_the_sweep_is_not_recorded(draft, monkeypatch):
    _, published = draft

    def broken(*, now):
        raise RuntimeError("replies sweep broke")

    relayed = []
    monkeypatch.setattr("lanzarote_portal.tasks.replies_sweep", broken)
    monkeypatch.setattr("lanzarote_portal.tasks.outbox_relay", lambda *, now: relayed.append(now) or 0)

    with time_machine.travel(END, tick=False), pytest.raises(RuntimeError, match="replies sweep broke"):
        sweep.delay()

    assert WindowEvent.objects.filter(party=published.party).exists()
    assert relayed == [END]
    assert cache.get(SWEEP_KEY) is None


def test_the_sweep_relays_emails_a_broker_outage_held_back(draft, mailoutbox):
    # An e-mail queued while the broker was down: still pending a while later.
    with time_machine.travel(END - datetime.timedelta(minutes=10), tick=False):
        OutboundEmail.objects.create(
            to=["someone@example.org"], subject="Held", body="b", html="h", language="en"
        )

    with time_machine.travel(END, tick=False):
        sweep.delay()

    assert [message.subject for message in mailoutbox] == ["Held"]
    assert OutboundEmail.objects.get(subject="Held").status == OutboundEmail.Status.SENT
