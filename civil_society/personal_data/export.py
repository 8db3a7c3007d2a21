"""Everything the portal holds about one person, as one JSON document they can read and take elsewhere.

The document names the person's own data and their own actions only: e-mails addressed to them (not who
else received them), what they wrote or decided, and the audit trail of what they did (which record, when,
why; not the record's content, which may be another's). A contribution's text is included when the person
may still read it (the visibility gate, DESIGN §3); otherwise only that they wrote it, and when.
"""

import datetime
import json

from django.apps import apps
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Q
from django.utils import timezone
from rest_framework.authtoken.models import Token

from core.audit import is_audited
from outbox.models import OutboundEmail

from ..models import (
    Contribution,
    ContributionEvent,
    ContributionItem,
    CoSignature,
    InformationRequest,
    Invitation,
    Membership,
    Subscription,
)
from ..selectors import contributions_visible_to
from .people import User, personal_data_check

FORMAT = "lanzarote-portal/personal-data/1"


def personal_data_export(*, user, now: datetime.datetime | None = None) -> dict:
    """The person's data, under keys that do not change from one export to the next."""
    personal_data_check(user)
    return {
        "format": FORMAT,
        "exported_at": now or timezone.now(),
        "account": _account(user),
        "organisation": _membership(user),
        "invitations_received": _invitations(Invitation.objects.filter(email__iexact=user.email))
        if user.email
        else [],
        "invitations_sent": _invitations(Invitation.objects.filter(invited_by=user)),
        "subscriptions": _subscriptions(user),
        "contributions": _contributions(user),
        "co_signature_decisions": _co_signatures(user),
        "information_requests_answered": _information_requests(user),
        "contribution_events": _events(user),
        "emails_received": _emails(user),
        "account_history": _account_history(user),
        "audit_trail": _audit_trail(user),
        "api_token_created_at": Token.objects.filter(user=user).values_list("created", flat=True).first(),
    }


def personal_data_json(*, user, now: datetime.datetime | None = None) -> str:
    """The export as UTF-8 JSON text (non-ASCII letters kept as they are)."""
    return json.dumps(
        personal_data_export(user=user, now=now), cls=DjangoJSONEncoder, ensure_ascii=False, indent=2
    )


def _account(user) -> dict:
    return {
        "id": user.pk,
        "username": user.username,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "is_active": user.is_active,
        "date_joined": user.date_joined,
        "last_login": user.last_login,
    }


def _membership(user) -> dict | None:
    membership = Membership.objects.select_related("organisation").filter(user=user).first()
    if membership is None:
        return None
    organisation = membership.organisation
    return {"id": organisation.pk, "name": organisation.name, "member_since": membership.created_at}


def _invitations(invitations) -> list[dict]:
    return [
        {
            "organisation": invitation.organisation.name,
            "email": invitation.email,
            "sent_at": invitation.created_at,
            "accepted_at": invitation.accepted_at,
        }
        for invitation in invitations.select_related("organisation").order_by("created_at", "pk")
    ]


def _subscriptions(user) -> list[dict]:
    return [
        {
            "round": subscription.round.slug if subscription.round_id else None,
            "party": subscription.party.code if subscription.party_id else None,
            "language": subscription.language,
            "since": subscription.created_at,
        }
        for subscription in Subscription.objects.filter(user=user)
        .select_related("round", "party")
        .order_by("created_at", "pk")
    ]


def _contributions(user) -> list[dict]:
    """Those the person created, and those whose text (or an item of it) the audit trail says they saved."""
    edited = set(Contribution.history.filter(history_user=user).values_list("id", flat=True)) | set(
        ContributionItem.history.filter(history_user=user).values_list("contribution_id", flat=True)
    )
    contributions = (
        Contribution.objects.filter(Q(created_by=user) | Q(pk__in=edited))
        .select_related("round", "organisation")
        .prefetch_related("parties", "items__question")
        .order_by("created_at", "pk")
    )
    readable = set(contributions_visible_to(user).filter(pk__in=contributions).values_list("pk", flat=True))
    return [
        _contribution(c, user=user, edited=c.pk in edited, readable=c.pk in readable) for c in contributions
    ]


def _contribution(contribution: Contribution, *, user, edited: bool, readable: bool) -> dict:
    data = {
        "id": contribution.pk,
        "round": contribution.round.slug,
        "organisation": contribution.organisation.name,
        "parties": [party.code for party in contribution.parties.all()],
        "kind": contribution.kind,
        "visibility": contribution.visibility,
        "state": contribution.state,
        "created_by_you": contribution.created_by_id == user.pk,
        "edited_by_you": edited,
        "created_at": contribution.created_at,
        "submitted_at": contribution.submitted_at,
    }
    if readable:
        data |= {
            "language": contribution.language,
            "title": contribution.title,
            "general_text": contribution.general_text,
            "document_name": contribution.document_name,
            "items": [
                {"question": item.question.number, "text": item.text} for item in contribution.items.all()
            ],
        }
    return data


def _co_signatures(user) -> list[dict]:
    return [
        {
            "contribution": signature.contribution_id,
            "organisation": signature.organisation.name,
            "state": signature.state,
            "decided_at": signature.decided_at,
        }
        for signature in CoSignature.objects.filter(decided_by=user)
        .select_related("organisation")
        .order_by("decided_at", "pk")
    ]


def _information_requests(user) -> list[dict]:
    return [
        {
            "contribution": request.contribution_id,
            "request": request.question,
            "due_on": request.due_on,
            "answer": request.answer,
            "answered_at": request.answered_at,
        }
        for request in InformationRequest.objects.filter(answered_by=user).order_by("answered_at", "pk")
    ]


def _events(user) -> list[dict]:
    return [
        {"contribution": event.contribution_id, "action": event.action, "at": event.at, "note": event.note}
        for event in ContributionEvent.objects.filter(by=user).order_by("at", "pk")
    ]


def emails_to(user) -> list[OutboundEmail]:
    """The outgoing e-mails addressed to the person (among others, perhaps)."""
    if not user.email:
        return []
    address = user.email.lower()
    candidates = OutboundEmail.objects.filter(to__icontains=user.email).order_by("created_at", "pk")
    return [email for email in candidates if address in (recipient.lower() for recipient in email.to)]


def _emails(user) -> list[dict]:
    return [
        {
            "subject": email.subject,
            "text": email.body,
            "language": email.language,
            "status": email.status,
            "queued_at": email.created_at,
            "sent_at": email.sent_at,
        }
        for email in emails_to(user)
    ]


def _account_history(user) -> list[dict]:
    """The account as it was at each change (the audit trail keeps it; password hashes excluded)."""
    versions = User.history.filter(id=user.pk).order_by("history_date", "history_id")
    return [
        {
            "at": version.history_date,
            "change": version.history_type,
            "reason": version.history_change_reason,
            "username": version.username,
            "first_name": version.first_name,
            "last_name": version.last_name,
            "email": version.email,
            "is_active": version.is_active,
        }
        for version in versions
    ]


def audited_models() -> list:
    return [model for model in apps.get_models() if is_audited(model)]


def _audit_trail(user) -> list[dict]:
    """Which record the person created, changed or deleted, when and in what service; not its content."""
    rows = []
    for model in audited_models():
        history = getattr(model, model._meta.simple_history_manager_attribute)
        pk_name = model._meta.pk.attname
        for row in history.filter(history_user=user).values(
            pk_name, "history_date", "history_type", "history_change_reason"
        ):
            rows.append(
                {
                    "record": model._meta.label_lower,
                    "record_id": row[pk_name],
                    "at": row["history_date"],
                    "change": row["history_type"],
                    "reason": row["history_change_reason"],
                }
            )
    return sorted(rows, key=lambda row: (row["at"], row["record"], row["record_id"]))
