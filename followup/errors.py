"""The errors of the follow-up (the base classes are in core.errors)."""

from core.errors import DomainError, NotFound
from evaluation.errors import NotPermitted
from reports.errors import InvalidTransition


class InvalidFollowUp(DomainError):
    """A change that breaks a rule of the follow-up; the context may name the `field`."""

    code = "invalid"


__all__ = ["InvalidFollowUp", "InvalidTransition", "NotFound", "NotPermitted"]
