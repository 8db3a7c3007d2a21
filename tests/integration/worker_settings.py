"""Settings of the worker processes the integration tests start: the test settings with tasks run by the
worker (not inline), e-mails written to files the test counts, and the broker's and the outbox's waits cut
to seconds so that a redelivery or a run of retries fits in a test."""

from lanzarote_portal.settings.test import *  # noqa: F403
from lanzarote_portal.settings.test import CELERY_BROKER_TRANSPORT_OPTIONS, env

CELERY_TASK_ALWAYS_EAGER = False
EMAIL_BACKEND = env.str("EMAIL_BACKEND", default="django.core.mail.backends.filebased.EmailBackend")
EMAIL_FILE_PATH = env.str("EMAIL_FILE_PATH")

# A message taken by a worker that died is handed out again 5 s after it was taken (production: an hour),
# and every worker looks for such messages each second (kombu's default: every 100 s).
CELERY_BROKER_TRANSPORT_OPTIONS = {
    **CELERY_BROKER_TRANSPORT_OPTIONS,
    "visibility_timeout": 5,
    "unacked_restore_interval": 1,
    "unacked_restore_throttle": 1,
}

OUTBOX_RETRY_BASE_SECONDS = env.float("OUTBOX_RETRY_BASE_SECONDS", default=0.5)
OUTBOX_MAX_RETRIES = env.int("OUTBOX_MAX_RETRIES", default=2)
