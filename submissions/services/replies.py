import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.audit import audited
from core.deadlines import end_of_day
from core.text_limits import text_check
from rounds.models import Language, Participation

from ..errors import (
    DeadlinePassed,
    IncompleteReply,
    InvalidDate,
    InvalidLanguage,
    InvalidTransition,
    NotEditable,
)
from ..models import Reply, ReplyTransition
from ..notifications import reply_notice_queue
from ..selectors import reply_completeness
from .answers import locked_editable

State = Reply.State


@audited
@transaction.atomic
def reply_open(*, participation: Participation, by) -> Reply:
    """The Party's reply for the round, started as a draft the first time a focal point opens it; none is
    started in a round that is over."""
    round_ = participation.round
    if round_.is_over and not Reply.objects.filter(round=round_, party=participation.party).exists():
        raise DeadlinePassed(
            _("%(round)s is over: no reply can be started in it any more.") % {"round": round_.label}
        )
    deadline = participation.reply_deadline
    # Opened after its deadline, it is overdue from the start: the sweep only marks replies that exist.
    overdue_at = end_of_day(deadline) if deadline and timezone.now() >= end_of_day(deadline) else None
    reply, created = Reply.objects.get_or_create(
        round=participation.round, party=participation.party, defaults={"overdue_at": overdue_at}
    )
    if created:
        ReplyTransition.objects.create(reply=reply, from_state="", to_state=State.DRAFT, by=by)
    return reply


@audited
@transaction.atomic
def reply_settings_update(*, reply: Reply, by, language: str, national_language: Language | None) -> Reply:
    reply = locked_editable(reply)
    if language not in dict(Reply._meta.get_field("language").choices):
        raise InvalidLanguage(_("A reply is written in English or French."))
    if national_language and not reply.party.national_languages.filter(pk=national_language.pk).exists():
        raise InvalidLanguage(
            _("%(language)s is not a national language %(of_party)s.")
            % {"language": national_language, "of_party": reply.party.of_name}
        )
    reply.language, reply.national_language = language, national_language
    reply.save(update_fields=["language", "national_language", "updated_at"])
    return reply


def _move(reply: Reply, *, to: str, by, message: str = "") -> None:
    ReplyTransition.objects.create(reply=reply, from_state=reply.state, to_state=to, by=by, message=message)
    reply.state = to


@audited
@transaction.atomic
def reply_submit(*, reply: Reply, by, now: datetime.datetime | None = None) -> Reply:
    """Lock the reply and send its receipt. After the deadline (with any extension) it is accepted, late.
    IncompleteReply while a required question has neither text nor the mark "no information available"."""
    now = now or timezone.now()
    try:
        reply = locked_editable(reply)
    except NotEditable:
        raise NotEditable(_("This reply has already been submitted.")) from None
    missing = reply_completeness(reply=reply).missing_numbers
    if missing:
        raise IncompleteReply(
            ngettext(
                "%(count)d required question has no answer: answer it, or mark it “no information "
                "available”, then submit.",
                "%(count)d required questions have no answer: answer them, or mark them “no information "
                "available”, then submit.",
                len(missing),
            )
            % {"count": len(missing)},
            missing=missing,
        )
    if reply.submitted_at is None:  # lateness is judged on the first submission, not on corrections
        deadline = Participation.objects.get(round=reply.round_id, party=reply.party_id).reply_deadline
        reply.submitted_at = now
        reply.is_late = deadline is not None and now >= end_of_day(deadline)
    _move(reply, to=State.SUBMITTED, by=by)
    reply.save(update_fields=["state", "submitted_at", "is_late", "updated_at"])
    reply_notice_queue(reply=reply, event="submitted")
    return reply


def _check_registrable(reply: Reply, *, reason: str) -> None:
    """A reply that reached the Secretariat incomplete (before the rule, or by other means) is registered
    only with the reason, which its registration records."""
    text_check(reason, kind="message", field="reason", label=_("Reason"))
    missing = reply_completeness(reply=reply).missing_numbers
    if missing and not reason:
        raise IncompleteReply(
            ngettext(
                "%(count)d required question has no answer: give the reason for registering this reply "
                "as it is.",
                "%(count)d required questions have no answer: give the reason for registering this reply "
                "as it is.",
                len(missing),
            )
            % {"count": len(missing)},
            missing=missing,
        )


def _locked_in(reply: Reply, states: tuple[str, ...], action: str) -> Reply:
    reply = Reply.objects.select_for_update().get(pk=reply.pk)
    if reply.state not in states:
        raise InvalidTransition(
            _("A reply that is %(state)s cannot be %(action)s.")
            % {"state": reply.get_state_display(), "action": action}
        )
    return reply


@audited
@transaction.atomic
def reply_send_back(*, reply: Reply, by, message: str) -> Reply:
    if not message.strip():
        raise InvalidTransition(_("Tell the focal points what to correct."))
    text_check(message.strip(), kind="message", field="message", label=_("Message"))
    reply = _locked_in(reply, (State.SUBMITTED, State.REGISTERED), _("sent back"))
    _move(reply, to=State.RETURNED, by=by, message=message.strip())
    reply.save(update_fields=["state", "updated_at"])
    reply_notice_queue(reply=reply, event="returned", message=message.strip())
    return reply


@audited
@transaction.atomic
def reply_register(*, reply: Reply, by, reason: str = "", now: datetime.datetime | None = None) -> Reply:
    """Register a submitted reply; an incomplete one only with `reason`, kept in its state change."""
    reply = _locked_in(reply, (State.SUBMITTED,), _("registered"))
    reason = reason.strip()
    _check_registrable(reply, reason=reason)
    reply.registered_at = now or timezone.now()
    _move(reply, to=State.REGISTERED, by=by, message=reason)
    reply.save(update_fields=["state", "registered_at", "updated_at"])
    return reply


@audited
@transaction.atomic
def reply_publish(
    *,
    reply: Reply,
    by,
    published_on: datetime.date | None = None,
    reason: str = "",
    now: datetime.datetime | None = None,
) -> Reply:
    """Make the reply public. A submitted reply is registered on the way (an incomplete one only with
    `reason`, as `reply_register`); a past date records history."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    published_on = published_on or today
    if published_on > today:
        raise InvalidDate(_("A reply cannot be published on a future date."))
    reply = _locked_in(reply, (State.SUBMITTED, State.REGISTERED), _("published"))
    if reply.state == State.SUBMITTED:
        reason = reason.strip()
        _check_registrable(reply, reason=reason)
        reply.registered_at = now
        _move(reply, to=State.REGISTERED, by=by, message=reason)
    reply.published_on = published_on
    _move(reply, to=State.PUBLISHED, by=by)
    reply.save(update_fields=["state", "registered_at", "published_on", "updated_at"])
    reply_notice_queue(reply=reply, event="published")
    return reply
