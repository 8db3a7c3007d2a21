"""A round's public data as one JSON-ready document (`open_data_document`), read only through the public
gates (DESIGN §3) as an anonymous reader: published replies and their answers, public acknowledged
contributions, adopted findings, adopted implementation reports with their chapters and statements, and the
follow-up of the round's recommendations (its items and adopted assessments). Drafts, unpublished replies,
confidential or unacknowledged contributions, unadopted findings, draft reports and proposed assessments
never reach it, and neither does who wrote what.

Every value is already JSON (dates as ISO strings), every list in a stable order, so the document serialises
the same way every time; `data_version` is a checksum of the data alone.
"""

import datetime
import hashlib
import html
import json
import re

from django.conf import settings
from django.db.models import Prefetch
from django.utils import timezone, translation
from django.utils.html import strip_tags

from civil_society.models import Contribution, ContributionItem
from civil_society.selectors import for_listing, public_contributions
from core.viewers import PUBLIC
from evaluation.models import Chapter, Report, Statement
from evaluation.selectors import adopted_reports
from questionnaires.models import Question, Questionnaire
from questionnaires.selectors import questions_of
from reports.selectors import findings_visible_to, with_figures
from rounds.models import Language, Participation, Party, Round
from submissions.models import Answer, Reply
from submissions.selectors import answers_visible_to, replies_visible_to

from .followup import follow_up_tables

# 2: answers say `no_information`; 3: the adopted reports, chapters and statements; 4: the follow-up
FORMAT_VERSION = 4
TABLE_KEYS = (
    "round",
    "languages",
    "parties",
    "questions",
    "replies",
    "answers",
    "contributions",
    "findings",
    "reports",
    "report_chapters",
    "report_statements",
    "follow_up_items",
    "follow_up_assessments",
)
_BLOCK_END = re.compile(r"<br\s*/?>|</(p|li|h[1-6]|div|blockquote|tr|ul|ol)>", re.IGNORECASE)


def open_data_document(*, round: Round, now: datetime.datetime | None = None) -> dict:
    """The document of a public round (the caller has checked that it is public)."""
    replies = replies_visible_to(PUBLIC).filter(round=round).order_by("party__code")
    answers = (
        answers_visible_to(PUBLIC)
        .filter(reply__in=replies)
        .select_related("reply__party", "reply__national_language", "question")
        .order_by("reply__party__code", "question__position")
    )
    contributions = _contributions(round)
    parties = (
        Party.objects.filter(pk__in=Participation.objects.filter(round=round).values("party"))
        .prefetch_related(Prefetch("national_languages", Language.objects.order_by("code")))
        .order_by("code")
    )
    data = {
        "round": _round(round),
        "languages": _languages(round),
        "parties": [_party(party) for party in parties],
        "questions": [_question(question) for question in questions_of(round=round).select_related("parent")],
        "replies": [_reply(reply) for reply in replies],
        "answers": [row for answer in answers for row in _answer_rows(answer)],
        "contributions": [_contribution(contribution) for contribution in contributions],
        "findings": _findings(round, answers=answers, contributions=contributions),
    }
    data |= _reports(round, data=data, contributions=contributions)
    data |= follow_up_tables(round)
    generated_at = (now or timezone.now()).replace(microsecond=0)
    return {
        "format_version": FORMAT_VERSION,
        "licence": dict(settings.OPEN_DATA_LICENCE),
        "generated_at": _datetime(generated_at),
        "data_version": data_version(data),
        **data,
    }


def data_version(document: dict) -> str:
    """A checksum of the tables: the same data give the same version, wherever and whenever built."""
    tables = {name: document[name] for name in TABLE_KEYS}
    canonical = json.dumps(tables, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


def plain_text(markup: str) -> str:
    """Sanitised HTML as plain text: one line per paragraph or list item."""
    text = html.unescape(strip_tags(_BLOCK_END.sub("\n", markup)))
    lines = (re.sub(r"[ \t]+", " ", line).strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def _date(value: datetime.date | None) -> str | None:
    return value.isoformat() if value else None


def _datetime(value: datetime.datetime | None) -> str | None:
    return value.astimezone(datetime.UTC).isoformat() if value else None


def _round(round: Round) -> dict:
    questionnaire = Questionnaire.objects.filter(round=round).first()
    labels = {}
    for language in ("en", "fr"):
        with translation.override(language):
            labels[language] = str(round.label)
    return {
        "slug": round.slug,
        "number": round.number,
        "kind": round.kind,
        "label_en": labels["en"],
        "label_fr": labels["fr"],
        "theme_en": round.theme_en,
        "theme_fr": round.theme_fr,
        "summary_en": round.summary_en or "",
        "summary_fr": round.summary_fr or "",
        "status": round.status,
        "questionnaire_adopted_on": _date(round.questionnaire_adopted_on),
        "reply_deadline": _date(round.reply_deadline),
        "civil_society_deadline": _date(round.civil_society_deadline),
        "report_adopted_on": _date(round.report_adopted_on),
        "factsheets_published_on": _date(round.factsheets_published_on),
        "comment_window_months": round.comment_window_months,
        "questionnaire_title_en": questionnaire.title_en if questionnaire else "",
        "questionnaire_title_fr": questionnaire.title_fr if questionnaire else "",
        "questionnaire_introduction_en": (questionnaire.introduction_en or "") if questionnaire else "",
        "questionnaire_introduction_fr": (questionnaire.introduction_fr or "") if questionnaire else "",
    }


def _languages(round: Round) -> list[dict]:
    monitored = Participation.objects.filter(round=round).values("party")
    published = replies_visible_to(PUBLIC).filter(round=round)
    used = Language.objects.filter(parties__in=monitored) | Language.objects.filter(
        pk__in=published.values("national_language")
    )
    return [
        {"code": language.code, "name_en": language.name_en or "", "name_fr": language.name_fr or ""}
        for language in used.distinct().order_by("code")
    ]


def _party(party: Party) -> dict:
    return {
        "code": party.code,
        "name_en": party.name_en,
        "name_fr": party.name_fr,
        "national_languages": [language.code for language in party.national_languages.all()],
    }


def _question(question) -> dict:
    return {
        "number": question.number,
        "parent": question.parent.number if question.parent_id else None,
        "position": question.position,
        "kind": question.kind,
        "theme": question.theme,
        "articles": question.article_list,
        "required": question.required,
        "asks_for_data": question.asks_for_data,
        "text_en": question.text_en or "",
        "text_fr": question.text_fr or "",
        "guidance_en": question.guidance_en or "",
        "guidance_fr": question.guidance_fr or "",
    }


def _reply(reply: Reply) -> dict:
    return {
        "party": reply.party.code,
        "language": reply.language,
        "national_language": reply.national_language.code if reply.national_language_id else None,
        "submitted_at": _datetime(reply.submitted_at),
        "is_late": reply.is_late,
        "published_on": _date(reply.published_on),
    }


def _answer_rows(answer: Answer) -> list[dict]:
    """The official text always (a finding may cite an answer), the national one when written."""
    reply = answer.reply
    row = {"answer_id": answer.pk, "party": reply.party.code, "question": answer.question.number}
    mark = {"no_information": answer.no_information}
    rows = [{**row, "language": reply.language, "is_official": True, **mark, "text": answer.text}]
    if reply.national_language_id and answer.national_text:
        language = reply.national_language.code
        rows.append({**row, "language": language, "is_official": False, **mark, "text": answer.national_text})
    return rows


def _contributions(round: Round) -> list[Contribution]:
    items = ContributionItem.objects.select_related("question").order_by("question__position")
    return list(
        for_listing(public_contributions(round=round))
        .prefetch_related(Prefetch("items", items))
        .order_by("acknowledged_at", "pk")
    )


def _contribution(contribution: Contribution) -> dict:
    return {
        "id": contribution.pk,
        "organisation": contribution.organisation.name,
        "co_signers": [signature.organisation.name for signature in contribution.confirmed_co_signatures],
        "kind": contribution.kind,
        "language": contribution.language,
        "parties": [party.code for party in contribution.parties.all()],
        "acknowledged_at": _datetime(contribution.acknowledged_at),
        "title": contribution.title,
        "general_html": contribution.general_text,
        "general_text": plain_text(contribution.general_text),
        "items": [
            {"question": item.question.number, "html": item.text, "text": plain_text(item.text)}
            for item in contribution.items.all()
        ],
    }


def _findings(round: Round, *, answers, contributions: list[Contribution]) -> list[dict]:
    """Adopted findings; their evidence as far as it is public (what the document itself contains)."""
    public_answers = set(answers.values_list("pk", flat=True))
    public_contributions = {contribution.pk for contribution in contributions}
    findings = (
        with_figures(findings_visible_to(PUBLIC).filter(round=round))
        .prefetch_related(
            Prefetch("parties", Party.objects.order_by("code")),
            Prefetch("questions", questions_of(round=round)),
            "answers",
            "contributions",
        )
        .order_by("position", "pk")
    )
    return [
        {
            "id": finding.pk,
            "position": finding.position,
            "kind": finding.kind,
            "grade": finding.grade,
            "theme": finding.theme,
            "title_en": finding.title_en or "",
            "title_fr": finding.title_fr or "",
            "text_en": finding.text_en or "",
            "text_fr": finding.text_fr or "",
            "applies_to_all": finding.applies_to_all,
            "parties": [party.code for party in finding.parties.all()],
            "figure_count": finding.figure_count,
            "figure_label_en": finding.figure_label_en or "",
            "figure_label_fr": finding.figure_label_fr or "",
            "questions": [question.number for question in finding.questions.all()],
            "evidence_answer_ids": sorted(a.pk for a in finding.answers.all() if a.pk in public_answers),
            "evidence_contribution_ids": sorted(
                c.pk for c in finding.contributions.all() if c.pk in public_contributions
            ),
            "adopted_at": _datetime(finding.adopted_at),
        }
        for finding in findings
    ]


def _reports(round: Round, *, data: dict, contributions: list[Contribution]) -> dict[str, list[dict]]:
    """The adopted implementation reports, their chapters (and sections) and their statements; a statement's
    evidence as far as it is public, like a finding's, and the adopted finding it became (while adopted).
    The same number of queries whatever the number of reports."""
    public = {
        "answers": {row["answer_id"] for row in data["answers"]},
        "contributions": {contribution.pk for contribution in contributions},
        "findings": {row["id"] for row in data["findings"]},
    }
    reports = list(adopted_reports(round).order_by("position", "pk"))
    statements = Statement.objects.prefetch_related(
        Prefetch("parties", Party.objects.only("code")),
        Prefetch("questions", Question.objects.only("number", "position")),
        Prefetch("answers", Answer.objects.only("pk")),
        Prefetch("contributions", Contribution.objects.only("pk")),
    ).order_by("position", "pk")
    chapters = (
        Chapter.objects.filter(report__in=reports)  # the reports the gate let through
        .prefetch_related(
            Prefetch("questions", Question.objects.only("number", "position")),
            Prefetch("statements", statements),
        )
        .order_by("position", "pk")
    )
    by_report: dict[int, list[Chapter]] = {}
    for chapter in chapters:
        by_report.setdefault(chapter.report_id, []).append(chapter)
    chapter_rows, statement_rows = [], []
    for report in reports:
        for chapter in by_report.get(report.pk, []):
            chapter_rows.append(
                {
                    "report_id": report.pk,
                    "number": chapter.number,
                    "position": chapter.position,
                    "title_en": chapter.title_en or "",
                    "title_fr": chapter.title_fr or "",
                    "html_en": chapter.body_en or "",
                    "html_fr": chapter.body_fr or "",
                    "questions": _numbers(chapter.questions.all()),
                }
            )
            statement_rows += [
                _statement(report, chapter, statement, public) for statement in chapter.statements.all()
            ]
    return {
        "reports": [_report(report) for report in reports],
        "report_chapters": chapter_rows,
        "report_statements": statement_rows,
    }


def _report(report: Report) -> dict:
    return {
        "id": report.pk,
        "position": report.position,
        "title_en": report.title_en or "",
        "title_fr": report.title_fr or "",
        "document_ref": report.document_ref,
        "adopted_on": _date(report.adopted_on),
        "meeting": report.adopted_at_meeting.number if report.adopted_at_meeting else None,
    }


def _numbers(questions) -> list[str]:
    return [question.number for question in sorted(questions, key=lambda question: question.position)]


def _statement(report, chapter, statement, public: dict[str, set[int]]) -> dict:
    return {
        "report_id": report.pk,
        "chapter": chapter.number,
        "reference": statement.reference,
        "position": statement.position,
        "kind": statement.kind,
        "grade": statement.grade,
        "theme": statement.theme,
        "title_en": statement.title_en or "",
        "title_fr": statement.title_fr or "",
        "text_en": statement.text_en or "",
        "text_fr": statement.text_fr or "",
        "applies_to_all": statement.applies_to_all,
        "parties": sorted(party.code for party in statement.parties.all()),
        "questions": _numbers(statement.questions.all()),
        "evidence_answer_ids": sorted(a.pk for a in statement.answers.all() if a.pk in public["answers"]),
        "evidence_contribution_ids": sorted(
            c.pk for c in statement.contributions.all() if c.pk in public["contributions"]
        ),
        "finding_id": statement.finding_id if statement.finding_id in public["findings"] else None,
    }
