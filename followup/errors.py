"""The errors of the follow-up (the base classes are in core.errors)."""

from core.errors import DomainError, NotFound
from evaluation.errors import EditConflict, NotPermitted
from reports.errors import InvalidTransition


class InvalidFollowUp(DomainError):
    """A change that breaks a rule of the follow-up; the context may name the `field`."""

    code = "invalid"


__all__ = ["EditConflict", "InvalidFollowUp", "InvalidTransition", "NotFound", "NotPermitted"]
