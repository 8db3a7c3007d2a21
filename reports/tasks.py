"""Factsheet rendering on the "pdf" queue (CELERY_TASK_ROUTES), with the settings' time limits; the refresh
on the default queue, so that it runs on time however many renderings wait."""

from celery import shared_task
from django.db import OperationalError
from django.utils import timezone

from rounds.models import Round

from .factsheets import factsheet_render_by_key
from .refresh import factsheets_to_refresh


@shared_task(bind=True, acks_late=True, autoretry_for=(OperationalError,), retry_backoff=True, max_retries=3)
def factsheet_render_task(
    self, round_id: int, kind: str, key: str, language: str, force: bool = False
) -> None:
    """Idempotent unless forced: a factsheet already rendered from the same data is not rendered again."""
    factsheet_render_by_key(
        round=Round.objects.get(pk=round_id), kind=kind, key=key, language=language, force=force
    )


@shared_task
def factsheets_refresh_task() -> int:
    """Queue the renderings of the stale factsheets whose data has held still, and again those queued and
    lost with a killed worker (beat, every minute)."""
    due = factsheets_to_refresh(now=timezone.now())
    for factsheet in due:
        factsheet_render_task.delay(factsheet.round_id, factsheet.kind, factsheet.key, factsheet.language)
    return len(due)
