"""Queue an e-mail with the event that causes it; deliver it once; relay what a broker outage held back."""

import datetime
import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.utils import timezone, translation

from .models import OutboundEmail

log = logging.getLogger(__name__)
Status = OutboundEmail.Status


def _render(template: str, context: dict, language: str) -> tuple[str, str, str]:
    with translation.override(language):
        context = {**context, "site_url": settings.SITE_URL}
        subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
        return (
            subject,
            render_to_string(f"{template}.txt", context),
            render_to_string(f"{template}.html", context),
        )


def email_queue(
    *, template: str, to: list[str], context: dict, language: str, key: str | None = None
) -> OutboundEmail | None:
    """Render `<template>_subject.txt`, `.txt` and `.html` in `language` now, store the e-mail, and have it
    delivered after the commit. None when there is nobody to write to, or `key` was already queued."""
    to = [address for address in to if address]
    if not to:
        return None
    subject, body, html = _render(template, context, language)
    try:
        with transaction.atomic():
            email = OutboundEmail.objects.create(
                key=key, to=to, subject=subject[:300], body=body, html=html, language=language
            )
    except IntegrityError:
        return None  # this reminder went out already
    transaction.on_commit(lambda: _enqueue(email.pk))
    return email


def _enqueue(email_id: int) -> None:
    from .tasks import email_send_task  # the task module imports this one

    try:
        email_send_task.apply_async((email_id,), retry=False)
    except Exception:
        # Whatever the transport and the cause (Redis down or hung, the filesystem broker's folder missing, a
        # refused command), the e-mail is committed: its row waits for the relay, and the request that
        # queued it, already done, answers as usual.
        log.warning("E-mail %s not enqueued; the outbox relay will send it", email_id, exc_info=True)
        return
    OutboundEmail.objects.filter(pk=email_id).update(enqueued_at=timezone.now())


def email_deliver(*, email_id: int) -> bool:
    """Send a pending e-mail and mark it sent, holding its row lock throughout: a worker that dies before
    the commit leaves it pending for the redelivered task, and two deliveries never run at once."""
    with transaction.atomic():
        email = OutboundEmail.objects.select_for_update(skip_locked=True).filter(pk=email_id).first()
        if email is None or email.status != Status.PENDING:
            return False
        email.attempts += 1
        message = EmailMultiAlternatives(email.subject, email.body, to=email.to)
        message.attach_alternative(email.html, "text/html")
        message.send()
        email.status, email.sent_at = Status.SENT, timezone.now()
        email.save(update_fields=["status", "sent_at", "attempts"])
    return True


def email_fail(*, email_id: int, error: str) -> None:
    """Give up on an e-mail after its retries: recorded, and shown to the Secretariat in the admin."""
    OutboundEmail.objects.filter(pk=email_id, status=Status.PENDING).update(
        status=Status.FAILED, last_error=error[:2000], attempts=F("attempts") + 1
    )


def email_retry(*, email_id: int) -> bool:
    """The Secretariat sends a failed e-mail again: pending once more, its error cleared, delivered after
    the commit (or relayed by the sweep if the broker is down). False when it had not failed."""
    with transaction.atomic():
        retried = OutboundEmail.objects.filter(pk=email_id, status=Status.FAILED).update(
            status=Status.PENDING, last_error=""
        )
        if retried:
            transaction.on_commit(lambda: _enqueue(email_id))
    return bool(retried)


def email_note_attempt(*, email_id: int, error: str) -> None:
    """A failed delivery, counted here: `email_deliver` rolled back its own count with the failed send."""
    OutboundEmail.objects.filter(pk=email_id, status=Status.PENDING).update(
        last_error=error[:2000], attempts=F("attempts") + 1
    )


# An e-mail whose delivery failed is in its task's retry backoff (about a quarter of an hour at most); the
# relay leaves it to that task unless the retry itself was lost with the broker.
RETRY_CHAIN_SECONDS = 3600
# A task the broker took and no worker ran for this long was lost with it (a Redis that restarted without
# its data); handed over again at most this often, so a long queue is not filled with copies.
LOST_AFTER_SECONDS = 300


def outbox_relay(*, now: datetime.datetime | None = None, older_than: int = 60) -> int:
    """Enqueue again, oldest first, what is still pending `older_than` seconds after it was queued and was
    never handed to the broker (or was lost by it); returns how many. Enqueueing twice sends nothing twice:
    `email_deliver` sends only a pending e-mail, under its row lock."""
    now = now or timezone.now()

    def before(seconds: float) -> datetime.datetime:
        return now - datetime.timedelta(seconds=seconds)

    never_tried = Q(attempts=0, created_at__lt=before(older_than))
    retry_lost = Q(created_at__lt=before(RETRY_CHAIN_SECONDS))
    not_just_handed = Q(enqueued_at__isnull=True) | Q(enqueued_at__lt=before(LOST_AFTER_SECONDS))
    pending = (
        OutboundEmail.objects.filter(never_tried | retry_lost, not_just_handed, status=Status.PENDING)
        .order_by("created_at", "pk")
        .values_list("pk", flat=True)
    )
    ids = list(pending[:500])
    for email_id in ids:
        _enqueue(email_id)
    return len(ids)
