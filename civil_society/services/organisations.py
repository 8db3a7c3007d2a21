"""Organisations and their members: registration with a verified e-mail, invitations, verification."""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.encoding import force_bytes, force_str
from django.utils.http import urlsafe_base64_decode, urlsafe_base64_encode
from django.utils.translation import gettext as _

from core.audit import audited
from core.text_limits import text_check
from outbox.services import email_queue

from ..errors import NotFound, RegistrationRefused
from ..models import Invitation, Membership, Organisation

User = get_user_model()


class EmailVerificationTokenGenerator(PasswordResetTokenGenerator):
    # Its own salt, so that an activation link is never also a password-reset link.
    key_salt = "civil_society.email_verification"


email_verification_tokens = EmailVerificationTokenGenerator()


def email_verification_link(user) -> tuple[str, str]:
    return urlsafe_base64_encode(force_bytes(user.pk)), email_verification_tokens.make_token(user)


def _forget_abandoned_registration(*, username: str) -> None:
    """A registration never activated blocks nothing once its link has expired: the inactive account goes,
    with its organisation when nobody else is in it and it wrote nothing."""
    expired = timezone.now() - datetime.timedelta(seconds=settings.PASSWORD_RESET_TIMEOUT)
    abandoned = User.objects.filter(
        username__iexact=username, is_active=False, last_login__isnull=True, date_joined__lt=expired
    ).first()
    if abandoned is None:
        return
    membership = Membership.objects.filter(user=abandoned).select_related("organisation").first()
    abandoned.delete()
    if membership and not (
        membership.organisation.memberships.exists() or membership.organisation.contributions.exists()
    ):
        membership.organisation.delete()


@audited
@transaction.atomic
def organisation_register(
    *,
    name: str,
    email: str,
    username: str,
    member_email: str,
    password: str,
    language: str,
    acronym: str = "",
    country: str = "",
    website: str = "",
    description: str = "",
) -> Membership:
    """The organisation and its first member, inactive until the member follows the e-mailed link."""
    name = name.strip()
    text_check(description, kind="explanation", field="description", label=_("Description"))
    _forget_abandoned_registration(username=username)
    if Organisation.objects.filter(name__iexact=name).exists():
        raise RegistrationRefused(_("An organisation with this name is already registered."))
    if User.objects.filter(username__iexact=username).exists():
        raise RegistrationRefused(_("This user name is taken."))
    try:
        with transaction.atomic():  # a simultaneous registration of the same names loses here, cleanly
            user = User.objects.create_user(
                username=username, email=member_email, password=password, is_active=False
            )
            organisation = Organisation.objects.create(
                name=name,
                acronym=acronym,
                country=country,
                website=website,
                email=email,
                description=description,
            )
    except IntegrityError:
        raise RegistrationRefused(_("This organisation or user name was registered a moment ago.")) from None
    membership = Membership.objects.create(organisation=organisation, user=user)
    uid, token = email_verification_link(user)
    email_queue(
        template="civil_society/email/verify",
        to=[member_email],
        context={"uid": uid, "token": token, "name": name},
        language=language,
    )
    return membership


@audited
@transaction.atomic
def member_email_verify(*, uid: str, token: str):
    """Activate the account whose e-mail the link was sent to. The link works once."""
    try:
        user = User.objects.select_for_update().get(pk=force_str(urlsafe_base64_decode(uid)))
    except (User.DoesNotExist, ValueError, TypeError, OverflowError):
        raise NotFound() from None
    if user.is_active or not email_verification_tokens.check_token(user, token):
        raise NotFound()
    user.is_active = True
    user.save(update_fields=["is_active"])
    return user


@transaction.atomic
def member_invite(*, organisation: Organisation, email: str, by, language: str) -> Invitation:
    if Membership.objects.filter(organisation=organisation, user__email__iexact=email).exists():
        raise RegistrationRefused(_("%(email)s is already a member.") % {"email": email})
    invitation = Invitation.objects.create(organisation=organisation, email=email, invited_by=by)
    context = {
        "token": str(invitation.token),
        "organisation": organisation.name,
        "by": by.get_full_name() or by.username,
    }
    email_queue(template="civil_society/email/invitation", to=[email], context=context, language=language)
    return invitation


def invitation_open(*, token: str, now: datetime.datetime | None = None) -> Invitation:
    now = now or timezone.now()
    invitation = (
        Invitation.objects.select_related("organisation")
        .filter(token=token, accepted_at__isnull=True, created_at__gt=now - Invitation.LIFETIME)
        .first()
    )
    if invitation is None:
        raise NotFound()
    return invitation


@audited
@transaction.atomic
def invitation_accept(*, token: str, username: str, password: str) -> Membership:
    """The invited person's account: active at once, since the link proves the e-mail address."""
    invitation = invitation_open(token=token)
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.accepted_at is not None:
        raise NotFound()
    if User.objects.filter(username__iexact=username).exists():
        raise RegistrationRefused(_("This user name is taken."))
    user = User.objects.create_user(username=username, email=invitation.email, password=password)
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at", "updated_at"])
    return Membership.objects.create(organisation=invitation.organisation, user=user)


@audited
@transaction.atomic
def organisation_verify(*, organisation: Organisation, by) -> Organisation:
    organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
    if organisation.verified_at is None:
        organisation.verified_at, organisation.verified_by = timezone.now(), by
        organisation.save(update_fields=["verified_at", "verified_by", "updated_at"])
    return organisation
