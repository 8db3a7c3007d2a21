"""The API's one translation of errors into HTTP: `{"detail": "...", "code": "..."}` with a 4xx status.

Domain errors from every app (subclasses of `core.errors.DomainError`) carry their own code, status and
message; DRF's own exceptions are reshaped to the same body. What a caller may not see is reported as
missing (404 `not_found`), never as forbidden (DESIGN §3). A text longer than its limit is 400 `too_long`,
with the `field` and its `limit`; a body larger than the portal reads is 413 `too_large`; too many requests
are 429 `throttled` with `Retry-After`. The OpenAPI description lists each operation's statuses and codes
(core/api_schema.py).
"""

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.http import Http404
from django.utils.translation import gettext as _
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import APIView
from rest_framework.views import exception_handler as drf_exception_handler

from core.errors import DomainError, TextTooLong
from evaluation.errors import EditConflict as EvaluationEditConflict
from submissions.api import AnswerOutput
from submissions.errors import EditConflict


def api_exception_handler(exc, context) -> Response | None:
    if isinstance(exc, DomainError):
        return _domain_error_response(exc)
    if isinstance(exc, RequestDataTooBig | TooManyFieldsSent | TooManyFilesSent):
        return Response(
            {"detail": _("This request is larger than the portal accepts."), "code": "too_large"},
            status=status.HTTP_413_REQUEST_ENTITY_TOO_LARGE,
        )
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()  # Django's message names the model; the API says only "not found"
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied(*exc.args)
    response = drf_exception_handler(exc, context)  # headers (WWW-Authenticate, Retry-After), rollback
    if response is None:
        return None  # not an API error: a real 500
    body, response.status_code = _api_exception_body(exc, response.status_code)
    response.data = body
    return response


def _domain_error_response(exc: DomainError) -> Response:
    body = {"detail": exc.message or _default_message(exc.status), "code": exc.code}
    if isinstance(exc, EditConflict):
        current = exc.context.get("current")
        body["current"] = AnswerOutput(current).data if current is not None else None
    elif isinstance(exc, EvaluationEditConflict):  # an observation or a chapter: `current` is a plain dict
        body["current"] = exc.context.get("current")
    if exc.context.get("missing") is not None:  # an incomplete reply: the question numbers to complete
        body["missing"] = list(exc.context["missing"])
    if isinstance(exc, TextTooLong):  # the field refused and its limit, in characters
        body["field"], body["limit"] = exc.context["field"], exc.context["limit"]
    if exc.context.get("closes_at") is not None:  # a closed window: the instant, for clients to act on
        body["closes_at"] = exc.context["closes_at"].isoformat()
    return Response(body, status=exc.status)


def _api_exception_body(exc: exceptions.APIException, status_code: int) -> tuple[dict, int]:
    if isinstance(exc, exceptions.ValidationError):
        errors = exc.detail if isinstance(exc.detail, dict) else {"non_field_errors": exc.detail}
        general = errors.get("non_field_errors")
        detail = str(general[0]) if general else _("Some fields are not valid.")
        return {"detail": detail, "code": "invalid", "errors": errors}, status.HTTP_400_BAD_REQUEST
    if isinstance(exc, exceptions.NotAuthenticated | exceptions.AuthenticationFailed):
        # DRF answers 403 when the first authenticator has no challenge; a missing login is a 401.
        return {"detail": str(exc.detail), "code": exc.default_code}, status.HTTP_401_UNAUTHORIZED
    if isinstance(exc, exceptions.PermissionDenied):
        if str(exc.detail).startswith(
            "CSRF Failed"
        ):  # SessionAuthentication's refusal: the caller can fix it
            return {"detail": str(exc.detail), "code": "csrf_failed"}, status.HTTP_403_FORBIDDEN
        return {"detail": _default_message(404), "code": "not_found"}, status.HTTP_404_NOT_FOUND
    if isinstance(exc, exceptions.NotFound):
        return {"detail": _default_message(404), "code": "not_found"}, status.HTTP_404_NOT_FOUND
    code = exc.detail.code if isinstance(exc.detail, exceptions.ErrorDetail) else exc.default_code
    return {"detail": str(exc.detail), "code": code or exc.default_code}, status_code


def _default_message(status_code: int) -> str:
    if status_code == status.HTTP_404_NOT_FOUND:
        return _("Not found.")
    return _("This request cannot be carried out.")


class EndpointNotFoundApi(APIView):
    """Any path under the API that names no endpoint answers the API's JSON 404, not an HTML page."""

    def initial(self, request, *args, **kwargs):
        raise exceptions.NotFound()
