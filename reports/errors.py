from core.errors import DomainError, NotFound
from submissions.errors import InvalidTransition


class InvalidFinding(DomainError):
    """A finding the Committee could not publish as given; `field` (in the context) names the culprit."""

    code = "invalid_finding"


class EvidenceNotPublic(InvalidFinding):
    code = "evidence_not_public"


class InvalidFactsheet(DomainError):
    """A factsheet that cannot exist as asked (a Party not monitored, an unknown theme or language)."""

    code = "invalid_factsheet"


__all__ = ["EvidenceNotPublic", "InvalidFactsheet", "InvalidFinding", "InvalidTransition", "NotFound"]
