"""The PDF worker killed (`kill -9`, with its pool process) while it renders a round's factsheets, on the
production stack: every factsheet is rendered in the end, the one being rendered too, queued again by the
refresh from the database once the task's time limit has passed (the test's settings cut it to seconds),
not by Redis's redelivery after its visibility timeout (an hour). Before: 91 of 92 rendered, the last never.
"""

import re
import time

import pytest
from django.core.management import call_command

from reports.models import Factsheet
from tests.factories import ParticipationFactory, RoundFactory

from .conftest import worker_database_url
from .stack import Stack, smtp_server  # noqa: F401 (a fixture)

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]

PARTIES = 2  # four factsheets: a country one per Party, in English and in French


def test_the_rendering_a_killed_pdf_worker_left_is_done_again_and_every_factsheet_is_rendered(
    redis_broker,
    smtp_server,  # noqa: F811 (the fixture imported above)
    tmp_path,
):
    round_ = RoundFactory()
    for _ in range(PARTIES):
        ParticipationFactory(round=round_)
    stack = Stack(
        tmp_path,
        database_url=worker_database_url(),
        redis_url=f"redis://127.0.0.1:{redis_broker.port}",
        smtp_port=smtp_server.port,
    )
    sheets = Factsheet.objects.filter(round=round_)
    try:
        default = stack.worker()  # the refresh's
        pdf = stack.worker("pdf")
        stack.beat()
        call_command("render_factsheets", "--round", round_.slug, "--no-wait")
        assert sheets.count() == 2 * PARTIES and not sheets.exclude(queued_at__isnull=False).exists()

        # Killed in the middle of a rendering, once at least one is done.
        stack.wait_for(
            lambda: (
                sheets.exclude(file="").exists() and sheets.filter(rendering_since__isnull=False).exists()
            ),
            what="a rendering under way after the first",
            timeout=60,
        )
        stack.kill(pdf)
        killed_at = time.monotonic()
        [lost] = sheets.filter(rendering_since__isnull=False, file="")
        done_before = sheets.exclude(file="").count()

        stack.worker("pdf")  # the compose's restart policy
        stack.wait_for(
            lambda: not sheets.filter(file="").exists(), what="every factsheet rendered", timeout=60
        )
        recovery = time.monotonic() - killed_at

        lost.refresh_from_db()
        assert lost.rendered_at is not None and lost.sha256 and lost.pages > 0
        assert not sheets.filter(queued_at__isnull=False).exists()
        assert not sheets.filter(rendering_since__isnull=False).exists()
        for sheet in sheets:
            assert (tmp_path / "media" / sheet.file.name).stat().st_size > 0
        # Queued again by the refresh, not redelivered (the visibility timeout is the production hour).
        assert re.search(r"factsheets_refresh_task\[[^]]+\] succeeded in [\d.]+s: 1\b", default.output())
        print(
            f"{done_before} of {2 * PARTIES} rendered at the kill; all {2 * PARTIES} {recovery:.1f} s later"
        )
    finally:
        stack.stop()
