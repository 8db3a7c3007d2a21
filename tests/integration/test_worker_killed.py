"""A worker killed in the middle of sending an e-mail: the task runs again, and the e-mail goes out once.

The e-mail backend pauses in the middle of the send (the delivery holds the outbox row's lock, the message
is not yet written), long enough for the test to kill the process. Acknowledged late, the task's message is
still the broker's: it is requeued when only the pool process dies (`task_reject_on_worker_lost`), and
handed to another worker after the visibility timeout when the whole worker dies."""

import os
import signal
from pathlib import Path

import pytest

from outbox.models import OutboundEmail
from submissions.services import reply_submit

from .conftest import delivered, draft_reply_with_focal_point, row_locked, wait_for

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]

Status = OutboundEmail.Status
SLOW_BACKEND = "tests.integration.slow_backend.EmailBackend"


@pytest.fixture
def slow_mail(tmp_path) -> dict:
    """The worker environment of a mail server that pauses 30 s in the first send (any later send, not)."""
    return {
        "EMAIL_BACKEND": SLOW_BACKEND,
        "SLOW_EMAIL_SECONDS": "30",
        "SLOW_EMAIL_MARKER": str(tmp_path / "sending"),
    }


def receipt_being_sent(worker, marker: str) -> tuple[OutboundEmail, int]:
    """Submits a reply and waits until a worker process is in the middle of sending its receipt; returns the
    e-mail and the id of that process."""
    reply, focal = draft_reply_with_focal_point("focal@example.org")
    reply_submit(reply=reply, by=focal)  # the receipt is enqueued after the commit
    email = OutboundEmail.objects.get()
    wait_for(Path(marker).exists, what="the send begun", workers=[worker])
    assert row_locked(email.pk)  # the delivery holds the row, in its open transaction
    return email, int(Path(marker).read_text())


def assert_delivered_once(email: OutboundEmail, mailbox) -> None:
    assert [message["To"] for message in delivered(mailbox)] == ["focal@example.org"]
    email.refresh_from_db()
    # The killed attempt's count was rolled back with the rest of its transaction.
    assert (email.status, email.attempts) == (Status.SENT, 1)


def test_a_pool_process_killed_mid_send_its_task_is_requeued_and_the_email_goes_once(
    redis_broker, start_worker, mailbox, slow_mail
):
    worker = start_worker(pool="prefork", concurrency=1, env=slow_mail)
    email, sender = receipt_being_sent(worker, slow_mail["SLOW_EMAIL_MARKER"])
    assert sender != worker.process.pid  # a pool process, not the worker's main process

    os.kill(sender, signal.SIGKILL)

    wait_for(
        lambda: OutboundEmail.objects.get().status == Status.SENT, what="the receipt sent", workers=[worker]
    )
    worker.drain()
    assert_delivered_once(email, mailbox)
    assert "WorkerLostError('Worker exited prematurely: signal 9 (SIGKILL)" in worker.output()


def test_a_worker_killed_mid_send_its_task_runs_on_another_worker_and_the_email_goes_once(
    redis_broker, start_worker, mailbox, slow_mail
):
    first = start_worker(pool="prefork", concurrency=1, env=slow_mail)
    email, _ = receipt_being_sent(first, slow_mail["SLOW_EMAIL_MARKER"])

    first.kill()  # the main process and its pool process at once, as when a machine dies

    wait_for(lambda: not row_locked(email.pk), what="the dead delivery's lock released")
    email.refresh_from_db()
    assert (email.status, email.attempts, delivered(mailbox)) == (Status.PENDING, 0, [])
    second = start_worker(env=slow_mail)
    wait_for(
        lambda: OutboundEmail.objects.get().status == Status.SENT, what="the receipt sent", workers=[second]
    )
    second.drain()
    assert_delivered_once(email, mailbox)
