"""Worker settings fit long tasks and a broker that fails: read from the Celery app as the workers get them,
and from the commands that start the workers."""

import json
import os
import subprocess
import sys

from django.conf import settings

from lanzarote_portal.celery import app as celery_app
from outbox.tasks import MAX_COUNTDOWN_SECONDS, email_send_task
from tests.portal.test_settings import PRODUCTION_ENV


def test_a_worker_takes_one_task_at_a_time_and_a_lost_task_is_run_again():
    conf = celery_app.conf
    assert conf.worker_prefetch_multiplier == 1
    assert conf.task_acks_late and conf.task_reject_on_worker_lost
    assert email_send_task.acks_late


def test_a_stuck_task_is_stopped_before_redis_would_hand_it_to_another_worker():
    conf = celery_app.conf
    assert (conf.task_soft_time_limit, conf.task_time_limit) == (240, 300)
    visibility_timeout = redis_transport_options()["visibility_timeout"]
    assert max(conf.task_time_limit, MAX_COUNTDOWN_SECONDS) < visibility_timeout


def test_pdfs_have_a_queue_of_their_own_and_everything_else_the_default_one():
    def queue(task: str) -> str:
        return celery_app.amqp.router.route({}, task)["queue"].name

    assert queue("reports.tasks.factsheet_render_task") == "pdf"
    assert queue("outbox.tasks.email_send_task") == "celery"
    assert queue("lanzarote_portal.tasks.sweep") == "celery"
    # Behind a round's renderings, the refresh would expire unrun (test_factsheet_refresh.py).
    assert queue("reports.tasks.factsheets_refresh_task") == "celery"


def test_the_pdf_worker_renders_one_at_a_time_in_a_process_recycled_every_20_tasks():
    procfile = dict(
        line.split(": ", 1) for line in (settings.BASE_DIR / "Procfile.dev").read_text().splitlines()
    )
    assert "--concurrency=1 --max-tasks-per-child=20 -Q pdf" in procfile["pdf"]
    assert "-Q celery" in procfile["worker"]
    compose = (settings.BASE_DIR / "docker-compose.yml").read_text()
    assert '"--concurrency=1",\n              "--max-tasks-per-child=20", "-Q", "pdf"' in compose
    assert '"-Q", "celery"' in compose


def redis_transport_options(**environ) -> dict:
    """The broker transport options with Redis as the broker, in a fresh process (settings read it once)."""
    script = (
        "import json, django; django.setup(); from django.conf import settings; "
        "print(json.dumps(settings.CELERY_BROKER_TRANSPORT_OPTIONS))"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "lanzarote_portal.settings.base",
        "CELERY_BROKER_URL": "redis://redis.example.org:6379/0",
        **environ,
    }
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.splitlines()[-1])


def test_a_publish_fails_fast_when_redis_is_down_or_hung_in_development_and_production():
    for options in (
        redis_transport_options(),
        redis_transport_options(
            **PRODUCTION_ENV, DJANGO_SETTINGS_MODULE="lanzarote_portal.settings.production"
        ),
    ):
        assert options["max_retries"] == 0  # one connection attempt, no waiting between retries
        assert options["socket_connect_timeout"] <= 3 and options["socket_timeout"] <= 5
        assert options["visibility_timeout"] == 3600
