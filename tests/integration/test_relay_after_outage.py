"""Redis down when a focal point submits, on the production stack (worker and beat on the production settings
and schedule, one Redis as broker and cache, a mail server): the receipt, which the broker could not take,
reaches the mail server once, within a minute of Redis's return, relayed by beat's `outbox-relay` entry
(before: only the five-minute sweep relayed it, 289 s after the return)."""

import time
from email.header import decode_header, make_header

import pytest
from django.utils import timezone

from outbox.models import OutboundEmail
from outbox.services import outbox_relay
from submissions.models import Reply
from submissions.services import reply_submit

from .conftest import draft_reply_with_focal_point, worker_database_url
from .stack import Stack, smtp_server  # noqa: F401 (a fixture)

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]

Status = OutboundEmail.Status
WITHIN_SECONDS = 60


def test_a_receipt_held_back_by_an_outage_goes_out_once_within_a_minute_of_the_return(
    redis_broker,
    smtp_server,  # noqa: F811 (the fixture imported above)
    tmp_path,
):
    reply, focal = draft_reply_with_focal_point("focal-outage@example.org")
    stack = Stack(
        tmp_path,
        database_url=worker_database_url(),
        redis_url=f"redis://127.0.0.1:{redis_broker.port}",
        smtp_port=smtp_server.port,
    )
    try:
        stack.worker()
        beat = stack.beat()
        redis_broker.kill()

        reply_submit(reply=reply, by=focal)  # committed; the broker refuses the receipt's task
        reply.refresh_from_db()
        assert reply.state == Reply.State.SUBMITTED
        email = OutboundEmail.objects.get()
        assert (email.status, email.enqueued_at) == (Status.PENDING, None)
        time.sleep(3)  # the outage goes on a little

        redis_broker.start()  # empty, as after a crash
        back = time.monotonic()
        stack.wait_for(lambda: smtp_server.messages, what="the receipt delivered", timeout=WITHIN_SECONDS + 5)
        recovery = smtp_server.received_at[0] - back
        assert recovery < WITHIN_SECONDS, recovery

        stack.drain()
        assert outbox_relay(now=timezone.now(), older_than=0) == 0  # nothing left for a later relay
        time.sleep(1)
        [message] = smtp_server.messages  # once
        assert message["To"] == "focal-outage@example.org"
        assert str(make_header(decode_header(message["Subject"]))) == email.subject
        email.refresh_from_db()
        assert (email.status, email.attempts) == (Status.SENT, 1)
        assert "Sending due task outbox-relay" in beat.output()
        print(f"receipt delivered {recovery:.1f} s after Redis came back")
    finally:
        stack.stop()
