"""The outbox: an e-mail is rendered in its recipient's language when it is queued, stored once per key,
delivered once; and the Secretariat finds the failed ones in the admin and sends them again."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import translation

from demo.services import SECRETARIAT_APPS, SECRETARIAT_GROUP
from outbox.models import OutboundEmail
from outbox.services import email_deliver, email_queue
from submissions.models import Reply
from tests.auth import log_in_verified
from tests.factories import ReplyFactory, UserFactory

pytestmark = pytest.mark.django_db
Status = OutboundEmail.Status
OUTBOX = reverse("admin:outbox_outboundemail_changelist")


@pytest.fixture
def reply(db):
    return ReplyFactory(
        state=Reply.State.SUBMITTED, party__name_en="Iceland", party__name_fr="Islande", round__number=2
    )


def queue_receipt(reply, language, **kwargs):
    return email_queue(
        template="submissions/email/submitted",
        to=["focal@example.org"],
        context={"reply": reply},
        language=language,
        **kwargs,
    )


# Queueing


def test_an_email_is_stored_rendered_in_french(reply):
    email = queue_receipt(reply, "fr")

    stored = OutboundEmail.objects.get(pk=email.pk)
    assert stored.language == "fr" and stored.status == Status.PENDING and stored.to == ["focal@example.org"]
    assert stored.subject == "Accusé de réception : réponse de Islande au titre du Cycle de suivi 2"
    assert "Le Secrétariat va l'enregistrer" in stored.body
    assert "Le Secrétariat va l'enregistrer" in stored.html and stored.html.startswith("<!DOCTYPE html>")
    # Its links lead to the French pages.
    assert f"/fr/rounds/{reply.round.slug}/parties/{reply.party.code}/reply/" in stored.body
    # The language of the thread is left as it was.
    assert translation.get_language() == "en"


def test_an_email_is_stored_rendered_in_english(reply):
    stored = OutboundEmail.objects.get(pk=queue_receipt(reply, "en").pk)

    assert stored.subject == "Receipt: reply of Iceland to Monitoring round 2"
    assert "The Secretariat will register it" in stored.body and "Secrétariat" not in stored.body
    assert "The Secretariat will register it" in stored.html


def test_a_key_makes_the_second_queueing_a_no_op(reply):
    first = queue_receipt(reply, "en", key="reminder:1")

    second = queue_receipt(reply, "fr", key="reminder:1")

    assert first is not None and second is None
    assert list(OutboundEmail.objects.values_list("pk", "language")) == [(first.pk, "en")]


def test_nothing_is_stored_without_a_recipient(reply):
    queued = email_queue(
        template="submissions/email/submitted", to=["", None], context={"reply": reply}, language="en"
    )
    assert queued is None
    assert not OutboundEmail.objects.exists()


# Delivery


def test_an_email_is_delivered_once_after_the_commit(reply, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        email = queue_receipt(reply, "en")
        assert mailoutbox == []  # nothing leaves before the commit

    (message,) = mailoutbox
    assert message.to == ["focal@example.org"] and message.subject == email.subject
    assert message.body == email.body and message.alternatives[0] == (email.html, "text/html")
    email.refresh_from_db()
    assert (email.status, email.attempts) == (Status.SENT, 1) and email.sent_at is not None


def test_a_second_delivery_sends_nothing(reply, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        email = queue_receipt(reply, "en")

    assert email_deliver(email_id=email.pk) is True
    assert email_deliver(email_id=email.pk) is False

    assert len(mailoutbox) == 1
    email.refresh_from_db()
    assert (email.status, email.attempts) == (Status.SENT, 1)


def test_a_failed_email_is_not_delivered(mailoutbox):
    email = failed_email()

    assert email_deliver(email_id=email.pk) is False
    assert mailoutbox == [] and OutboundEmail.objects.get(pk=email.pk).status == Status.FAILED


# The admin


def failed_email(**fields) -> OutboundEmail:
    values = {
        "to": ["unreachable@example.org"],
        "subject": "Receipt: reply of Iceland",
        "body": "Text",
        "html": "<p>Text</p>",
        "language": "en",
        "status": Status.FAILED,
        "attempts": 6,
        "last_error": "SMTPServerDisconnected('Connection unexpectedly closed') " * 5,
    }
    return OutboundEmail.objects.create(**{**values, **fields})


@pytest.fixture
def secretariat(db):
    """A staff member with the Secretariat's permissions as the demo seeds them, not a superuser."""
    user = UserFactory(username="secretariat-outbox", is_staff=True)
    group = Group.objects.create(name=SECRETARIAT_GROUP)
    group.permissions.set(Permission.objects.filter(content_type__app_label__in=SECRETARIAT_APPS))
    user.groups.add(group)
    return user


@pytest.fixture
def admin_client(client, secretariat):
    log_in_verified(client, secretariat)
    return client


def test_the_secretariat_sees_the_failed_emails_counted_and_filtered(admin_client):
    failed = failed_email()
    sent = failed_email(subject="Sent fine", status=Status.SENT, last_error="", to=["reader@example.org"])

    page = admin_client.get(OUTBOX).content.decode()
    assert "1 e-mail failed after its retries and was not delivered." in page
    assert "failed (1)" in page and "sent (1)" in page and "pending (0)" in page
    assert "unreachable@example.org" in page and "Sent fine" in page
    # The error is cut short in the list.
    assert (
        "SMTPServerDisconnected(&#x27;Connection unexpectedly closed&#x27;) SMTPServerDisconnected…" in page
    )

    failed_only = admin_client.get(OUTBOX, {"status": "failed"}).content.decode()
    assert f"/outbox/outboundemail/{failed.pk}/change/" in failed_only
    assert f"/outbox/outboundemail/{sent.pk}/change/" not in failed_only

    found = admin_client.get(OUTBOX, {"q": "reader@example"}).content.decode()
    assert f"/outbox/outboundemail/{sent.pk}/change/" in found
    assert f"/outbox/outboundemail/{failed.pk}/change/" not in found


def test_no_failure_no_warning(admin_client):
    failed_email(status=Status.SENT, last_error="")
    assert "failed after" not in admin_client.get(OUTBOX).content.decode()


def test_an_email_is_read_only(admin_client):
    email = failed_email()
    url = reverse("admin:outbox_outboundemail_change", args=[email.pk])

    page = admin_client.get(url)
    assert page.status_code == 200 and b"unreachable@example.org" in page.content
    assert b'name="_save"' not in page.content
    assert admin_client.post(url, {"subject": "Changed"}).status_code == 403
    assert admin_client.get(reverse("admin:outbox_outboundemail_add")).status_code == 403
    assert admin_client.get(reverse("admin:outbox_outboundemail_delete", args=[email.pk])).status_code == 403
    assert OutboundEmail.objects.get(pk=email.pk).subject == "Receipt: reply of Iceland"


def test_send_again_delivers_a_failed_email_and_leaves_the_others(
    admin_client, mailoutbox, django_capture_on_commit_callbacks
):
    failed = failed_email()
    sent = failed_email(subject="Sent fine", status=Status.SENT, last_error="")

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            OUTBOX, {"action": "send_again", "_selected_action": [failed.pk, sent.pk]}, follow=True
        )

    shown = [str(message) for message in response.context["messages"]]
    assert shown == [
        "1 e-mail will be sent again.",
        "1 e-mail had not failed and was left as it was.",
    ]
    (message,) = mailoutbox
    assert message.to == ["unreachable@example.org"]
    failed.refresh_from_db()
    assert (failed.status, failed.last_error, failed.attempts) == (Status.SENT, "", 7)
    assert OutboundEmail.objects.get(pk=sent.pk).attempts == 6  # untouched


@pytest.mark.parametrize("is_staff", [False, True])
def test_nobody_else_reaches_the_outbox(client, mailoutbox, is_staff):
    """A user who is not staff is sent to the login page; staff without the Secretariat's permissions are
    refused. Neither can send anything again."""
    failed = failed_email()
    log_in_verified(client, UserFactory(username="reader", is_staff=is_staff))

    listing = client.get(OUTBOX)
    action = client.post(OUTBOX, {"action": "send_again", "_selected_action": [failed.pk]})

    if is_staff:
        assert listing.status_code == 403 and action.status_code == 403
    else:
        assert listing.status_code == 302 and listing["Location"].startswith("/en/admin/login/")
        assert action.status_code == 302
    assert OutboundEmail.objects.get(pk=failed.pk).status == Status.FAILED and mailoutbox == []
