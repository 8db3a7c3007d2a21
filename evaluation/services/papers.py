"""A meeting's papers: its agenda, the documents by reference and links to the internal pages, e-mailed
through the outbox to every Committee member and the Secretariat's staff. Sent again only when the agenda
changed after the last sending (an item added, changed, decided or removed: read from the items' history)."""

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import OuterRef, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _

from core.audit import audited
from outbox.services import email_queue
from submissions.models import Reply

from ..errors import InvalidEvaluation
from ..models import AgendaItem, Meeting
from ..selectors import members_of_committee
from .access import secretariat_only

TEMPLATE = "evaluation/email/meeting_papers"
# The Secretariat's digests are in English; a member reads the language of their Party's latest reply.
STAFF_LANGUAGE = "en"


def _agenda_changed_since(meeting: Meeting, moment: datetime.datetime) -> bool:
    """Whether any item of the agenda was added, changed or removed after `moment` (the audit trail keeps a
    row for each, a removed item's included)."""
    return AgendaItem.history.filter(meeting_id=meeting.pk, history_date__gt=moment).exists()


def _recipients() -> dict[str, str]:
    """Address -> language: the Committee's members, then the active staff (an address listed once)."""
    latest_reply = Reply.objects.filter(party=OuterRef("party")).order_by("-created_at", "-pk")
    members = (
        members_of_committee()
        .filter(user__is_active=True)
        .exclude(user__email="")
        .annotate(language=Subquery(latest_reply.values("language")[:1]))
        .order_by("party__code", "user__username")
        .values_list("user__email", "language")
    )
    recipients = {email: language or STAFF_LANGUAGE for email, language in members}
    staff = (
        get_user_model()
        .objects.filter(is_active=True, is_staff=True)
        .exclude(email="")
        .order_by("pk")
        .values_list("email", flat=True)
    )
    for email in staff:
        recipients.setdefault(email, STAFF_LANGUAGE)
    return recipients


@audited
@transaction.atomic
def meeting_papers_send(*, meeting: Meeting, by, now: datetime.datetime | None = None) -> int:
    """Queue the meeting's papers to each member and staff member with an address, in their language; returns
    how many e-mails were queued: none when the papers went out already and the agenda has not changed."""
    secretariat_only(by)
    now = now or timezone.now()
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    items = list(
        AgendaItem.objects.filter(meeting=meeting)
        .select_related("observation__round", "observation__rapporteur__user", "chapter__report__round")
        .order_by("position", "pk")
    )
    if not items:
        raise InvalidEvaluation(_("The agenda is empty: add its items before sending the papers."))
    previous = meeting.papers_sent_at
    if previous is not None and not _agenda_changed_since(meeting, previous):
        return 0
    context = {"meeting": meeting, "items": items, "previous": previous}
    queued = 0
    for email, language in _recipients().items():
        queued += bool(email_queue(template=TEMPLATE, to=[email], context=context, language=language))
    meeting.papers_sent_at = now
    meeting.save(update_fields=["papers_sent_at", "updated_at"])
    return queued
