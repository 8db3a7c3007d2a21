"""The adopted implementation report as readers read it: on its page, in its PDF and over the API.

Everything is read through the public gate (`adopted_reports`, `report_contents`) and the evidence through
the public pages' own (`reports.evidence.attach_evidence`), whoever asks: a comment made confidential after
it was cited links nowhere, and a draft never reaches a reader.

Anchors: a statement's is its reference in lower case (`r-3`), a chapter's `chapter-I-2`. A round may have
several reports on one page, each numbering its statements from 1: the first report (by position) keeps the
plain anchors, the others' are prefixed with `report-<id>-`, so that a report adopted later never moves the
anchors of the first one.
"""

from dataclasses import dataclass, field

from django.urls import reverse

from core.viewers import PUBLIC
from reports.evidence import ANSWER, Evidence, attach_evidence
from rounds.models import Round
from rounds.names import sorted_by_name

from .models import Chapter, Report, ReportDocument, Statement
from .selectors import adopted_reports, report_contents, report_documents_visible_to


@dataclass(frozen=True)
class EvidenceLink:
    """A piece of public evidence as the report shows it: what it is and where to read it (a path)."""

    label: str
    link: str
    key: tuple


@dataclass
class TocEntry:
    chapter: Chapter
    children: list["TocEntry"] = field(default_factory=list)


@dataclass
class PublishedReport:
    report: Report
    chapters: list[Chapter]  # each with `heading_level`, `page_anchor` and `statement_list`
    toc: list[TocEntry]
    anchor_prefix: str
    documents: dict[str, ReportDocument] = field(default_factory=dict)  # rendered PDFs by language

    @property
    def statements(self) -> list[Statement]:
        return [statement for chapter in self.chapters for statement in chapter.statement_list]

    @property
    def anchor(self) -> str:
        return f"report-{self.report.pk}"


def evidence_link(evidence: Evidence) -> str:
    """Where a reader of the report reads a piece of evidence: an answer on its Party's page at the
    question, a comment on its own page (at the item cited)."""
    return evidence.url if evidence.kind == ANSWER else evidence.contribution_page or evidence.url


def anchor_prefix(report: Report, first_pk: int | None) -> str:
    return "" if report.pk == first_pk else f"report-{report.pk}-"


def _toc(chapters: list[Chapter]) -> list[TocEntry]:
    """Chapters nested by depth ("I" holds "I.1", which holds "I.1.a"), in the report's order."""
    root: list[TocEntry] = []
    stack: list[tuple[int, list[TocEntry]]] = [(-1, root)]
    for chapter in chapters:
        entry = TocEntry(chapter)
        while stack[-1][0] >= chapter.depth:
            stack.pop()
        stack[-1][1].append(entry)
        stack.append((chapter.depth, entry.children))
    return root


def _published(report: Report, *, prefix: str, top_level: int) -> PublishedReport:
    chapters = report_contents(report)
    statements = [statement for chapter in chapters for statement in chapter.statements.all()]
    attach_evidence(statements)
    for chapter in chapters:
        chapter.heading_level = min(top_level + chapter.depth, 6)
        chapter.page_anchor = prefix + chapter.anchor
        chapter.statement_list = list(chapter.statements.all())
        for statement in chapter.statement_list:
            statement.page_anchor = prefix + statement.anchor
            # By name as the active language writes them (the page's, or the PDF's).
            statement.concerned = [] if statement.applies_to_all else sorted_by_name(statement.parties.all())
            statement.links = [
                EvidenceLink(label=evidence.label, link=evidence_link(evidence), key=evidence.key)
                for evidence in statement.evidence
            ]
    return PublishedReport(report=report, chapters=chapters, toc=_toc(chapters), anchor_prefix=prefix)


def published_reports(round: Round, *, top_level: int = 3) -> list[PublishedReport]:
    """A round's adopted reports in order, each with its contents, evidence and rendered PDFs; a fixed
    number of queries per report. Empty when none is adopted."""
    reports = list(adopted_reports(round).order_by("position", "pk"))
    if not reports:
        return []
    documents = report_documents_visible_to(PUBLIC).filter(report__in=reports).order_by("language")
    by_report: dict[int, dict[str, ReportDocument]] = {}
    for document in documents:
        by_report.setdefault(document.report_id, {})[document.language] = document
    published = []
    for report in reports:
        item = _published(report, prefix=anchor_prefix(report, reports[0].pk), top_level=top_level)
        item.documents = by_report.get(report.pk, {})
        published.append(item)
    return published


def published_report(report: Report, *, top_level: int = 2) -> PublishedReport:
    """One adopted report (its PDF); anchors as on the round's page, so links from the PDF land there."""
    first = adopted_reports(report.round).order_by("position", "pk").values_list("pk", flat=True).first()
    return _published(report, prefix=anchor_prefix(report, first), top_level=top_level)


def adopted_report_path(round: Round) -> str:
    """The address of the round's adopted report in the active language, or "" while it has none (one query:
    the factsheets' refresh asks for every round)."""
    if not adopted_reports(round).exists():
        return ""
    return reverse("round-report", args=[round.slug])
