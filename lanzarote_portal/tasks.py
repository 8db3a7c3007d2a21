"""Operational tasks of the portal itself, not of any app's domain."""

from celery import shared_task
from django.core.cache import cache
from django.utils import timezone

HEARTBEAT_KEY = "worker:heartbeat"


@shared_task(ignore_result=True)
def worker_heartbeat() -> None:
    """Scheduled by beat; `/readyz` reports when a worker last ran it."""
    cache.set(HEARTBEAT_KEY, timezone.now().isoformat(), timeout=None)
