"""The audit trail: every create, change and deletion of the audited models leaves a historical row saying
who, when, what (the row as it was written) and why (django-simple-history).

Who and why are taken, in this order, from
- the instance (`_history_user`, `_change_reason`), as simple-history itself reads them;
- the service being run: `@audited` records what a service writes as done by its `by` and names it after
  the service (`reply_submit`, `finding_adopt`); `recorded()` does the same for a block of code, and
  `recorded(by=None, reason="deadline sweep")` says that the system did it;
- the request, through simple-history's middleware (the admin, pages writing without a service).

Writes that bypass `Model.save()` and `Model.delete()` record nothing: no `QuerySet.update()`, `bulk_create()`
or `bulk_update()` on these models — `bulk_create_recorded` / `bulk_update_recorded` write the rows and their
history together (tests/audit/test_write_paths.py keeps it so). `QuerySet.delete()` is recorded: Django sends
`post_delete` for each row of a model that has receivers, which simple-history is.

The historical models are registered in each app's `AppConfig.ready()`, after django-modeltranslation has
added the translated fields (`name_en`, `name_fr`, ...) to the models, so that the history has them too.
"""

import contextvars
import functools
from contextlib import contextmanager
from dataclasses import dataclass

import simple_history
from django.db import models
from simple_history.models import HistoricalRecords
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

UNSET = object()  # no actor named: the request's user, if any


@dataclass(frozen=True)
class _Action:
    by: object  # a user, None for the system, or UNSET
    reason: str


_current: contextvars.ContextVar[_Action | None] = contextvars.ContextVar("audit_action", default=None)


def _actor(by):
    """The user to record: anonymous visitors and unsaved users are recorded as nobody."""
    if by is UNSET or by is None:
        return by
    return by if getattr(by, "is_authenticated", False) and by.pk else None


@contextmanager
def recorded(*, reason: str, by=UNSET):
    """What is written inside the block is recorded as done by `by` (None: the system), because `reason`.

    Without `by`, an enclosing block's actor is kept, or else the request's user."""
    outer = _current.get()
    if by is UNSET and outer is not None:
        by = outer.by
    token = _current.set(_Action(by=_actor(by), reason=reason[:100]))
    try:
        yield
    finally:
        _current.reset(token)


def audited(service):
    """A service whose writes are recorded as done by its `by` argument, for the reason of its own name.

    Called by another service (or inside `recorded()`), it keeps the caller's reason, and its actor when one
    was named: importing a Word document is recorded as `word_import_apply`, not as the `answer_save` calls
    it is made of."""

    @functools.wraps(service)
    def wrapper(*args, **kwargs):
        outer = _current.get()
        if outer is None:
            reason, by = service.__name__, kwargs.get("by", UNSET)
        else:
            reason, by = outer.reason, outer.by if outer.by is not UNSET else kwargs.get("by", UNSET)
        with recorded(by=by, reason=reason):
            return service(*args, **kwargs)

    return wrapper


class AuditRecords(HistoricalRecords):
    """simple-history's records, with who and why from `recorded()`, view-only permissions on the
    historical models, and no row for a save that touched only `quiet_fields` (a log-in's `last_login`)."""

    def __init__(self, *args, quiet_fields=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.quiet_fields = frozenset(quiet_fields)

    def get_history_user(self, instance):
        if hasattr(instance, "_history_user"):
            return instance._history_user
        action = _current.get()
        if action is not None and action.by is not UNSET:
            return action.by
        return super().get_history_user(instance)

    def get_change_reason_for_object(self, instance, history_type, using):
        reason = super().get_change_reason_for_object(instance, history_type, using)
        if reason:
            return reason
        action = _current.get()
        return action.reason if action is not None else None

    def get_meta_options(self, model):
        # History is written by the models' own saves and deletions, and read: never added, changed or
        # deleted by hand, so there is no permission to.
        return {**super().get_meta_options(model), "default_permissions": ("view",)}

    def get_meta_options_m2m(self, through_model):
        # The links of a historical row (a finding's Parties, a user's groups): read-only like the rows.
        return {**super().get_meta_options_m2m(through_model), "default_permissions": ("view",)}

    def m2m_changed(self, instance, action, attr, pk_set, reverse, **kwargs):
        if action in ("post_add", "post_remove") and not pk_set:
            return  # adding links that were there already (or removing absent ones) changes nothing
        super().m2m_changed(instance, action, attr, pk_set, reverse, **kwargs)

    def post_save(self, instance, created, using=None, **kwargs):
        update_fields = kwargs.get("update_fields")
        if not created and update_fields and set(update_fields) <= self.quiet_fields:
            return
        super().post_save(instance, created, using=using, **kwargs)


def audit(model: type[models.Model], **options) -> None:
    """Keep the history of `model` (in its `history` manager). Called from an app's `ready()`."""
    if hasattr(model._meta, "simple_history_manager_attribute"):
        return  # already registered (ready() ran twice)
    simple_history.register(model, records_class=AuditRecords, **options)


def is_audited(model: type[models.Model]) -> bool:
    return hasattr(model._meta, "simple_history_manager_attribute")


def _reason() -> str:
    """The reason for rows written in bulk (who is found per row, by `AuditRecords.get_history_user`)."""
    action = _current.get()
    return action.reason if action is not None else ""


def bulk_create_recorded(model: type[models.Model], objects: list, *, batch_size: int | None = None) -> list:
    """`bulk_create`, with a historical row for each object when the model is audited."""
    if not is_audited(model):
        return model._default_manager.bulk_create(objects, batch_size=batch_size)
    return bulk_create_with_history(objects, model, batch_size=batch_size, default_change_reason=_reason())


def bulk_update_recorded(
    model: type[models.Model], objects: list, fields: list[str], *, batch_size: int | None = None
) -> int:
    """`bulk_update`, with a historical row for each object when the model is audited."""
    if not is_audited(model):
        return model._default_manager.bulk_update(objects, fields, batch_size=batch_size)
    return bulk_update_with_history(
        objects, model, fields, batch_size=batch_size, default_change_reason=_reason()
    )
