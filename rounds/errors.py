"""The errors of Parties, rounds and participations (the base classes are in core.errors)."""

from core.errors import DomainError


class InvalidExtension(DomainError):
    code = "invalid_date"


class RoleConflict(DomainError):
    """A user is a Party's focal point or a Committee member, never both: the State's author and its
    evaluator are different people."""

    code = "role_conflict"
    status = 409
