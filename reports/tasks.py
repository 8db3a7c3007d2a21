"""Factsheet rendering on the "pdf" queue (CELERY_TASK_ROUTES), with the settings' time limits."""

from celery import shared_task
from django.db import OperationalError

from rounds.models import Round

from .factsheets import factsheet_render_by_key


@shared_task(bind=True, acks_late=True, autoretry_for=(OperationalError,), retry_backoff=True, max_retries=3)
def factsheet_render_task(self, round_id: int, kind: str, key: str, language: str) -> None:
    """Idempotent: a factsheet already rendered from the same data is not rendered again."""
    factsheet_render_by_key(round=Round.objects.get(pk=round_id), kind=kind, key=key, language=language)
