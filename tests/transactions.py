"""Data loaded once for a test module and seen by no other module."""

import contextlib

from django.db import transaction


@contextlib.contextmanager
def rolled_back_after_module(django_db_blocker):
    """A transaction around a module-scoped fixture's data and the module's tests, rolled back at its end."""
    with django_db_blocker.unblock(), transaction.atomic():
        try:
            yield
        finally:
            transaction.set_rollback(True)
