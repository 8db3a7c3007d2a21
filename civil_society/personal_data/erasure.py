"""Erasing a person's personal data on request, and the member's own request for it.

The account stays, anonymised (renamed `erased-<id>`, names and e-mail cleared, disabled, no password), so
that what the person did for their organisation stays the organisation's: contributions, co-signature
decisions, answers to information requests and the audit trail keep pointing to it, and pages show the
organisation instead (`member_name`). What was only about the person goes: membership, subscriptions,
invitations to their address, API token, sessions, e-mails addressed to them alone. Where they are named
in free text the portal wrote (e-mails to others, the admin's log), the name is replaced by "[erased]";
past versions of the account in the audit trail have their names and e-mail blanked — the one place the
history is rewritten, as the law requires.

The erasure itself is recorded in the audit trail: the account's new version names who erased it, when,
and `personal_data_erase` as the reason, and holds nothing personal.
"""

import datetime
import re
import uuid
from dataclasses import dataclass
from importlib import import_module

from django.apps import apps
from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.models import Session
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from rest_framework.authtoken.models import Token

from core.audit import audited
from outbox.models import OutboundEmail
from outbox.services import email_queue

from ..models import (
    Contribution,
    ContributionEvent,
    CoSignature,
    InformationRequest,
    Invitation,
    Membership,
    Organisation,
    Subscription,
)
from .export import audited_models, emails_to
from .people import ERASED_PREFIX, User, personal_data_check, trace_pattern, trace_variants, traces_of

REQUEST_TEMPLATE = "civil_society/email/erasure_request"
REQUEST_LANGUAGE = "en"  # staff have no language setting yet (as for the digest)


@dataclass(frozen=True)
class ErasurePlan:
    """What an erasure removes and what it keeps, counted, for the confirmation page and the command."""

    erased: list[tuple[str, int]]
    kept: list[tuple[str, int]]


def personal_data_erasure_plan(*, user) -> ErasurePlan:
    personal_data_check(user)
    own_emails = emails_to(user)
    alone = sum(len(email.to) == 1 for email in own_emails)
    erased = [
        (_("Account details: user name, first and last name, e-mail address, password"), 1),
        (_("Membership of an organisation"), Membership.objects.filter(user=user).count()),
        (_("Subscriptions"), Subscription.objects.filter(user=user).count()),
        (_("Invitations received"), _invitations_received(user).count()),
        (_("E-mails addressed to the person alone (deleted)"), alone),
        (_("E-mails also addressed to others (their address and name removed)"), len(own_emails) - alone),
        (_("Other e-mails and admin log entries naming the person (name replaced)"), _mentions(user)),
        (_("API token and open sessions"), Token.objects.filter(user=user).count() + len(_sessions_of(user))),
        (
            _("Past versions of the account in the audit trail (names and e-mail blanked)"),
            _history(user).count(),
        ),
    ]
    kept = [
        (
            _("Contributions created, shown as the organisation's"),
            Contribution.objects.filter(created_by=user).count(),
        ),
        (_("Co-signature decisions"), CoSignature.objects.filter(decided_by=user).count()),
        (
            _("Answers to requests for additional information"),
            InformationRequest.objects.filter(answered_by=user).count(),
        ),
        (_("Contribution history events"), ContributionEvent.objects.filter(by=user).count()),
        (_("Invitations sent to others"), Invitation.objects.filter(invited_by=user).count()),
        (_("Audit-trail records of what the person did, naming the anonymised account"), _actions(user)),
    ]
    return ErasurePlan(erased=erased, kept=kept)


@audited
@transaction.atomic
def personal_data_erase(*, user, by) -> User:
    """Erase the person's personal data, all or nothing; `by` is recorded as who did it (None: the system).
    Returns the anonymised account."""
    user = User.objects.select_for_update().get(pk=user.pk)
    personal_data_check(user)
    pattern = trace_pattern(traces_of(user))
    email = user.email
    _invitations_received(user).delete()
    Subscription.objects.filter(user=user).delete()
    Membership.objects.filter(user=user).delete()  # recorded: a queryset's delete goes through post_delete
    Token.objects.filter(user=user).delete()
    for store in _sessions_of(user):
        store.delete()
    _emails_redact(user, pattern)
    _log_entries_redact(user, pattern)
    _login_records_delete(user.username)
    if email:
        _organisation_contact_forget(email)

    user.username = _anonymous_username(user)
    user.first_name = user.last_name = user.email = ""
    user.is_active = False
    user.set_unusable_password()
    user.save()
    user.groups.clear()
    user.user_permissions.clear()
    _past_versions_blank(_history(user), username=user.username, first_name="", last_name="", email="")
    return user


def personal_data_erasure_request(*, user, now: datetime.datetime | None = None) -> bool:
    """A member asks the Secretariat to erase their data: an e-mail to every active staff member with an
    address, once a day at most (asking again the same day queues nothing more). False when the Secretariat
    has nobody to write to."""
    personal_data_check(user)
    day = timezone.localdate(now or timezone.now())
    staff = list(
        User.objects.filter(is_active=True, is_staff=True)
        .exclude(email="")
        .order_by("pk")
        .values_list("email", flat=True)
    )
    if not staff:
        return False
    with translation.override(REQUEST_LANGUAGE):
        admin_path = reverse("admin:auth_user_change", args=[user.pk])
    email_queue(
        template=REQUEST_TEMPLATE,
        to=staff,
        context={"username": user.username, "person": _person(user), "admin_path": admin_path},
        language=REQUEST_LANGUAGE,
        key=f"personal-data-erasure-request:{user.pk}:{day.isoformat()}",
    )
    return True


def _person(user) -> str:
    name = user.get_full_name()
    return " ".join(part for part in (user.username, f"({name})" if name else "", f"<{user.email}>") if part)


def _invitations_received(user):
    return Invitation.objects.filter(email__iexact=user.email) if user.email else Invitation.objects.none()


def _history(user):
    return User.history.filter(id=user.pk)


def _actions(user) -> int:
    return sum(
        getattr(model, model._meta.simple_history_manager_attribute).filter(history_user=user).count()
        for model in audited_models()
    )


def _mention_filter(user, *fields: str) -> Q:
    query = Q()
    for variant in trace_variants(traces_of(user)):
        for field in fields:
            query |= Q(**{f"{field}__icontains": variant})
    return query


def _mentioning_emails(user):
    query = _mention_filter(user, "subject", "body", "html")
    if user.email:
        query |= Q(to__icontains=user.email)
    return OutboundEmail.objects.filter(query) if query else OutboundEmail.objects.none()


def _mentioning_log_entries(user):
    query = _mention_filter(user, "object_repr", "change_message")
    return LogEntry.objects.filter(query) if query else LogEntry.objects.none()


def _mentions(user) -> int:
    own = {email.pk for email in emails_to(user)}
    return _mentioning_emails(user).exclude(pk__in=own).count() + _mentioning_log_entries(user).count()


def _emails_redact(user, pattern: re.Pattern | None) -> None:
    address = user.email.lower()
    for email in _mentioning_emails(user):
        recipients = [recipient for recipient in email.to if recipient.lower() != address]
        if not recipients:
            email.delete()  # it was theirs alone
            continue
        email.to = recipients
        if pattern is not None:
            with translation.override(email.language):
                placeholder = _("[erased]")
            email.subject = pattern.sub(placeholder, email.subject)[:300]
            email.body = pattern.sub(placeholder, email.body)
            email.html = pattern.sub(placeholder, email.html)
        email.save(update_fields=["to", "subject", "body", "html"])


def _log_entries_redact(user, pattern: re.Pattern | None) -> None:
    if pattern is None:
        return
    placeholder = _("[erased]")
    for entry in _mentioning_log_entries(user):
        entry.object_repr = pattern.sub(placeholder, entry.object_repr)[:200]
        entry.change_message = pattern.sub(placeholder, entry.change_message)
        entry.save(update_fields=["object_repr", "change_message"])


def _sessions_of(user) -> list:
    """The person's sessions, when they are kept in the database (with a cache or not). Sessions elsewhere
    end anyway: a session is only valid with the password it was opened with, and the password goes."""
    if not settings.SESSION_ENGINE.endswith((".db", ".cached_db")):
        return []
    store = import_module(settings.SESSION_ENGINE).SessionStore
    return [
        store(session_key=session.session_key)
        for session in Session.objects.all().iterator()
        if session.get_decoded().get(SESSION_KEY) == str(user.pk)
    ]


def _login_records_delete(username: str) -> None:
    """Log-in attempts recorded by django-axes, when the portal uses it, name the account."""
    if not apps.is_installed("axes"):
        return
    for name in ("AccessAttempt", "AccessLog", "AccessFailureLog"):
        try:
            model = apps.get_model("axes", name)
        except LookupError:
            continue
        model.objects.filter(username__iexact=username).delete()


def _organisation_contact_forget(email: str) -> None:
    """An organisation whose contact address was the person's gets another member's, or none until it
    gives one; its past versions lose the address too."""
    for organisation in Organisation.objects.filter(email__iexact=email):
        other = (
            Membership.objects.filter(organisation=organisation, user__is_active=True)
            .exclude(user__email="")
            .exclude(user__email__iexact=email)
            .order_by("created_at", "pk")
            .values_list("user__email", flat=True)
            .first()
        )
        organisation.email = other or ""
        organisation.save(update_fields=["email", "updated_at"])
    _past_versions_blank(Organisation.history.filter(email__iexact=email), email="")


def _past_versions_blank(versions, **blank) -> None:
    """Rewrite past versions in the audit trail, row by row (a historical row has no history of its own)."""
    for version in versions:
        for field, value in blank.items():
            setattr(version, field, value)
        version.save(update_fields=list(blank))


def _anonymous_username(user) -> str:
    username = f"{ERASED_PREFIX}{user.pk}"
    if User.objects.filter(username__iexact=username).exclude(pk=user.pk).exists():
        username = f"{username}-{uuid.uuid4().hex[:8]}"
    return username
