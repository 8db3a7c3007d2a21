from core.errors import DomainError, NotFound


class NotEditable(DomainError):
    code = "not_editable"
    status = 409


class DeadlinePassed(DomainError):
    """A reply started in a round that is over."""

    code = "deadline_passed"
    status = 409


class EditConflict(DomainError):
    """A save against an outdated version: the stored text is kept and returned beside the caller's."""

    code = "edit_conflict"
    status = 409


class IncompleteReply(DomainError):
    """Required questions with neither text nor the mark "no information available" (`missing`)."""

    code = "incomplete_reply"
    status = 409


class InvalidFile(DomainError):
    code = "invalid_file"


class InvalidTransition(DomainError):
    code = "invalid_transition"
    status = 409


class InvalidLanguage(DomainError):
    code = "invalid_language"


class InvalidDate(DomainError):
    code = "invalid_date"


__all__ = [
    "EditConflict",
    "IncompleteReply",
    "InvalidDate",
    "InvalidFile",
    "InvalidLanguage",
    "InvalidTransition",
    "NotEditable",
    "NotFound",
]
