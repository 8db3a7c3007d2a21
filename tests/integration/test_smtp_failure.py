"""The mail server fails: the e-mail is retried with growing waits, then recorded as failed where the
Secretariat sees it; meanwhile the worker goes on with everything else (a retry waits as a scheduled
message, not in a process)."""

import re
import time

import pytest
from django.db import transaction
from django.urls import reverse

from outbox.models import OutboundEmail
from outbox.services import email_queue

from .conftest import delivered, draft_reply_with_focal_point, wait_for
from .failing_backend import DOWN_DOMAIN

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]

Status = OutboundEmail.Status
BASE_SECONDS, MAX_RETRIES = 1, 3  # waits of 1, 2 and 4 s: the e-mail fails after 4 attempts, 7 s


def receipt_to(reply, address: str) -> OutboundEmail:
    with transaction.atomic():  # enqueued when this commits
        return email_queue(
            template="submissions/email/submitted", to=[address], context={"reply": reply}, language="en"
        )


def test_smtp_failing_the_email_is_retried_with_backoff_then_failed_and_nothing_waits_behind_it(
    redis_broker, start_worker, mailbox, admin_client
):
    reply, focal = draft_reply_with_focal_point("focal@example.org")
    worker = start_worker(
        env={
            "EMAIL_BACKEND": "tests.integration.failing_backend.EmailBackend",
            "OUTBOX_RETRY_BASE_SECONDS": str(BASE_SECONDS),
            "OUTBOX_MAX_RETRIES": str(MAX_RETRIES),
        }
    )
    started = time.monotonic()
    refused = receipt_to(reply, f"secretariat@{DOWN_DOMAIN}")
    wait_for(
        lambda: OutboundEmail.objects.get(pk=refused.pk).last_error, what="a first attempt", workers=[worker]
    )

    # While it waits to be retried, the one worker process runs the rest: a heartbeat, another e-mail.
    worker.drain()
    other = receipt_to(reply, focal.email)
    wait_for(
        lambda: OutboundEmail.objects.get(pk=other.pk).status == Status.SENT,
        what="the other e-mail",
        workers=[worker],  # its log, should it not go
    )
    assert OutboundEmail.objects.get(pk=refused.pk).status == Status.PENDING  # still being retried

    wait_for(
        lambda: OutboundEmail.objects.get(pk=refused.pk).status != Status.PENDING,
        what="the retries given up",
        workers=[worker],
    )
    seconds = time.monotonic() - started
    refused.refresh_from_db()
    assert refused.status == Status.FAILED
    assert refused.attempts == MAX_RETRIES + 1
    assert refused.last_error == "SMTPServerDisconnected('Connection unexpectedly closed')"
    waits = [float(wait) for wait in re.findall(r"retry: Retry in ([\d.]+)s", worker.output())]
    assert waits == [BASE_SECONDS * 2**retry for retry in range(MAX_RETRIES)]  # exponential backoff
    assert seconds >= sum(waits)
    assert [message["To"] for message in delivered(mailbox)] == ["focal@example.org"]

    page = admin_client.get(reverse("admin:outbox_outboundemail_changelist"), {"status": Status.FAILED})
    assert refused.subject in page.content.decode()
    assert "SMTPServerDisconnected" in page.content.decode()
