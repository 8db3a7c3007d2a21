"""The adopted report's PDFs, on the "pdf" queue (CELERY_TASK_ROUTES) beside the factsheets."""

from celery import shared_task
from django.db import OperationalError

from .models import Report
from .services.documents import report_document_render, report_documents_requeue


@shared_task(bind=True, acks_late=True, autoretry_for=(OperationalError,), retry_backoff=True, max_retries=3)
def report_document_render_task(self, report_id: int, language: str) -> None:
    """Idempotent: a PDF already rendered from the same data is not rendered again."""
    report_document_render(report=Report.objects.select_related("round").get(pk=report_id), language=language)


@shared_task
def report_documents_requeue_task() -> int:
    """Queue again the report PDFs whose rendering was lost (beat, every minute, on the default queue)."""
    return report_documents_requeue()
