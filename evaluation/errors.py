"""The errors of the evaluation (the base classes are in core.errors)."""

from core.errors import DomainError, NotFound
from reports.errors import EvidenceNotPublic, InvalidTransition
from submissions.errors import NotEditable


class NotPermitted(DomainError):
    """A member who may read something tried a change reserved to its Rapporteur or to the Secretariat.
    (Whoever may not read it is told it does not exist: NotFound.)"""

    code = "not_permitted"
    status = 403


class EditConflict(DomainError):
    """A save against an outdated version; `current` carries the stored text, its version and author."""

    code = "edit_conflict"
    status = 409


class InvalidEvaluation(DomainError):
    """A change that breaks a rule of the evaluation; the context may name the `field`."""

    code = "invalid"


class InvalidCitation(DomainError):
    code = "invalid_citation"


__all__ = [
    "EditConflict",
    "EvidenceNotPublic",
    "InvalidCitation",
    "InvalidEvaluation",
    "InvalidTransition",
    "NotEditable",
    "NotFound",
    "NotPermitted",
]
