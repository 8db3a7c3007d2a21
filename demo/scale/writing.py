"""Writing rows in bulk, dated when they happened, and saying how far the seed has got."""

import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager

from django.db import models, reset_queries

from core.audit import bulk_create_recorded

BATCH_SIZE = 500


@contextmanager
def _dates_as_given(model: type[models.Model]) -> Iterator[None]:
    """Inside, the automatic dates of `model` (`created_at`, `updated_at`, a transition's `at`, ...) are
    written as set on the objects: `bulk_create` would stamp the present on a history that is years old, and
    the digests and feeds that read these dates would take it all for news."""
    fields = [
        field
        for field in model._meta.concrete_fields
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False)
    ]
    flags = [(field, field.auto_now, field.auto_now_add) for field in fields]
    for field in fields:
        field.auto_now = field.auto_now_add = False
    try:
        yield
    finally:
        for field, auto_now, auto_now_add in flags:
            field.auto_now, field.auto_now_add = auto_now, auto_now_add


def chunked(objects: Iterable, size: int = BATCH_SIZE) -> Iterator[list]:
    batch = []
    for obj in objects:
        batch.append(obj)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


class Writer:
    """Inserts rows (with their history, for the audited models) and counts them per model."""

    def __init__(self, say: Callable[[str], None] | None = None):
        self.started = time.monotonic()
        self.counts: Counter[str] = Counter()
        self._say = say or (lambda message: None)

    def insert(self, model: type[models.Model], objects: list, *, batch_size: int = BATCH_SIZE) -> list:
        if not objects:
            return []
        with _dates_as_given(model):
            created = bulk_create_recorded(model, objects, batch_size=batch_size)
        # With DEBUG on, Django keeps every query's SQL, here megabytes of text each: gigabytes by the end.
        reset_queries()
        self.counts[_label(model)] += len(created)
        return created

    @property
    def elapsed(self) -> float:
        return time.monotonic() - self.started

    def say(self, message: str) -> None:
        self._say(f"[{self.elapsed:7.1f}s] {message}")


def _label(model: type[models.Model]) -> str:
    meta = model._meta
    return f"{meta.app_label}.{meta.object_name}" if not meta.auto_created else meta.db_table
