from core.errors import DomainError, NotFound
from submissions.errors import InvalidFile, InvalidTransition, NotEditable


class CommentWindowClosed(DomainError):
    code = "comment_window_closed"
    status = 409


class OrganisationNotVerified(DomainError):
    code = "organisation_not_verified"
    status = 409


class CoSignersPending(DomainError):
    code = "co_signers_pending"
    status = 409


class InvalidContribution(DomainError):
    code = "invalid"


class RegistrationRefused(DomainError):
    code = "registration_refused"


class PersonalDataRefused(DomainError):
    """Staff and focal points act for an institution: their personal data is not exported or erased here."""

    code = "personal_data_refused"
    status = 409


__all__ = [
    "CoSignersPending",
    "CommentWindowClosed",
    "InvalidContribution",
    "InvalidFile",
    "InvalidTransition",
    "NotEditable",
    "NotFound",
    "OrganisationNotVerified",
    "PersonalDataRefused",
    "RegistrationRefused",
]
