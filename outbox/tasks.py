import smtplib

from celery import shared_task
from django.conf import settings

from .services import email_deliver, email_fail, email_note_attempt, outbox_relay

# Connection refusals and a server's temporary errors are worth retrying; anything else fails at once.
TRANSIENT = (smtplib.SMTPException, ConnectionError, TimeoutError)
MAX_COUNTDOWN_SECONDS = 900  # below the broker's visibility timeout, or Redis would redeliver the wait


@shared_task(bind=True, acks_late=True)
def email_send_task(self, email_id: int) -> None:
    """Retried with exponential backoff (`OUTBOX_RETRY_BASE_SECONDS`, doubled each time) while the mail
    server fails, then recorded as failed after `OUTBOX_MAX_RETRIES` retries."""
    try:
        email_deliver(email_id=email_id)
    except TRANSIENT as error:
        retries, max_retries = self.request.retries, settings.OUTBOX_MAX_RETRIES
        if retries >= max_retries:
            email_fail(email_id=email_id, error=repr(error))
            return
        email_note_attempt(email_id=email_id, error=repr(error))
        countdown = min(settings.OUTBOX_RETRY_BASE_SECONDS * 2**retries, MAX_COUNTDOWN_SECONDS)
        raise self.retry(exc=error, countdown=countdown, max_retries=max_retries) from error


# Beat runs the relay every RELAY period; an e-mail queued this long ago and never handed to the broker is
# handed over again, so what an outage held back goes out within a minute of the broker's return.
RELAY_AGE_SECONDS = 10


@shared_task(ignore_result=True)
def outbox_relay_task() -> int:
    return outbox_relay(older_than=RELAY_AGE_SECONDS)
