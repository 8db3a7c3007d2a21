"""Two beat processes by mistake: every sweep and every relay runs twice, often at the same moment. Still one
overdue mark, one reminder and one e-mail each: unique outbox keys, conditional updates, and deliveries
under the row lock that skip an e-mail already sent or being sent."""

import ast
import datetime
import re
import threading
import time

import pytest
from django.db import connection, transaction
from django.utils import timezone

from lanzarote_portal.tasks import sweep
from outbox.models import OutboundEmail
from outbox.services import email_queue, outbox_relay
from submissions.models import Reply
from tests.factories import FocalPointFactory, ParticipationFactory, ReplyFactory, RoundFactory

from .conftest import delivered, draft_reply_with_focal_point, wait_for

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]

Status = OutboundEmail.Status
SLOW_BACKEND = "tests.integration.slow_backend.EmailBackend"


def in_thread(target) -> threading.Thread:
    """Runs `target` in a thread of its own, with its own database connection (closed after)."""

    def run():
        try:
            target()
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    return thread


def succeeded(worker, task: str) -> int:
    return len(re.findall(rf"{re.escape(task)}\[[^]]+\] succeeded", worker.output()))


def receipt(reply: Reply, to: str, key: str) -> OutboundEmail | None:
    return email_queue(
        template="submissions/email/submitted", to=[to], context={"reply": reply}, language="en", key=key
    )


def test_two_sweeps_queueing_the_same_reminder_at_once_write_one_email(redis_broker, start_worker, mailbox):
    reply, focal = draft_reply_with_focal_point("focal@example.org")
    worker = start_worker()
    queued, first_written, seconds = {}, threading.Event(), {}

    def first_sweep():
        with transaction.atomic():
            queued["first"] = receipt(reply, focal.email, key="reminder:once")
            first_written.set()
            time.sleep(0.5)  # the second sweep is now waiting for this transaction

    def second_sweep():
        first_written.wait(timeout=10)
        started = time.monotonic()
        queued["second"] = receipt(reply, focal.email, key="reminder:once")
        seconds["second"] = time.monotonic() - started

    for thread in [in_thread(first_sweep), in_thread(second_sweep)]:
        thread.join(timeout=30)

    assert seconds["second"] > 0.3  # it did run at the same time: it waited on the first one's row
    assert queued["first"] is not None and queued["second"] is None
    email = OutboundEmail.objects.get()
    wait_for(
        lambda: OutboundEmail.objects.get().status == Status.SENT, what="the e-mail sent", workers=[worker]
    )
    worker.drain()
    assert [message["To"] for message in delivered(mailbox)] == ["focal@example.org"]
    assert OutboundEmail.objects.get(pk=email.pk).attempts == 1


def test_two_relays_of_one_email_deliver_it_once_while_their_copies_overlap(
    redis_broker, start_worker, mailbox, tmp_path
):
    reply, focal = draft_reply_with_focal_point("focal@example.org")
    email = receipt(reply, focal.email, key=None)  # enqueued once after its commit
    # And twice more, as two beats would: each relay a run later, so that it finds the copy before it lost.
    # (Two relays reading at the same instant may both queue it, or one may see the other's copy just
    # handed to the broker and leave it: either is right, but only the first gives the three copies below.)
    for minutes in (5, 10):
        assert outbox_relay(now=timezone.now() + datetime.timedelta(minutes=minutes)) == 1

    # Two processes, each send pausing 1 s: the three copies of the task overlap.
    worker = start_worker(
        pool="prefork", concurrency=2, env={"EMAIL_BACKEND": SLOW_BACKEND, "SLOW_EMAIL_SECONDS": "1"}
    )
    wait_for(
        lambda: succeeded(worker, "outbox.tasks.email_send_task") == 3,
        what="the three copies run",
        workers=[worker],
    )
    assert [message["To"] for message in delivered(mailbox)] == ["focal@example.org"]
    email.refresh_from_db()
    assert (email.status, email.attempts) == (Status.SENT, 1)


def test_two_sweeps_at_once_on_a_real_worker_mark_once_and_remind_once(redis_broker, start_worker, mailbox):
    today = timezone.localdate()
    round_ = RoundFactory(reply_deadline=today - datetime.timedelta(days=3))
    late = ReplyFactory(round=round_)  # a draft past the deadline: marked overdue
    FocalPointFactory(party=late.party, user__email="late@example.org")
    extended = ParticipationFactory(round=round_, deadline_extended_to=today + datetime.timedelta(days=5))
    FocalPointFactory(party=extended.party, user__email="extended@example.org")  # reminded 7 days before

    worker = start_worker(pool="prefork", concurrency=2)
    sweep.apply_async()
    sweep.apply_async()
    wait_for(
        lambda: succeeded(worker, "lanzarote_portal.tasks.sweep") == 2,
        what="both sweeps done",
        workers=[worker],
    )
    wait_for(
        lambda: not OutboundEmail.objects.filter(status=Status.PENDING).exists(),
        what="the reminders sent",
        workers=[worker],
    )
    worker.drain()

    reminder = OutboundEmail.objects.get()
    assert reminder.key.startswith(f"reply-reminder:{round_.pk}:{extended.party_id}:")
    assert (reminder.status, reminder.attempts) == (Status.SENT, 1)
    assert [message["To"] for message in delivered(mailbox)] == ["extended@example.org"]
    late.refresh_from_db()
    assert late.overdue_at is not None
    # What each sweep says it did (its log): between them, one overdue mark and one reminder.
    done = [ast.literal_eval(counts) for counts in re.findall(r"Sweep replies: (\{.*\})", worker.output())]
    assert [sum(counts[part] for counts in done) for part in ("overdue", "reminders")] == [1, 1]
