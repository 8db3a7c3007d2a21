"""Writing and submitting contributions: items per question, the .docx route, co-signers, the window."""

import datetime
import hashlib

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.audit import audited
from core.dates import date_display
from core.deadlines import STRASBOURG
from core.text_limits import text_check
from outbox.services import email_queue
from questionnaires.models import Question
from rounds.models import Participation, Party, Round
from submissions.models import Reply

from ..documents import docx_to_safe_html, safe_html
from ..errors import (
    CommentWindowClosed,
    CoSignersPending,
    InvalidContribution,
    NotEditable,
    NotFound,
    OrganisationNotVerified,
)
from ..models import Contribution, ContributionEvent, ContributionItem, CoSignature, Membership, Organisation
from ..selectors import member_emails
from ..windows import comment_window, questionnaire_window

Kind, Visibility, State = Contribution.Kind, Contribution.Visibility, Contribution.State


def _check_choices(*, visibility: str, language: str, title: str = "") -> None:
    if visibility not in Visibility.values:
        raise InvalidContribution(_("Choose whether the contribution is public or confidential."))
    if language not in ("en", "fr"):
        raise InvalidContribution(_("A contribution is written in English or French."))
    text_check(title, kind="title", field="title", label=_("Title"))


def _checked_general_text(general_text: str, *, children_involvement: str) -> str:
    """The general part as stored (sanitised HTML), once it and the children's part to be stored are within
    their limits."""
    text_check(
        children_involvement,
        kind="explanation",
        field="children_involvement",
        label=_("How children took part"),
    )
    general_text = safe_html(general_text)
    text_check(general_text, kind="text", field="general_text", label=_("General part"))
    return general_text


def _check_parties(*, round: Round, kind: str, parties: list[Party]) -> None:
    if kind not in Kind.values:
        raise InvalidContribution(_("Choose a comment on a State reply or a reply to the questionnaire."))
    if not parties:
        raise InvalidContribution(_("Name the Party or Parties the contribution concerns."))
    monitored = set(
        Participation.objects.filter(round=round, party__in=parties).values_list("party", flat=True)
    )
    strangers = [party for party in parties if party.pk not in monitored]
    if strangers:
        raise InvalidContribution(
            _("%(parties)s is not monitored in this round.") % {"parties": ", ".join(map(str, strangers))}
        )
    if kind == Kind.COMMENT:
        if len(parties) != 1:
            raise InvalidContribution(_("A comment concerns the reply of one Party."))
        if not Reply.objects.filter(round=round, party=parties[0], state=Reply.State.PUBLISHED).exists():
            raise InvalidContribution(
                _("The reply %(of_party)s is not published yet: there is nothing to comment on.")
                % {"of_party": parties[0].of_name}
            )


def _question(round: Round, number: str) -> Question:
    question = Question.objects.filter(questionnaire__round=round, number=number).first()
    if question is None:
        raise InvalidContribution(
            _("Question %(number)s is not in this round's questionnaire.") % {"number": number}
        )
    return question


@audited
@transaction.atomic
def contribution_create(
    *,
    organisation: Organisation,
    by,
    round: Round,
    kind: str,
    parties: list[Party],
    visibility: str,
    language: str,
    items: list[tuple[str, str]] = (),
    title: str = "",
    general_text: str = "",
    co_signers: list[Organisation] = (),
    children_involved: bool = False,
    children_involvement: str = "",
) -> Contribution:
    """A draft contribution. `items` pairs question numbers with texts; `visibility` has no default."""
    _check_choices(visibility=visibility, language=language, title=title)
    _check_parties(round=round, kind=kind, parties=parties)
    children_involvement = children_involvement if children_involved else ""
    general_text = _checked_general_text(general_text, children_involvement=children_involvement)
    contribution = Contribution.objects.create(
        round=round,
        organisation=organisation,
        kind=kind,
        visibility=visibility,
        language=language,
        title=title,
        general_text=general_text,
        children_involved=children_involved,
        children_involvement=children_involvement,
        created_by=by,
    )
    contribution.parties.set(parties)
    numbers = [number for number, _text in items]
    if len(set(numbers)) != len(numbers):
        raise InvalidContribution(_("Each question may have one item only."))
    for number, text in items:
        contribution_item_save(contribution=contribution, by=by, number=number, text=text)
    for co_signer in co_signers:
        co_signer_add(contribution=contribution, by=by, organisation=co_signer)
    return contribution


def _locked_draft(contribution: Contribution) -> Contribution:
    contribution = (
        Contribution.objects.select_for_update()
        .select_related("round", "organisation")
        .get(pk=contribution.pk)
    )
    if not contribution.is_editable:
        raise NotEditable(_("This contribution has been submitted and can no longer be changed."))
    return contribution


@audited
@transaction.atomic
def contribution_update(
    *,
    contribution: Contribution,
    by,
    visibility: str,
    language: str,
    title: str = "",
    general_text: str = "",
    children_involved: bool = False,
    children_involvement: str = "",
) -> Contribution:
    contribution = _locked_draft(contribution)
    _check_choices(visibility=visibility, language=language, title=title)
    children_involvement = children_involvement if children_involved else ""
    general_text = _checked_general_text(general_text, children_involvement=children_involvement)
    contribution.visibility, contribution.language, contribution.title = visibility, language, title
    contribution.general_text = general_text
    contribution.children_involved = children_involved
    contribution.children_involvement = children_involvement
    contribution.save()
    return contribution


@audited
@transaction.atomic
def contribution_item_save(
    *, contribution: Contribution, by, number: str, text: str
) -> ContributionItem | None:
    """Write the item on question `number`; an empty text removes it."""
    contribution = _locked_draft(contribution)
    question = _question(contribution.round, number)
    text = safe_html(text)
    text_check(
        text,
        kind="text",
        field="text",
        label=_("Item on question %(number)s") % {"number": number},
    )
    if not text.strip():
        ContributionItem.objects.filter(contribution=contribution, question=question).delete()
        return None
    item, _created = ContributionItem.objects.update_or_create(
        contribution=contribution, question=question, defaults={"text": text}
    )
    return item


@audited
@transaction.atomic
def contribution_document_attach(*, contribution: Contribution, by, upload) -> Contribution:
    """A .docx becomes the general part, as safe HTML; the original is kept for the Secretariat."""
    contribution = _locked_draft(contribution)
    html = docx_to_safe_html(upload)  # refuses before anything is stored
    text_check(
        html, kind="text", field="file", label=_("Text converted from the document, with its formatting")
    )
    upload.seek(0)
    content = upload.read()
    contribution.general_text = html
    if contribution.document:
        contribution.document.delete(save=False)  # the file it replaces
    contribution.document_name = getattr(upload, "name", "document.docx")[:255]
    contribution.document.save(
        f"{hashlib.sha256(content).hexdigest()[:16]}.docx", ContentFile(content), save=False
    )
    contribution.save(update_fields=["general_text", "document", "document_name", "updated_at"])
    return contribution


@audited
@transaction.atomic
def co_signer_add(*, contribution: Contribution, by, organisation: Organisation) -> CoSignature:
    contribution = _locked_draft(contribution)
    if organisation.pk == contribution.organisation_id:
        raise InvalidContribution(_("The lead organisation cannot co-sign its own contribution."))
    if not organisation.is_verified:
        raise InvalidContribution(
            _("%(name)s is not verified yet and cannot co-sign.") % {"name": organisation.name}
        )
    co_signature, created = CoSignature.objects.get_or_create(
        contribution=contribution, organisation=organisation
    )
    if not created and co_signature.state != CoSignature.State.DECLINED:
        return co_signature  # already asked: no second e-mail
    if not created:  # asked again after a refusal: the organisation decides afresh
        co_signature.state, co_signature.decided_by, co_signature.decided_at = (
            CoSignature.State.PENDING,
            None,
            None,
        )
        co_signature.save(update_fields=["state", "decided_by", "decided_at", "updated_at"])
    recipients = member_emails(organisation)
    context = {
        "contribution_id": contribution.pk,
        "lead": contribution.organisation.name,
        "is_public": contribution.is_public,
    }
    email_queue(
        template="civil_society/email/co_signature_request",
        to=recipients,
        context=context,
        language=contribution.language,
    )
    return co_signature


@audited
@transaction.atomic
def co_signer_remove(*, contribution: Contribution, by, organisation: Organisation) -> None:
    contribution = _locked_draft(contribution)
    deleted, _rows = CoSignature.objects.filter(contribution=contribution, organisation=organisation).delete()
    if deleted:
        ContributionEvent.objects.create(
            contribution=contribution,
            action=ContributionEvent.Action.CO_SIGNER_REMOVED,
            by=by,
            note=organisation.name,
        )


@audited
@transaction.atomic
def co_signature_decide(*, co_signature: CoSignature, by, confirm: bool) -> CoSignature:
    """A member of the co-signing organisation confirms or declines, while the contribution is a draft."""
    if not Membership.objects.filter(user=by, organisation=co_signature.organisation_id).exists():
        raise NotFound()
    co_signature = CoSignature.objects.select_for_update().get(pk=co_signature.pk)
    _locked_draft(co_signature.contribution)
    co_signature.state = CoSignature.State.CONFIRMED if confirm else CoSignature.State.DECLINED
    co_signature.decided_by, co_signature.decided_at = by, timezone.now()
    co_signature.save(update_fields=["state", "decided_by", "decided_at", "updated_at"])
    return co_signature


def window_message(closes_at: datetime.datetime | None) -> str:
    if closes_at is None:
        return _("This contribution cannot be submitted: its window is not open.")
    last_day = (closes_at - datetime.timedelta(seconds=1)).astimezone(STRASBOURG).date()
    return _("The window for this contribution closed at the end of %(day)s (midnight, Strasbourg time).") % {
        "day": date_display(last_day)
    }


@audited
@transaction.atomic
def contribution_submit(
    *, contribution: Contribution, by, now: datetime.datetime | None = None
) -> Contribution:
    """Submit while the window is open, once the organisation is verified and every co-signer confirmed."""
    now = now or timezone.now()
    try:
        contribution = _locked_draft(contribution)
    except NotEditable:
        raise NotEditable(_("This contribution has already been submitted.")) from None
    if not contribution.organisation.is_verified:
        raise OrganisationNotVerified(
            _("Your organisation is awaiting verification by the Secretariat; submit once it is verified.")
        )
    if not contribution.general_text.strip() and not contribution.items.exists():
        raise InvalidContribution(_("Write at least one item or a general part before submitting."))
    pending = list(
        contribution.co_signatures.exclude(state=CoSignature.State.CONFIRMED).select_related("organisation")
    )
    if pending:
        raise CoSignersPending(
            _("Every co-signer must confirm first (or be removed): %(names)s.")
            % {"names": ", ".join(signature.organisation.name for signature in pending)}
        )
    if contribution.kind == Kind.COMMENT:
        window = comment_window(round=contribution.round, party=contribution.parties.get())
    else:
        window = questionnaire_window(round=contribution.round)
    if not window.is_open(now):
        raise CommentWindowClosed(window_message(window.closes_at), closes_at=window.closes_at)
    contribution.state, contribution.submitted_at = State.SUBMITTED, now
    contribution.save(update_fields=["state", "submitted_at", "updated_at"])
    ContributionEvent.objects.create(
        contribution=contribution, action=ContributionEvent.Action.SUBMITTED, by=by
    )
    recipients = member_emails(contribution.organisation)
    context = {
        "contribution_id": contribution.pk,
        "title": str(contribution),
        "is_public": contribution.is_public,
    }
    email_queue(
        template="civil_society/email/submitted",
        to=recipients,
        context=context,
        language=contribution.language,
    )
    return contribution
