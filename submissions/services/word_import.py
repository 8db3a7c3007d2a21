"""Answers imported from the portal's Word template: read and matched first, applied only on confirmation.

Reading stores a `WordImport`: per matched question the text read, the answer version it was compared with
and what applying would do (`new`, `changed`, `unchanged`), plus what could not be matched. Applying saves
every new or changed answer against the version recorded when reading, all or nothing.

An answer has three parts compared one by one: its official text, its national-language text (documents
exported before it was added have none: it is then left as it is) and its mark "no information available".
When the document records the versions it was downloaded with, a part left as downloaded is not imported
over a newer one saved in the portal since: the document's copy is merely out of date.
"""

import datetime
from collections import Counter

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from core.audit import audited
from core.dates import date_display
from core.languages import OfficialLanguage
from core.text_limits import text_length, text_limit
from questionnaires.models import Question
from questionnaires.selectors import addressed_to

from ..errors import EditConflict, InvalidFile, InvalidTransition
from ..files import document_kind
from ..models import Answer, AnswerVersion, Reply, WordImport
from ..word import Reference, answer_from_word, text_normalized
from ..word.parse import ParsedDocument, reply_docx_parse
from .answers import answer_save, locked_editable

NEW, CHANGED, UNCHANGED = "new", "changed", "unchanged"
CHANGING = (NEW, CHANGED)
FIELDS = ("text", "national_text", "no_information")
EXCERPT = 300


@transaction.atomic
def word_import_read(*, reply: Reply, by, upload: UploadedFile) -> WordImport:
    """Read an uploaded .docx and match it to the reply's questions; InvalidFile, storing nothing, if it
    is not a Word document, belongs to another reply, or has nothing that matches this questionnaire."""
    reply = locked_editable(reply)
    size = getattr(upload, "size", None)
    if size is not None and size > settings.ATTACHMENT_MAX_BYTES:
        raise InvalidFile(
            _("This file is %(size)s; the largest accepted is %(limit)s.")
            % {"size": filesizeformat(size), "limit": filesizeformat(settings.ATTACHMENT_MAX_BYTES)}
        )
    document_kind(upload, allowed=("docx",))
    parsed = reply_docx_parse(upload)
    _check_reference(parsed.reference, reply=reply)
    if not parsed.question_tables:
        raise InvalidFile(
            _("No question table was found: this document does not follow the portal's template.")
        )
    entries, unmatched = _match(parsed, reply=reply)
    if not entries:
        raise InvalidFile(
            _("Nothing in this document matches the questions of this reply: %(problems)s")
            % {"problems": " ".join(_unmatched_message(item) for item in unmatched)}
        )
    return WordImport.objects.create(
        reply=reply,
        uploaded_by=by,
        original_name=(getattr(upload, "name", "") or "")[:255],
        entries=entries,
        unmatched=unmatched,
    )


@audited
@transaction.atomic
def word_import_apply(*, word_import: WordImport, by, now: datetime.datetime | None = None) -> list[Answer]:
    """Save every new or changed answer of the import, all or nothing; EditConflict if any answer was
    saved since the document was read, InvalidTransition if the import was already applied."""
    reply = locked_editable(word_import.reply)
    word_import = WordImport.objects.select_for_update().get(pk=word_import.pk)
    if word_import.applied_at is not None:
        raise InvalidTransition(
            _("This Word document has already been imported (%(date)s).")
            % {"date": date_display(timezone.localtime(word_import.applied_at), "DATETIME_FORMAT")}
        )
    pending = [entry for entry in word_import.entries if entry["status"] in CHANGING]
    questions = Question.objects.select_related("questionnaire").in_bulk(
        [entry["question"] for entry in pending]
    )
    saved = []
    for entry in pending:
        question = questions.get(entry["question"])
        if question is None or question.questionnaire.round_id != reply.round_id:
            raise InvalidFile(
                _("Question %(number)s is no longer part of the questionnaire: upload the document again.")
                % {"number": entry["number"]}
            )
        try:
            saved.append(
                answer_save(
                    reply=reply,
                    question=question,
                    by=by,
                    version=entry["version"],
                    **{name: entry[name] for name in _fields(entry)},
                )
            )
        except EditConflict as conflict:
            current = conflict.context.get("current")
            raise EditConflict(
                _(
                    "%(user)s saved the answer to question %(number)s after this document was read. "
                    "Nothing has been imported: upload the document again to see the changes anew."
                )
                % {
                    "user": current.saved_by.get_username() if current else _("A colleague"),
                    "number": entry["number"],
                },
                current=current,
                number=entry["number"],
            ) from None
    word_import.applied_at = now or timezone.now()
    word_import.save(update_fields=["applied_at"])
    return saved


# Reads for the preview page.


def word_import_changes(word_import: WordImport) -> list[dict]:
    """Per matched question, in questionnaire order: what applying the import does to it.

    `status` is new, changed or unchanged as read; `current` is the answer's text now and `imported` the
    document's (None when importing leaves the text as it is), each with its mark "no information
    available" (`same` when both match), and likewise `current_national` and `imported_national` (None
    also when the document has no national text); `stale` says a colleague saved the answer since, so
    applying would be refused; `kept` says the document held an out-of-date copy of a part since saved in
    the portal, which is left as it is.
    """
    ids = [entry["question"] for entry in word_import.entries]
    questions = Question.objects.in_bulk(ids)
    answers = {
        answer.question_id: answer
        for answer in Answer.objects.filter(reply=word_import.reply_id, question__in=ids).select_related(
            "saved_by"
        )
    }
    rows = []
    for entry in word_import.entries:
        answer, question = answers.get(entry["question"]), questions.get(entry["question"])
        stale = (
            word_import.applied_at is None
            and entry["status"] in CHANGING
            and (answer.version if answer else None) != entry["version"]
        )
        current, fields = _compared(answer), _fields(entry)
        rows.append(
            {
                "number": entry["number"],
                "question": question.text if question else "",
                "status": entry["status"],
                "current": answer.text if answer else "",
                "current_no_information": current["no_information"],
                "current_national": answer.national_text if answer else "",
                "imported": entry["text"] if {"text", "no_information"} & set(fields) else None,
                "imported_no_information": entry["no_information"]
                if "no_information" in fields
                else current["no_information"],
                "imported_national": entry["national_text"] if "national_text" in fields else None,
                "same": all(current[name] == entry[name] for name in FIELDS if entry.get(name) is not None),
                "kept": bool(entry.get("kept", False)),
                "saved_since_download": entry.get("saved_since_download", False),
                "stale": stale,
                "saved_by": answer.saved_by.get_username() if answer else "",
            }
        )
    return rows


def word_import_unmatched(word_import: WordImport) -> list[dict]:
    """The parts of the document that were not matched to a question, each with why, in words."""
    return [
        {"number": item["number"], "message": _unmatched_message(item), "text": item.get("text", "")}
        for item in word_import.unmatched
    ]


def word_import_missing(word_import: WordImport) -> list[Question]:
    """The questions the document does not hold: importing it leaves their answers as they are."""
    numbers = {entry["number"] for entry in word_import.entries} | {
        item["number"] for item in word_import.unmatched
    }
    return list(
        Question.objects.filter(
            addressed_to(word_import.reply.party_id), questionnaire__round=word_import.reply.round_id
        )
        .exclude(number__in=numbers)
        .order_by("position")
    )


# Matching.


def _check_reference(reference: Reference | None, *, reply: Reply) -> None:
    if reference is None:
        return
    if (reference.round_slug, reference.party_code) != (reply.round.slug, reply.party.code):
        round_name = reply.round.label if reference.round_slug == reply.round.slug else reference.round_slug
        raise InvalidFile(
            _(
                "This document is the template of another reply (round %(round)s, Party %(party)s): "
                "download this reply's own document and copy your answers into it."
            )
            % {"round": round_name, "party": reference.party_code}
        )
    if reference.language != reply.language:
        names = dict(OfficialLanguage.choices)
        raise InvalidFile(
            _(
                "This document was downloaded in %(document)s, but the reply is now written in %(reply)s: "
                "download it again so that its questions are in the reply's language."
            )
            % {
                "document": names.get(reference.language, reference.language),
                "reply": names[reply.language],
            }
        )


def _match(parsed: ParsedDocument, *, reply: Reply) -> tuple[list[dict], list[dict]]:
    # Only the questions asked of the reply's Party: a part numbered as another is not matched.
    asked = Question.objects.filter(addressed_to(reply.party_id), questionnaire__round=reply.round_id)
    questions = {q.number: q for q in asked}
    answers = {answer.question_id: answer for answer in Answer.objects.filter(reply=reply)}
    downloaded = _downloaded_texts(parsed.versions, questions=questions, answers=answers)
    unmatched = [
        {"number": item.number, "label": item.label, "reason": item.reason, "text": ""}
        for item in parsed.unreadable
    ]
    counts = Counter(item.number for item in parsed.answers)
    reported, entries = set(), []
    for item in parsed.answers:
        if counts[item.number] > 1:
            if item.number not in reported:
                reported.add(item.number)
                unmatched.append(_unmatched(item, reason="duplicate"))
        elif item.number not in questions:
            unmatched.append(_unmatched(item, reason="unknown_number"))
        elif max(text_length(item.text), text_length(item.national or "")) > text_limit("text"):
            unmatched.append(_unmatched(item, reason="too_long"))  # refused now, not when applied
        else:
            question = questions[item.number]
            text, no_information = answer_from_word(item.text)
            imported = {"text": text, "no_information": no_information}
            if item.national is not None and _is_national(item.national_label, reply=reply):
                national, national_mark = answer_from_word(item.national)
                imported |= {"national_text": national, "no_information": no_information or national_mark}
            elif item.national:
                refused = _unmatched(item, reason="language", text=item.national, label=item.national_label)
                unmatched.append(refused)
            entries.append(
                _entry(
                    question=question,
                    answer=answers.get(question.pk),
                    imported=imported,
                    downloaded=downloaded.get(item.number),
                    downloaded_version=(parsed.versions or {}).get(item.number),
                )
            )
    entries.sort(key=lambda entry: entry.pop("position"))
    return entries, unmatched


def _fields(entry: dict) -> list[str]:
    """The parts applying an entry writes. Imports read before parts were compared one by one wrote the
    text, and the mark once it was read."""
    if "fields" in entry:
        return entry["fields"]
    if entry["status"] not in CHANGING:
        return []
    return [name for name in ("text", "no_information") if entry.get(name) is not None]


def _is_national(label: str, *, reply: Reply) -> bool:
    """Whether a national-language text labelled `label` (by name, or code) is in the reply's language."""
    language = reply.national_language
    if language is None:
        return False
    # The file names it in the reply's language, whatever the language of the screen that imports it.
    names = {language.code, language.name_en, language.name_fr}
    return label.strip().lower() in {name.lower() for name in names if name}


def _compared(answer: Answer | AnswerVersion | None) -> dict:
    """An answer as compared with a document's: its normalised texts and its mark."""
    if answer is None:
        return {"text": "", "national_text": "", "no_information": False}
    return {
        "text": text_normalized(answer.text),
        "national_text": text_normalized(answer.national_text),
        "no_information": answer.no_information,
    }


def _entry(
    *,
    question: Question,
    answer: Answer | None,
    imported: dict,
    downloaded: dict | None,
    downloaded_version,
) -> dict:
    """`imported` has the parts the document holds, `downloaded` all of them, as `_compared` gives them.

    `fields` are the parts applying writes: those the document changes, except a part left as downloaded
    while the portal's was saved since (`kept`: the portal's newer part stays).
    """
    current = _compared(answer)
    version = answer.version if answer else None
    changed = [name for name in FIELDS if name in imported and imported[name] != current[name]]
    kept = []
    if downloaded is not None and version != downloaded_version:
        kept = [name for name in changed if imported[name] == downloaded[name]]
    fields = [name for name in changed if name not in kept]
    status = (NEW if current == _compared(None) else CHANGED) if fields else UNCHANGED
    return {
        "question": question.pk,
        "number": question.number,
        "position": question.position,
        "text": imported["text"],
        "national_text": imported.get("national_text"),
        "no_information": imported["no_information"],
        "fields": fields,
        "version": version,
        "status": status,
        "kept": bool(kept),
        "saved_since_download": downloaded is not None
        and status in CHANGING
        and version != downloaded_version,
    }


def _downloaded_texts(versions: dict[str, int] | None, *, questions: dict, answers: dict) -> dict[str, dict]:
    """Per question number, the answer when the document was downloaded, as `_compared` gives it."""
    if versions is None:
        return {}
    texts = {number: _compared(None) for number in questions if number not in versions}
    answered = {answers[q.pk].pk: number for number, q in questions.items() if q.pk in answers}
    wanted = {answer_id: versions[number] for answer_id, number in answered.items() if number in versions}
    for row in AnswerVersion.objects.filter(answer__in=wanted, version__in=set(wanted.values())):
        if wanted[row.answer_id] == row.version:
            texts[answered[row.answer_id]] = _compared(row)
    return texts


def _unmatched(item, *, reason: str, text: str | None = None, label: str = "") -> dict:
    text = item.text if text is None else text
    text = text if len(text) <= EXCERPT else text[:EXCERPT].rstrip() + "…"
    return {"number": item.number, "label": label, "reason": reason, "text": text}


def _unmatched_message(item: dict) -> str:
    number = item["number"]
    if item["reason"] == "unknown_number":
        return _("There is no question %(number)s in this questionnaire.") % {"number": number}
    if item["reason"] == "duplicate":
        return _("Question %(number)s appears more than once; none of its answers is used.") % {
            "number": number
        }
    if item["reason"] == "too_long":
        return _(
            "The answer to question %(number)s is longer than the %(limit)s characters an answer holds: "
            "shorten it in the document and upload it again."
        ) % {"number": number, "limit": formats.number_format(text_limit("text"), force_grouping=True)}
    if item["reason"] == "language":
        return _(
            "The text of question %(number)s in “%(language)s” is left out: it is not this reply's national "
            "language."
        ) % {"number": number, "language": item["label"]}
    if item["reason"] == "no_answer":
        return _("The table of question %(number)s has no answer row.") % {"number": number}
    return _("“%(label)s” is not a question number of the portal's template.") % {"label": item["label"]}
