"""Liveness and readiness probes for the orchestrator and for `make run`.

Ready means the database and the broker answer. The shared cache is reported, not required: the portal
answers correctly without it (lanzarote_portal.shared_cache), so a cache outage alone keeps /readyz at 200
with `"cache": {"status": "unavailable", "errors": ...}` (this process's counters) for the monitoring.
"""

from datetime import datetime

from django.core.cache import cache
from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache

from .celery import app as celery_app
from .shared_cache import cache_health
from .tasks import HEARTBEAT_KEY, SWEEP_KEY

BROKER_TIMEOUT_SECONDS = 2


def _database_problem() -> str | None:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception as error:  # any driver error means "not ready"; its text is the reason
        return f"database unreachable: {error}"
    return None


def _broker_problem() -> str | None:
    try:
        with celery_app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, timeout=BROKER_TIMEOUT_SECONDS)
    except Exception as error:
        return f"broker unreachable: {error}"
    return None


def _seconds_since(key: str) -> int | None:
    """Seconds since the moment stored in the cache under `key`: reported, not required to be ready."""
    seen = cache.get(key)
    if not seen:
        return None
    return int((timezone.now() - datetime.fromisoformat(seen)).total_seconds())


@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"status": "ok"})


@never_cache
def readyz(request: HttpRequest) -> JsonResponse:
    problems = [p for p in (_database_problem(), _broker_problem()) if p]
    body = {
        "status": "unavailable" if problems else "ok",
        "problems": problems,
        "worker_last_seen_seconds_ago": _seconds_since(HEARTBEAT_KEY),
        "last_sweep_seconds_ago": _seconds_since(SWEEP_KEY),
        "cache": cache_health(),  # after the reads above, so that it counts their failures
    }
    return JsonResponse(body, status=503 if problems else 200)
