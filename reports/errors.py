from rounds.errors import DomainError, NotFound
from submissions.errors import InvalidTransition


class InvalidFinding(DomainError):
    """A finding the Committee could not publish as given; `field` (in the context) names the culprit."""

    code = "invalid_finding"


class EvidenceNotPublic(InvalidFinding):
    code = "evidence_not_public"


__all__ = ["EvidenceNotPublic", "InvalidFinding", "InvalidTransition", "NotFound"]
