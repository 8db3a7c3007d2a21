"""An adopted implementation report as a PDF, in English or French (rendered by the PDF worker:
`services.documents.report_document_render`).

The PDF shows what the report's page shows, read through the same public gates (`publication.py`): a cover
with the document's reference and its adoption, a table of contents whose entries are links (and, from the
headings, the PDF's bookmarks), the chapters with their statements, and the evidence as endnotes numbered
through the document, each with the absolute address of the public page that shows it. The HTML names its
language (`<html lang>`), which the PDF records, and `reports.pdf.html_to_pdf` writes it tagged.
"""

import hashlib
import json
from dataclasses import dataclass

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from reports.factsheets import AUTHOR

from .models import Report
from .publication import PublishedReport, published_report

STYLESHEET = "css/report-pdf.css"  # relative to the static folder, the PDF's base URL
# Raised when the layout changes, so that every report is rendered again with it.
LAYOUT_VERSION = 3


@dataclass(frozen=True)
class Endnote:
    number: int
    label: str
    url: str
    reference: str  # the statement's reference
    statement_anchor: str


@dataclass(frozen=True)
class BuiltReport:
    html: str
    data_version: str
    title: str


def _site_url(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def _endnotes(published: PublishedReport) -> list[Endnote]:
    """Number each statement's evidence through the document; each statement gets its `notes`."""
    notes: list[Endnote] = []
    for statement in published.statements:
        statement.notes = []
        for evidence in statement.links:
            note = Endnote(
                number=len(notes) + 1,
                label=evidence.label,
                url=_site_url(evidence.link),
                reference=statement.reference,
                statement_anchor=statement.page_anchor,
            )
            notes.append(note)
            statement.notes.append(note)
    return notes


def data_version(published: PublishedReport) -> str:
    """What the PDF shows, the same in both languages: the report, its chapters and statements as last
    saved, the Parties each concerns, the public evidence it rests on, the address of the site and the
    layout."""
    report = published.report
    payload = {
        "layout": LAYOUT_VERSION,
        "site": settings.SITE_URL,
        "report": (
            report.pk,
            report.updated_at,
            report.round.slug,
            report.round.updated_at,
            report.adopted_on,
            report.adopted_at_meeting.number if report.adopted_at_meeting else None,
            published.anchor_prefix,
        ),
        "chapters": [(chapter.pk, chapter.updated_at) for chapter in published.chapters],
        "statements": [
            (
                statement.pk,
                statement.updated_at,
                statement.applies_to_all,
                sorted(party.code for party in statement.concerned),
                [evidence.key for evidence in statement.links],
            )
            for statement in published.statements
        ],
    }
    return hashlib.sha256(json.dumps(payload, sort_keys=True, default=str).encode()).hexdigest()


def report_pdf_html(*, report: Report, language: str, stylesheet: str = STYLESHEET) -> BuiltReport:
    """The HTML the PDF is rendered from, and the version of the data it shows. `report` is adopted (the
    caller read it through `adopted_reports`)."""
    with translation.override(language):
        published = published_report(report, top_level=2)
        notes = _endnotes(published)
        page_url = _site_url(reverse("round-report", kwargs={"slug": report.round.slug}))
        title = str(report.title)
        context = {
            "language": language,
            "report": report,
            "round": report.round,
            "published": published,
            "notes": notes,
            "title": title,
            "author": AUTHOR,
            "description": _("Implementation report of the Lanzarote Committee: %(round)s.")
            % {"round": report.round.label},
            "page_url": page_url,
            "page_anchor_url": page_url + ("#" + published.anchor if published.anchor_prefix else ""),
            "stylesheet": stylesheet,
        }
        html = render_to_string("evaluation/report_pdf.html", context)
    return BuiltReport(html=html, data_version=data_version(published), title=title)
