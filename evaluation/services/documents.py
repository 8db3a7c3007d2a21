"""The adopted report's PDFs: queued after the transaction that adopts (or corrects) the report commits, and
rendered by the PDF worker (`evaluation.tasks.report_document_render_task`), once per data version."""

import datetime
import hashlib
import logging

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from reports.pdf import html_to_pdf

from ..errors import InvalidEvaluation
from ..models import Report, ReportDocument
from ..pdf import report_pdf_html
from ..selectors import adopted_reports

LANGUAGES = ("en", "fr")

log = logging.getLogger(__name__)


def _enqueue(report_id: int, language: str) -> None:
    """Hand the rendering to the broker; one that refuses it fails no request: the document stays queued
    (`queued_at`), for the Secretariat to queue again."""
    from ..tasks import report_document_render_task  # tasks import the services

    try:
        report_document_render_task.delay(report_id, language)
    except Exception:
        log.warning("Report %s PDF (%s) not queued", report_id, language, exc_info=True)


def report_documents_queue(*, report: Report) -> list[ReportDocument]:
    """Record that each language's PDF is wanted (`queued_at`) and hand the PDF worker its rendering once
    the transaction commits."""
    now = timezone.now()
    documents = []
    for language in LANGUAGES:
        document, _created = ReportDocument.objects.get_or_create(report=report, language=language)
        document.queued_at = now
        document.save(update_fields=["queued_at", "updated_at"])
        transaction.on_commit(lambda language=language: _enqueue(report.pk, language))
        documents.append(document)
    return documents


def report_documents_requeue(*, now: datetime.datetime | None = None) -> int:
    """Queue again the renderings queued and still not done after the PDF task's time limit and a margin
    (FACTSHEET_REQUEUE_AFTER_SECONDS, shared with the factsheets): lost with a killed worker or refused by
    the broker. Run by beat every minute; a copy that finds its PDF current does nothing."""
    now = now or timezone.now()
    lost_before = now - datetime.timedelta(seconds=settings.FACTSHEET_REQUEUE_AFTER_SECONDS)
    lost = list(
        ReportDocument.objects.filter(queued_at__lt=lost_before).values_list("pk", "report_id", "language")
    )
    for pk, report_id, language in lost:
        ReportDocument.objects.filter(pk=pk).update(queued_at=now)  # not a public row's change: no timestamp
        _enqueue(report_id, language)
    return len(lost)


def report_document_render(*, report: Report, language: str, force: bool = False) -> ReportDocument:
    """Render and store an adopted report's PDF in one language. Idempotent: a document already rendered
    from the same data (`data_version`, a hash of what the PDF shows) whose file is still there is left as
    it is (unless forced), so a task delivered twice renders once. A report not adopted is refused."""
    if language not in LANGUAGES:
        raise InvalidEvaluation(_("Reports are published in English or French."), field="language")
    report = adopted_reports(report.round).filter(pk=report.pk).select_related("round").first()
    if report is None:
        raise InvalidEvaluation(_("Only an adopted report is published."), field="report")
    built = report_pdf_html(report=report, language=language)
    document, _created = ReportDocument.objects.get_or_create(report=report, language=language)
    if (
        not force
        and document.file
        and document.data_version == built.data_version
        and document.file.storage.exists(document.file.name)
    ):
        if document.queued_at:
            document.queued_at = None
            document.save(update_fields=["queued_at", "updated_at"])
        return document
    pdf = html_to_pdf(built.html)  # no transaction held open while WeasyPrint works
    if document.file:
        document.file.storage.delete(document.file.name)  # the new file takes the same name
    document.file.save("report.pdf", ContentFile(pdf.content), save=False)
    document.sha256 = hashlib.sha256(pdf.content).hexdigest()
    document.pages = pdf.pages
    document.data_version = built.data_version
    document.rendered_at = timezone.now()
    document.queued_at = None
    document.save()
    return document
