"""Settings of the processes a test starts as `make run` does (Procfile.dev): the base settings, whose SQLite
database, filesystem broker, file cache and uploads the test places in its own folder through the
environment, with the factsheet refresh every second instead of every minute and the beat's schedule file
in that folder too."""

from lanzarote_portal.settings.base import *  # noqa: F403
from lanzarote_portal.settings.base import CELERY_BEAT_SCHEDULE, env

CELERY_BEAT_SCHEDULE = {
    **CELERY_BEAT_SCHEDULE,
    "factsheets-refresh": {**CELERY_BEAT_SCHEDULE["factsheets-refresh"], "schedule": 1.0},
}
CELERY_BEAT_SCHEDULE_FILENAME = env.str("CELERY_BEAT_SCHEDULE_FILENAME")
