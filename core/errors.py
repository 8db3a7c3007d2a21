"""The base of every domain error: a stable code, an HTTP status, and a message a person can act on.

Views and the API translate these in one place each; services raise them and change nothing.
"""


class DomainError(Exception):
    code = "invalid"
    status = 400

    def __init__(self, message: str = "", **context):
        self.message = str(message)
        self.context = context
        super().__init__(self.message)


class NotFound(DomainError):
    """What the caller may not see is reported as missing, never as forbidden."""

    code = "not_found"
    status = 404


class TextTooLong(DomainError):
    """A free text longer than its limit (settings.TEXT_LIMITS); the context names the `field` and `limit`."""

    code = "too_long"
