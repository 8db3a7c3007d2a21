"""The production settings, as the recovery tests run them (tests/integration/stack.py): only the waits a
test cannot sit through are shorter. A task's time limits are seconds, not minutes, so a rendering lost
with a killed worker is queued again within seconds; the factsheet refresh runs every two seconds. The
outbox relay keeps its production schedule: the test proves its minute."""

from lanzarote_portal.settings.production import *  # noqa: F403
from lanzarote_portal.settings.production import CELERY_BEAT_SCHEDULE

CELERY_TASK_SOFT_TIME_LIMIT = 10
CELERY_TASK_TIME_LIMIT = 12
FACTSHEET_REQUEUE_AFTER_SECONDS = CELERY_TASK_TIME_LIMIT + 3
CELERY_BEAT_SCHEDULE = {
    **CELERY_BEAT_SCHEDULE,
    "factsheets-refresh": {**CELERY_BEAT_SCHEDULE["factsheets-refresh"], "schedule": 2.0},
}
