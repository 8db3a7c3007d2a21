"""The parts of the API's OpenAPI description that every app's `api.py` shares: the error bodies, the path
parameters, and one way of listing the errors an operation can answer.

Errors are `{"detail", "code"}` with a 4xx status (lanzarote_portal.api_errors); `code` is stable, `detail`
is for a person and follows the caller's language. The codes of domain errors are those of the apps'
`errors.py` (`DomainError.code`).
"""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema_field,
    extend_schema_serializer,
)
from rest_framework import serializers


@extend_schema_serializer(component_name="Error")
class ErrorOutput(serializers.Serializer):
    detail = serializers.CharField(help_text="What went wrong, for a person, in the caller's language.")
    code = serializers.CharField(
        help_text="What went wrong, for a program: a stable code (see each response)."
    )


@extend_schema_serializer(component_name="ValidationError")
class ValidationErrorOutput(ErrorOutput):
    errors = serializers.DictField(
        child=serializers.JSONField(),
        required=False,
        help_text="With `code` `invalid` from a request's fields: each refused field (or `non_field_errors`) "
        "with its messages.",
    )


@extend_schema_serializer(component_name="TooLongError")
class TooLongErrorOutput(ValidationErrorOutput):
    field = serializers.CharField(
        required=False, help_text="With `too_long`: the field whose text is too long."
    )
    limit = serializers.IntegerField(
        required=False, help_text="With `too_long`: the most characters that field accepts."
    )


# The 400 of an operation that writes free texts: `too_long` beside the shared `invalid`.
TOO_LONG = "`too_long`: a text is longer than its limit (`field` names it, `limit` says how many characters)."


@extend_schema_serializer(component_name="WindowClosedError")
class WindowClosedErrorOutput(ErrorOutput):
    closes_at = serializers.DateTimeField(
        required=False, help_text="With `comment_window_closed`: the instant the window closed."
    )


# What each status means, and the codes it comes with, on every operation that can answer it.
COMMON = {
    400: "`invalid`: a query parameter or a field is not valid (`errors` names them).",
    401: "`not_authenticated`: this operation needs a login; `authentication_failed`: the token or "
    "session is not valid.",
    403: "`csrf_failed`: a write with a session login needs the CSRF token (token callers need none).",
    404: "`not_found`: nothing here, or nothing the caller may see (what may not be seen is missing, "
    "never forbidden).",
    413: "`too_large`: the request body is larger than the portal accepts.",
    429: "`throttled`: too many requests; `Retry-After` says how many seconds to wait.",
}
BODIES = {400: ValidationErrorOutput}


def errors(*statuses: int, extra: dict[int, str] | None = None, bodies: dict | None = None) -> dict:
    """`responses` entries for these error statuses: the shared meaning of each, plus the operation's own
    codes in `extra` (e.g. `{409: "not_editable: ..."}`), with the body of `bodies` or the plain error."""
    extra = extra or {}
    bodies = {**BODIES, **(bodies or {})}
    responses = {}
    for status in sorted({*statuses, *extra}):
        description = " ".join(part for part in (COMMON.get(status), extra.get(status)) if part)
        responses[status] = OpenApiResponse(response=bodies.get(status, ErrorOutput), description=description)
    return responses


READ_ERRORS = (400, 401, 404, 429)
WRITE_ERRORS = (400, 401, 403, 404, 413, 429)

SLUG = OpenApiParameter(
    "slug",
    OpenApiTypes.STR,
    OpenApiParameter.PATH,
    pattern=r"^[-a-zA-Z0-9_]+$",
    description="The round's slug, e.g. `2nd-round` (`GET rounds/` lists them).",
)
ISO2 = OpenApiParameter(
    "iso2",
    OpenApiTypes.STR,
    OpenApiParameter.PATH,
    pattern=r"^[A-Za-z]{2}$",
    description="The Party's ISO 3166-1 alpha-2 code, in either case, e.g. `FR`.",
)
NUMBER = OpenApiParameter(
    "number",
    OpenApiTypes.STR,
    OpenApiParameter.PATH,
    pattern=r"^\d+(\.\d+)*(\.[a-z])?$",
    description="The question's number in the round's questionnaire, e.g. `6`, `6.1` or `6.1.a`.",
)
PK = OpenApiParameter(
    "id", OpenApiTypes.INT, OpenApiParameter.PATH, description="The contribution's id (`id` in its body)."
)


@extend_schema_field(OpenApiTypes.STR)
class SlugOutputField(serializers.SlugRelatedField):
    """A related object named by one of its fields (a Party's code, a question's number), for output."""


@extend_schema_field(OpenApiTypes.INT)
class IdOutputField(serializers.PrimaryKeyRelatedField):
    """A related object named by its id, for output."""
