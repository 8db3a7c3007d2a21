"""The implementation report: drafted by the Secretariat chapter by chapter, with its recommendations,
promising practices and challenges structured as statements, and adopted by the Committee at a meeting.

At adoption each statement becomes one of the round's adopted findings, with the same evidence, so that the
factsheets built from the findings follow the report and never contradict it.
"""

import datetime

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from civil_society.documents import safe_html
from civil_society.models import Contribution
from core.audit import audited
from core.deadlines import STRASBOURG
from core.text_limits import text_check
from reports.errors import EvidenceNotPublic
from reports.models import Finding
from reports.services import finding_adopt, finding_check, finding_create, finding_texts_check
from rounds.models import Party, Round
from rounds.services import round_phase_follow

from ..errors import EditConflict, InvalidEvaluation, InvalidTransition, NotEditable
from ..models import AgendaItem, Chapter, ChapterVersion, Meeting, Report, Statement
from .access import secretariat_only
from .documents import report_documents_queue
from .observations import _plain, confidential_passages


def _editable(report: Report) -> Report:
    report = Report.objects.select_for_update().select_related("round").get(pk=report.pk)
    if report.is_adopted:
        raise NotEditable(_("This report is adopted and can no longer be changed."))
    return report


@audited
@transaction.atomic
def report_create(*, round: Round, title_en: str, title_fr: str, by, document_ref: str = "") -> Report:
    secretariat_only(by)
    for field, title in (("title_en", title_en), ("title_fr", title_fr)):
        text_check(title, kind="title", field=field, label=_("Title"))
    if not title_en.strip():
        raise InvalidEvaluation(_("Give the report a title in English."), field="title_en")
    last = Report.objects.filter(round=round).aggregate(last=Max("position"))["last"]
    return Report.objects.create(
        round=round,
        title_en=title_en.strip(),
        title_fr=title_fr.strip(),
        document_ref=document_ref.strip(),
        position=0 if last is None else last + 1,
    )


@audited
@transaction.atomic
def chapter_create(
    *,
    report: Report,
    number: str,
    title_en: str,
    title_fr: str,
    by,
    questions=(),
    position: int | None = None,
) -> Chapter:
    secretariat_only(by)
    report = _editable(report)
    number = number.strip()
    if not number:
        raise InvalidEvaluation(_("Number the chapter, e.g. I, or I.2 for a section."), field="number")
    if not title_en.strip():
        raise InvalidEvaluation(_("Give the chapter a title in English."), field="title_en")
    questions = list(questions)
    strangers = [q.number for q in questions if q.questionnaire.round_id != report.round_id]
    if strangers:
        raise InvalidEvaluation(
            _("Question %(numbers)s is not part of this round's questionnaire.")
            % {"numbers": ", ".join(strangers)},
            field="questions",
        )
    if position is None:
        last = report.chapters.aggregate(last=Max("position"))["last"]
        position = 0 if last is None else last + 1
    try:
        with transaction.atomic():
            chapter = Chapter.objects.create(
                report=report,
                number=number,
                title_en=title_en.strip(),
                title_fr=title_fr.strip(),
                position=position,
                body_en="",
                body_fr="",
            )
    except IntegrityError:
        raise InvalidEvaluation(
            _("Chapter %(number)s exists already in this report.") % {"number": number}, field="number"
        ) from None
    chapter.questions.set(questions)
    return chapter


def _refuse_confidential(round: Round, *texts: str) -> None:
    """A report is published: no passage quoted from a confidential contribution may enter it."""
    plain = " ".join(_plain(text) for text in texts).casefold()
    if any(passage.casefold() in plain for passage in confidential_passages(round)):
        raise EvidenceNotPublic(
            _(
                "This text quotes a confidential contribution, which was addressed to the Committee and is "
                "never published. Remove the passage."
            ),
            field="body",
        )


@audited
@transaction.atomic
def chapter_save(
    *, chapter: Chapter, title_en: str, title_fr: str, body_en: str, body_fr: str, version: int, by
) -> Chapter:
    """Save a chapter's texts against the version the writer last read (EditConflict otherwise)."""
    secretariat_only(by)
    report = _editable(chapter.report)
    locked = Chapter.objects.select_for_update().get(pk=chapter.pk)
    for field, text, kind in (
        ("title_en", title_en, "title"),
        ("title_fr", title_fr, "title"),
        ("body_en", body_en, "text"),
        ("body_fr", body_fr, "text"),
    ):
        text_check(text, kind=kind, field=field, label=_("Chapter"))
    if not title_en.strip():
        raise InvalidEvaluation(_("Give the chapter a title in English."), field="title_en")
    if locked.version != version:
        raise EditConflict(
            _("Someone saved this chapter since you opened it. Your text is below the saved one."),
            current={
                "body_en": locked.body_en,
                "body_fr": locked.body_fr,
                "title_en": locked.title_en,
                "title_fr": locked.title_fr,
                "version": locked.version,
            },
        )
    _refuse_confidential(report.round, title_en, title_fr, body_en, body_fr)
    locked.title_en, locked.title_fr = title_en.strip(), title_fr.strip()
    locked.body_en, locked.body_fr = safe_html(body_en), safe_html(body_fr)
    locked.version += 1
    locked.save()
    ChapterVersion.objects.create(
        chapter=locked,
        number=locked.version,
        title_en=locked.title_en,
        title_fr=locked.title_fr,
        body_en=locked.body_en,
        body_fr=locked.body_fr,
        saved_by=by,
    )
    return locked


def _next_reference(report: Report, kind: str) -> str:
    prefix = Statement.PREFIX[kind] + "-"
    used = Statement.objects.filter(chapter__report=report, reference__startswith=prefix).values_list(
        "reference", flat=True
    )
    return prefix + str(max((int(reference.removeprefix(prefix)) for reference in used), default=0) + 1)


@audited
@transaction.atomic
def statement_add(
    *,
    chapter: Chapter,
    kind: str,
    grade: str,
    title_en: str,
    title_fr: str,
    text_en: str,
    text_fr: str,
    by,
    theme: str = "",
    parties=(),
    applies_to_all: bool = False,
    questions=(),
    answers=(),
    contributions=(),
) -> Statement:
    """A recommendation, promising practice or challenge in a chapter, checked as a finding is (grade,
    Parties monitored, public evidence of this round), numbered R-n, P-n or C-n within its report for good."""
    secretariat_only(by)
    report = _editable(chapter.report)
    parties: list[Party] = list(parties)
    questions, answers = list(questions), list(answers)
    contributions: list[Contribution] = list(contributions)
    finding_texts_check(title_en=title_en, title_fr=title_fr, text_en=text_en, text_fr=text_fr)
    theme = finding_check(
        round=report.round,
        kind=kind,
        grade=grade,
        theme=theme,
        questions=questions,
        parties=parties,
        applies_to_all=applies_to_all,
        answers=answers,
        contributions=contributions,
    )
    _refuse_confidential(report.round, title_en, title_fr, text_en, text_fr)
    last = chapter.statements.aggregate(last=Max("position"))["last"]
    statement = Statement.objects.create(
        chapter=chapter,
        reference=_next_reference(report, kind),
        kind=kind,
        grade=grade,
        theme=theme,
        position=0 if last is None else last + 1,
        title_en=title_en,
        title_fr=title_fr,
        text_en=text_en,
        text_fr=text_fr,
        applies_to_all=applies_to_all,
    )
    statement.parties.set(parties)
    statement.questions.set(questions)
    statement.answers.set(answers)
    statement.contributions.set(contributions)
    return statement


def _finding_of(statement: Statement, *, round: Round, by, now: datetime.datetime) -> Finding:
    finding = finding_create(
        round=round,
        kind=statement.kind,
        grade=statement.grade,
        title_en=statement.title_en,
        title_fr=statement.title_fr,
        text_en=statement.text_en,
        text_fr=statement.text_fr,
        theme=statement.theme,
        questions=statement.questions.all(),
        parties=statement.parties.all(),
        applies_to_all=statement.applies_to_all,
        answers=statement.answers.all(),
        contributions=statement.contributions.all(),
        by=by,
    )
    return finding_adopt(finding=finding, by=by, now=now)


@audited
@transaction.atomic
def report_adopt(
    *,
    report: Report,
    meeting: Meeting,
    by,
    adopted_on: datetime.date | None = None,
    now: datetime.datetime | None = None,
) -> Report:
    """The Committee adopted the report at `meeting`: recorded on its agenda, every statement becomes an
    adopted finding, the round's report date is set if it had none, and the PDFs are rendered."""
    secretariat_only(by)
    now = now or timezone.now()
    report = Report.objects.select_for_update().select_related("round").get(pk=report.pk)
    if report.is_adopted:
        raise InvalidTransition(_("This report is adopted already."))
    adopted_on = adopted_on or timezone.localdate(now, STRASBOURG)
    if not meeting.starts_on <= adopted_on <= meeting.ends_on:
        raise InvalidEvaluation(
            _("The report is adopted during the meeting: choose a day from its first to its last."),
            field="adopted_on",
        )
    statements = list(
        Statement.objects.filter(chapter__report=report).order_by("chapter__position", "position")
    )
    if not Chapter.objects.filter(report=report).exists():
        raise InvalidEvaluation(_("A report without chapters cannot be adopted."))
    for text in Chapter.objects.filter(report=report).values_list("body_en", "body_fr"):
        _refuse_confidential(report.round, *text)
    for statement in statements:
        if statement.finding_id is None:
            statement.finding = _finding_of(statement, round=report.round, by=by, now=now)
            statement.save(update_fields=["finding", "updated_at"])
    report.state, report.adopted_on, report.adopted_at_meeting = Report.State.ADOPTED, adopted_on, meeting
    report.save(update_fields=["state", "adopted_on", "adopted_at_meeting", "updated_at"])
    AgendaItem.objects.create(
        meeting=meeting,
        position=(meeting.items.aggregate(last=Max("position"))["last"] or 0) + 1,
        kind=AgendaItem.Kind.DECISION,
        title=_("Adoption of the implementation report “%(title)s”") % {"title": report.title_en},
        document_ref=report.document_ref,
        decision=_("Adopted."),
        decided_at=now,
    )
    round = Round.objects.select_for_update().get(pk=report.round_id)
    if round.report_adopted_on is None:
        round.report_adopted_on = adopted_on
        round.save(update_fields=["report_adopted_on", "updated_at"])
        round_phase_follow(round=round, now=now)
    report_documents_queue(report=report)
    return report
