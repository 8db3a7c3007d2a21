from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from core.audit import audited
from core.text_limits import text_check
from questionnaires.models import Question
from questionnaires.selectors import addressed_to

from ..answer_html import HTML_FIELDS, answer_with_html
from ..errors import EditConflict, InvalidLanguage, NotEditable, NotFound
from ..models import Answer, AnswerVersion, Reply


def locked_editable(reply: Reply) -> Reply:
    """The reply, row-locked for this transaction, or NotEditable once it has been submitted."""
    reply = Reply.objects.select_for_update().get(pk=reply.pk)
    if not reply.is_editable:
        raise NotEditable(
            _("This reply is %(state)s and can no longer be edited.") % {"state": reply.get_state_display()}
        )
    return reply


@audited
@transaction.atomic
def answer_save(
    *,
    reply: Reply,
    question: Question,
    by,
    version: int | None,
    text: str | None = None,
    national_text: str | None = None,
    no_information: bool | None = None,
) -> Answer:
    """Save one answer's official and/or national-language text and its mark "no information available"
    (the texts then explain why, if at all); `None` leaves a text or the mark as it is.

    `version` is the one the writer last read (None for an answer not yet written). If a colleague saved
    since, nothing is written and EditConflict carries the stored answer, so the writer keeps both texts.
    """
    reply = locked_editable(reply)
    if question.questionnaire.round_id != reply.round_id:
        raise NotFound(_("This question is not part of the reply's questionnaire."))
    if not Question.objects.filter(addressed_to(reply.party_id), pk=question.pk).exists():
        raise NotFound(
            _("This question is not asked of %(party)s.") % {"party": reply.party.name_with_article}
        )
    text_check(text, kind="text", field="text", label=_("Answer"))
    text_check(national_text, kind="text", field="national_text", label=_("Answer in the national language"))
    given = {"text": text, "national_text": national_text, "no_information": no_information}
    changes = {name: value for name, value in given.items() if value is not None}
    if version is None:
        answer = _create(reply=reply, question=question, by=by, changes=changes)
    else:
        # Compare and set: the row is locked, its version compared, then saved (so that the audit trail
        # records the save); a writer who read an older version changes nothing.
        answer = Answer.objects.select_for_update().filter(reply=reply, question=question).first()
        if answer is None or answer.version != version:
            _raise_conflict(reply=reply, question=question)
        for name, value in changes.items():
            setattr(answer, name, value)
        answer.version, answer.saved_by = answer.version + 1, by
        answer_with_html(answer).save(
            update_fields=[*changes, *HTML_FIELDS, "version", "saved_by", "updated_at"]
        )
    AnswerVersion.objects.create(
        answer=answer,
        version=answer.version,
        text=answer.text,
        national_text=answer.national_text,
        no_information=answer.no_information,
        saved_by=by,
    )
    return answer


def _create(*, reply: Reply, question: Question, by, changes: dict) -> Answer:
    try:
        with transaction.atomic():
            answer = Answer(reply=reply, question=question, saved_by=by, version=1, **changes)
            answer_with_html(answer).save(force_insert=True)
            return answer
    except IntegrityError:
        _raise_conflict(reply=reply, question=question)


def _raise_conflict(*, reply: Reply, question: Question):
    current = Answer.objects.select_related("saved_by").filter(reply=reply, question=question).first()
    raise EditConflict(
        _(
            "%(user)s saved a newer version of this answer while you were editing. "
            "Your text has not been saved: compare both, then save again."
        )
        % {"user": current.saved_by.get_username() if current else _("A colleague")},
        current=current,
    )


def answer_save_in_language(
    *,
    reply: Reply,
    question: Question,
    by,
    version: int | None,
    language: str,
    text: str,
    no_information: bool | None = None,
) -> Answer:
    """Save the text written in `language`: the reply's official language or its national language. The
    mark "no information available" is the answer's, whichever language the text is in."""
    common = {"reply": reply, "question": question, "by": by, "version": version}
    if language == reply.language:
        return answer_save(**common, text=text, no_information=no_information)
    if reply.national_language_id and language == reply.national_language.code:
        return answer_save(**common, national_text=text, no_information=no_information)
    languages = [reply.language] + ([reply.national_language.code] if reply.national_language_id else [])
    raise InvalidLanguage(_("This reply is written in %(languages)s.") % {"languages": ", ".join(languages)})
