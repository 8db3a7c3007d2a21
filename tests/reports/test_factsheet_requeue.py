"""Renderings a killed worker never did are found by the database: each is recorded as queued, and the
refresh queues it again once the task's time limit (and margin) has passed; a rendering that another process
has claimed is neither queued again nor done twice."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from reports.factsheets import factsheet_render
from reports.models import Factsheet
from reports.refresh import factsheets_mark_queued, factsheets_to_refresh

pytestmark = pytest.mark.django_db

REQUEUE_AFTER = datetime.timedelta(seconds=360)


@pytest.fixture(autouse=True)
def requeue_after(settings):
    settings.FACTSHEET_REQUEUE_AFTER_SECONDS = int(REQUEUE_AFTER.total_seconds())


def queued_for(world, now) -> Factsheet:
    """Aland's English factsheet, queued at `now` and never rendered (its worker was killed)."""
    factsheets_mark_queued(round=world.round, due=[("country", "ZA", "en")], now=now)
    return Factsheet.objects.get(party=world.party_a, language="en")


def test_queueing_a_round_records_every_rendering_before_any_is_done(world, monkeypatch):
    sent = []
    monkeypatch.setattr("reports.tasks.factsheet_render_task.delay", lambda *args: sent.append(args))

    call_command("render_factsheets", "--round", world.round.slug, "--no-wait")

    rows = Factsheet.objects.filter(round=world.round)
    assert len(sent) == rows.count() == 4  # two Parties, two languages: the findings are not adopted yet
    assert all(row.queued_at is not None and not row.file for row in rows)


def test_a_rendering_never_done_is_queued_again_after_the_time_limit_and_not_before(world):
    queued_at = timezone.now()
    sheet = queued_for(world, queued_at)

    assert factsheets_to_refresh(now=queued_at + REQUEUE_AFTER - datetime.timedelta(seconds=1)) == []
    later = queued_at + REQUEUE_AFTER + datetime.timedelta(seconds=1)
    assert factsheets_to_refresh(now=later) == [sheet]
    assert factsheets_to_refresh(now=later) == []  # queued again once, not at every refresh
    sheet.refresh_from_db()
    assert sheet.queued_at == later


def test_the_rendering_done_clears_the_mark(world):
    queued_at = timezone.now()
    queued_for(world, queued_at)

    sheet = factsheet_render(round=world.round, kind="country", party=world.party_a, language="en")

    assert (bool(sheet.file), sheet.queued_at, sheet.rendering_since) == (True, None, None)
    assert factsheets_to_refresh(now=queued_at + 2 * REQUEUE_AFTER) == []


def test_a_rendering_claimed_by_a_live_worker_is_neither_queued_again_nor_done_twice(world):
    queued_at = timezone.now() - 2 * REQUEUE_AFTER
    sheet = queued_for(world, queued_at)
    Factsheet.objects.filter(pk=sheet.pk).update(rendering_since=timezone.now())  # a worker renders it

    assert factsheets_to_refresh(now=timezone.now()) == []
    again = factsheet_render(round=world.round, kind="country", party=world.party_a, language="en")
    assert not again.file  # left to the worker that claimed it


def test_a_claim_left_by_a_dead_worker_is_taken_over(world):
    sheet = queued_for(world, timezone.now() - 2 * REQUEUE_AFTER)
    Factsheet.objects.filter(pk=sheet.pk).update(rendering_since=timezone.now() - 2 * REQUEUE_AFTER)

    assert factsheets_to_refresh(now=timezone.now()) == [sheet]
    rendered = factsheet_render(round=world.round, kind="country", party=world.party_a, language="en")
    assert rendered.file and rendered.rendering_since is None
