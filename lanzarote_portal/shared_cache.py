"""The shared cache (Redis in production) as something a request can do without.

Nothing the portal keeps in it is needed to answer correctly (docs/architecture.md, "When the cache's Redis
fails", says what each use does without it), so an operation that fails answers as a miss instead of
failing the request: a read returns its default, a write does nothing. A hung Redis costs at most the
socket timeouts set in CACHES (a second), and only once every few seconds: after a failure, the process
leaves Redis alone for `PAUSE_SECONDS` and answers every operation as a miss at once. The process logs the
first failure of an outage, then at most one line a minute while it lasts, and once when Redis answers
again; `/readyz` shows its counters (`cache_health`).
"""

import logging
import threading
import time
from collections.abc import Callable
from datetime import datetime
from typing import Any

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from django.utils import timezone
from redis.exceptions import RedisError

log = logging.getLogger(__name__)

PAUSE_SECONDS = 5
LOG_EVERY_SECONDS = 60


class _Health:
    """The shared cache as this process sees it; every thread's backend instance shares it."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.errors = 0  # operations that failed
        self.skipped = 0  # operations answered as a miss without trying, during a pause
        self.failing = False
        self.last_error = ""
        self.last_error_at: datetime | None = None
        self._paused_until = 0.0
        self._logged_at = 0.0
        self._since_log = 0

    def paused(self) -> bool:
        if time.monotonic() >= self._paused_until:
            return False
        with self._lock:
            self.skipped += 1
        return True

    def failed(self, error: Exception) -> None:
        now = time.monotonic()
        with self._lock:
            self.errors += 1
            self._since_log += 1
            self.last_error, self.last_error_at = f"{type(error).__name__}: {error}", timezone.now()
            self._paused_until = now + PAUSE_SECONDS
            first, self.failing = not self.failing, True
            due = first or now - self._logged_at >= LOG_EVERY_SECONDS
            if due:
                self._logged_at, count, self._since_log = now, self._since_log, 0
        if first:
            log.warning("Shared cache unreachable, answering without it: %s", self.last_error)
        elif due:
            log.warning("Shared cache still unreachable: %d more errors (%s)", count, self.last_error)

    def succeeded(self) -> None:
        if not self.failing:
            return
        with self._lock:
            recovered, self.failing = self.failing, False
        if recovered:
            log.warning("Shared cache reachable again (%d errors in this process so far)", self.errors)

    def report(self) -> dict:
        seen = self.last_error_at
        return {
            "status": "unavailable" if self.failing else "ok",
            "errors": self.errors,
            "skipped": self.skipped,
            "last_error": self.last_error or None,
            "last_error_seconds_ago": None if seen is None else int((timezone.now() - seen).total_seconds()),
        }


_health = _Health()


def cache_health() -> dict:
    """This process's view of the shared cache, for `/readyz`: counters since the process started."""
    return _health.report()


class TolerantRedisCache(RedisCache):
    """Django's Redis cache, answering a miss instead of raising when Redis is hung or down."""

    def _try(self, operation: Callable[..., Any], *args: Any, failed: Any) -> Any:
        if _health.paused():
            return failed
        try:
            result = operation(*args)
        except RedisError as error:  # connection refused, timeouts, a Redis loading or out of memory
            _health.failed(error)
            return failed
        _health.succeeded()
        return result

    def get(self, key, default=None, version=None):
        return self._try(super().get, key, default, version, failed=default)

    def get_many(self, keys, version=None):
        return self._try(super().get_many, keys, version, failed={})

    def has_key(self, key, version=None):
        return self._try(super().has_key, key, version, failed=False)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._try(super().add, key, value, timeout, version, failed=False)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self._try(super().set, key, value, timeout, version, failed=None)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._try(super().set_many, data, timeout, version, failed=list(data))

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._try(super().touch, key, timeout, version, failed=False)

    def delete(self, key, version=None):
        return self._try(super().delete, key, version, failed=False)

    def delete_many(self, keys, version=None):
        self._try(super().delete_many, keys, version, failed=None)

    def incr(self, key, delta=1, version=None):
        """As for a missing key, ValueError: a counter cannot go on without its stored value."""
        missing = object()
        result = self._try(super().incr, key, delta, version, failed=missing)
        if result is missing:
            raise ValueError(f"Key '{key}' not reachable: the shared cache is unavailable.")
        return result

    def clear(self):
        return self._try(super().clear, failed=False)
