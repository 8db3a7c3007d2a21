"""docker-compose.yml keeps what the recovery tests prove (tests/integration/test_relay_after_outage.py,
test_pdf_worker_killed.py, test_postgres_restarted.py): every service restarts when it dies, workers finish
the task in hand when stopped, web is probed and its requests are bounded, and beat runs the settings'
schedule, the outbox relay among it."""

import yaml
from django.conf import settings

COMPOSE = yaml.safe_load((settings.BASE_DIR / "docker-compose.yml").read_text())
SERVICES = COMPOSE["services"]
LONG_RUNNING = ("db", "redis", "web", "worker", "pdf-worker", "beat")


def test_every_long_running_service_restarts_and_is_probed_where_others_wait_on_it():
    assert {name: SERVICES[name]["restart"] for name in LONG_RUNNING} == dict.fromkeys(
        LONG_RUNNING, "unless-stopped"
    )
    for name in ("db", "redis", "web"):
        assert SERVICES[name]["healthcheck"]["test"], name


def test_web_bounds_a_request_and_workers_stop_warm():
    command = SERVICES["web"]["command"]
    assert command[command.index("--timeout") + 1] == "30"
    assert {SERVICES[name]["stop_grace_period"] for name in ("worker", "pdf-worker")} == {"60s"}


def test_beat_runs_the_relay_every_twenty_seconds_from_the_settings():
    assert "--schedule=/tmp/celerybeat-schedule" in SERVICES["beat"]["command"]
    assert settings.CELERY_BEAT_SCHEDULE["outbox-relay"]["schedule"] == 20.0
