"""The errors of Parties, rounds and participations (the base classes are in core.errors)."""

from core.errors import DomainError


class InvalidExtension(DomainError):
    code = "invalid_date"
