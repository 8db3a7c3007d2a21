"""Changing an account's e-mail address: asked with the password, confirmed from the new mailbox through a
signed link, and told to the old one. The link names the address it replaces, so it stops working once
the address has changed in any other way."""

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.utils import translation

from outbox.services import email_queue

SALT = "accounts.email-change"


def email_change_request(*, user, new_email: str) -> None:
    token = signing.dumps({"user": user.pk, "old": user.email, "new": new_email}, salt=SALT)
    email_queue(
        template="accounts/email/email_change_confirm",
        to=[new_email],
        context={"username": user.get_username(), "token": token, "new_email": new_email},
        language=translation.get_language() or settings.LANGUAGE_CODE,
    )


def email_change_pending(*, user, token: str) -> str | None:
    """The new address a link asks for, or None when it is forged, expired, another user's, or stale."""
    try:
        data = signing.loads(token, salt=SALT, max_age=settings.EMAIL_CHANGE_MAX_AGE_SECONDS)
    except signing.BadSignature:
        return None
    if data.get("user") != user.pk or data.get("old") != user.email:
        return None
    return data["new"]


@transaction.atomic
def email_change_confirm(*, user, new_email: str) -> None:
    old_email = user.email
    user.email = new_email
    user.save(update_fields=["email"])
    email_queue(
        template="accounts/email/email_changed",
        to=[old_email],
        context={"username": user.get_username(), "new_email": new_email},
        language=translation.get_language() or settings.LANGUAGE_CODE,
    )
