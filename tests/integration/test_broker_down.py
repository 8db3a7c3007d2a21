"""Redis down (or hung) when a focal point submits: the reply is saved, the page says so at once, and the
receipt waits in the outbox until the relay (run by the sweep) hands it to a worker, which delivers it once.
The worker that lived through the outage reconnects by itself."""

import time

import kombu.exceptions
import pytest
from django.urls import reverse
from django.utils import timezone

from outbox.models import OutboundEmail
from outbox.services import outbox_relay
from submissions.models import Reply
from submissions.services import reply_submit

from .conftest import delivered, draft_reply_with_focal_point, wait_for

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]

Status = OutboundEmail.Status
FAST_SECONDS = 2  # a refused connection fails at once: no retries in the request


def submit_page(reply: Reply) -> str:
    return reverse("reply-submit", args=[reply.round.slug, reply.party.code])


def relay_and_deliver(worker, mailbox, expected: int) -> None:
    """What the sweep does once Redis is back: relay what is pending; the worker delivers it."""
    assert outbox_relay(now=timezone.now(), older_than=0) == expected
    wait_for(
        lambda: not OutboundEmail.objects.filter(status=Status.PENDING).exists(),
        what="the relayed e-mails sent",
        workers=[worker],
    )
    worker.drain()  # and nothing more comes after them
    assert outbox_relay(now=timezone.now(), older_than=0) == 0  # the next sweep finds nothing to relay


def test_redis_down_the_submission_succeeds_and_the_receipt_is_delivered_once_redis_is_back(
    redis_broker, start_worker, mailbox, client, caplog
):
    on_page, focal = draft_reply_with_focal_point("focal-page@example.org")
    by_service, colleague = draft_reply_with_focal_point("focal-service@example.org")
    worker = start_worker()  # it lives through the outage
    redis_broker.kill()

    client.force_login(focal)
    started = time.monotonic()
    response = client.post(submit_page(on_page), follow=True)
    page_seconds = time.monotonic() - started
    assert response.redirect_chain == [(reverse("reply-dashboard"), 302)]
    assert "The reply has been submitted. A receipt has been e-mailed" in response.content.decode()

    started = time.monotonic()
    reply_submit(reply=by_service, by=colleague)  # commits, then fails to enqueue: no exception here
    service_seconds = time.monotonic() - started
    assert page_seconds < FAST_SECONDS and service_seconds < FAST_SECONDS, (page_seconds, service_seconds)

    for reply in (on_page, by_service):
        reply.refresh_from_db()
        assert (reply.state, reply.submitted_at is not None) == (Reply.State.SUBMITTED, True)
    assert sorted(OutboundEmail.objects.values_list("to", "status")) == [
        (["focal-page@example.org"], Status.PENDING),
        (["focal-service@example.org"], Status.PENDING),
    ]
    not_enqueued = [r for r in caplog.records if "the outbox relay will send it" in r.getMessage()]
    assert [record.exc_info[0] for record in not_enqueued] == [kombu.exceptions.OperationalError] * 2

    redis_broker.start()  # the same port, empty: what was published before the crash is gone
    wait_for(
        lambda: worker.output().count("Connected to redis://") == 2, what="a reconnection", workers=[worker]
    )
    relay_and_deliver(worker, mailbox, expected=2)

    assert sorted(message["To"] for message in delivered(mailbox)) == [
        "focal-page@example.org",
        "focal-service@example.org",
    ]
    assert sorted(OutboundEmail.objects.values_list("status", "attempts")) == [(Status.SENT, 1)] * 2


def test_redis_hung_the_submission_succeeds_within_the_socket_timeout(
    redis_broker, start_worker, mailbox, settings
):
    reply, focal = draft_reply_with_focal_point("focal-hung@example.org")
    redis_broker.freeze()  # connections are accepted by the kernel and never answered
    try:
        started = time.monotonic()
        reply_submit(reply=reply, by=focal)
        seconds = time.monotonic() - started
    finally:
        redis_broker.thaw()
    socket_timeout = settings.CELERY_BROKER_TRANSPORT_OPTIONS["socket_timeout"]
    assert seconds < socket_timeout + 2, seconds
    reply.refresh_from_db()
    assert reply.state == Reply.State.SUBMITTED
    assert OutboundEmail.objects.get().status == Status.PENDING

    worker = start_worker()
    relay_and_deliver(worker, mailbox, expected=1)  # this process's broker connection recovered too
    assert [message["To"] for message in delivered(mailbox)] == ["focal-hung@example.org"]
