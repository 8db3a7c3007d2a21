"""The Secretariat's side: acknowledge, change visibility (public only with the organisation's recorded
consent), request additional information; and the organisation's answer to such a request."""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.audit import audited, bulk_update_recorded, recorded
from core.deadlines import end_of_day
from core.text_limits import text_check
from core.viewers import PUBLIC
from outbox.services import email_queue
from rounds.models import FocalPoint, Party
from submissions.models import Reply

from ..documents import safe_html
from ..errors import InvalidContribution, InvalidTransition, NotFound
from ..models import Contribution, ContributionEvent, InformationRequest, Membership
from ..selectors import contributions_visible_to, member_emails

Action, State = ContributionEvent.Action, Contribution.State


def _locked(contribution: Contribution) -> Contribution:
    return Contribution.objects.select_for_update().get(pk=contribution.pk)


def _record(contribution: Contribution, action: str, by, note: str = "") -> None:
    text_check(note, kind="message", field="note", label=_("Note"))
    ContributionEvent.objects.create(contribution=contribution, action=action, by=by, note=note)


@audited
@transaction.atomic
def contribution_acknowledge(*, contribution: Contribution, by) -> Contribution:
    """Acknowledged, a public contribution appears under the Party's reply; a confidential one never does."""
    contribution = _locked(contribution)
    if contribution.state != State.SUBMITTED:
        raise InvalidTransition(_("Only a submitted contribution can be acknowledged."))
    contribution.state, contribution.acknowledged_at = State.ACKNOWLEDGED, timezone.now()
    contribution.save(update_fields=["state", "acknowledged_at", "updated_at"])
    _record(contribution, Action.ACKNOWLEDGED, by)
    return contribution


@audited
@transaction.atomic
def contribution_make_confidential(*, contribution: Contribution, by, note: str = "") -> Contribution:
    contribution = _locked(contribution)
    if contribution.visibility != Contribution.Visibility.CONFIDENTIAL:
        contribution.visibility = Contribution.Visibility.CONFIDENTIAL
        contribution.save(update_fields=["visibility", "updated_at"])
        _record(contribution, Action.MADE_CONFIDENTIAL, by, note)
    return contribution


@transaction.atomic
def contribution_publicity_consent(*, contribution: Contribution, by, note: str = "") -> Contribution:
    """A member of the lead organisation agrees that its confidential contribution be made public."""
    contribution = _locked(contribution)
    if not Membership.objects.filter(user=by, organisation=contribution.organisation_id).exists():
        raise NotFound()
    if contribution.visibility != Contribution.Visibility.CONFIDENTIAL:
        raise InvalidTransition(_("This contribution is already public."))
    _record(contribution, Action.PUBLICITY_CONSENTED, by, note)
    return contribution


def _has_consent(contribution: Contribution) -> bool:
    last_confidential = (
        contribution.events.filter(action=Action.MADE_CONFIDENTIAL)
        .order_by("-at")
        .values_list("at", flat=True)
        .first()
    )
    consents = contribution.events.filter(action=Action.PUBLICITY_CONSENTED)
    if last_confidential is not None:
        consents = consents.filter(at__gte=last_confidential)
    return consents.exists()


@audited
@transaction.atomic
def contribution_make_public(*, contribution: Contribution, by, note: str = "") -> Contribution:
    contribution = _locked(contribution)
    if contribution.visibility == Contribution.Visibility.PUBLIC:
        return contribution
    if not _has_consent(contribution):
        raise InvalidTransition(
            _("A confidential contribution becomes public only with the organisation's recorded consent.")
        )
    contribution.visibility = Contribution.Visibility.PUBLIC
    contribution.save(update_fields=["visibility", "updated_at"])
    _record(contribution, Action.MADE_PUBLIC, by, note)
    return contribution


@transaction.atomic
def information_request_create(
    *,
    contribution: Contribution,
    by,
    question: str,
    due_on: datetime.date,
    now: datetime.datetime | None = None,
) -> InformationRequest:
    if contribution.state == State.DRAFT:
        raise InvalidTransition(_("Additional information is requested on submitted contributions only."))
    if not question.strip():
        raise InvalidContribution(_("Write what the organisation should add."))
    text_check(question, kind="message", field="question", label=_("Request"))
    if due_on <= timezone.localdate(now or timezone.now()):
        raise InvalidContribution(_("The due date must be in the future."))
    request = InformationRequest.objects.create(
        contribution=contribution, question=question, due_on=due_on, requested_by=by
    )
    context = {
        "contribution_id": contribution.pk,
        "request_id": request.pk,
        "question": question,
        "due_on": due_on,
    }
    email_queue(
        template="civil_society/email/information_request",
        to=member_emails(contribution.organisation),
        context=context,
        language=contribution.language,
    )
    return request


@transaction.atomic
def information_request_answer(
    *, request: InformationRequest, by, answer: str, now: datetime.datetime | None = None
) -> InformationRequest:
    now = now or timezone.now()
    request = InformationRequest.objects.select_for_update().select_related("contribution").get(pk=request.pk)
    if not Membership.objects.filter(user=by, organisation=request.contribution.organisation_id).exists():
        raise NotFound()
    if request.answered_at is not None:
        raise InvalidTransition(_("This request has already been answered."))
    if now >= end_of_day(request.due_on):
        raise InvalidTransition(_("This request closed on its due date; please write to the Secretariat."))
    answer = safe_html(answer)
    if not answer.strip():
        raise InvalidContribution(_("Write an answer."))
    text_check(answer, kind="text", field="answer", label=_("Your answer"))
    request.answer, request.answered_at, request.answered_by = answer, now, by
    request.save(update_fields=["answer", "answered_at", "answered_by", "updated_at"])
    return request


def party_comment_digest_send() -> int:
    """Tell each Party's focal points of the public comments on its reply acknowledged since the last
    digest. Confidential contributions are never in it. Returns how many e-mails were queued."""
    sent = 0
    pending = contributions_visible_to(PUBLIC).filter(
        party_notified_at__isnull=True, kind=Contribution.Kind.COMMENT
    )
    for round_id, party_id in pending.values_list("round", "parties").distinct().order_by():
        with transaction.atomic():
            batch = list(
                pending.filter(round=round_id, parties=party_id)
                .select_for_update(skip_locked=True, of=("self",))
                .select_related("organisation", "round")
            )
            if not batch:
                continue
            recipients = list(
                FocalPoint.objects.filter(party=party_id)
                .exclude(user__email="")
                .values_list("user__email", flat=True)
            )
            # The focal points read their reply's language best.
            language = (
                Reply.objects.filter(round=round_id, party=party_id)
                .values_list("language", flat=True)
                .first()
            )
            context = {
                "contributions": batch,
                "round": batch[0].round,
                "party": Party.objects.get(pk=party_id),
            }
            sent += bool(
                email_queue(
                    template="civil_society/email/party_digest",
                    to=recipients,
                    context=context,
                    language=language or "en",
                )
            )
            notified_at = timezone.now()
            for contribution in batch:
                contribution.party_notified_at = notified_at
            with recorded(by=None, reason="party comment digest"):
                bulk_update_recorded(Contribution, batch, ["party_notified_at"])
    return sent
