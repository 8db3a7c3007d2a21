"""The portal's error pages: branded, in the page's language, with its header and a way back.

LocaleMiddleware has chosen the language before any of these runs, from the /fr/ prefix too when the path
names no page, so the page reads in the language of the address. Paths under /api/ answer the API's JSON
body instead (lanzarote_portal.api_errors): a client never gets an HTML page there. The 500 page is
rendered without the request, so without the context processors, which read the session and the user from
a database that may be what failed: it extends errors/base.html, which needs nothing but URLs and static
files. When the database itself failed (restarted, unreachable), the answer is 503 with Retry-After.
"""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

API_PREFIX = "/api/"


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    if request.path.startswith(API_PREFIX):
        return _api_error(_("This request cannot be carried out."), "bad_request", 400)
    return render(request, "errors/400.html", status=400)


def permission_denied(request: HttpRequest, exception: Exception) -> HttpResponse:
    if request.path.startswith(API_PREFIX):  # what a caller may not see is missing to them (DESIGN §3)
        return _api_error(_("Not found."), "not_found", 404)
    return render(request, "errors/403.html", status=403)


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    if request.path.startswith(API_PREFIX):
        return _api_error(_("Not found."), "not_found", 404)
    return render(request, "errors/404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    if _database_unavailable():
        return _unavailable(request)
    if request.path.startswith(API_PREFIX):
        return _api_error(_("The portal could not answer this request."), "server_error", 500)
    return HttpResponse(render_to_string("errors/500.html"), status=500)


# A request caught by a database restart or failover: 503 with a short Retry-After, since the next request
# reconnects (CONN_HEALTH_CHECKS); a service's transaction cut short was rolled back whole.
RETRY_AFTER_SECONDS = 10


def _database_unavailable() -> bool:
    """Whether the exception being handled (Django calls handler500 inside its `except`) is the database's
    connection failing, not a bug."""
    return isinstance(sys.exc_info()[1], OperationalError | InterfaceError)


def _unavailable(request: HttpRequest) -> HttpResponse:
    if request.path.startswith(API_PREFIX):
        response = _api_error(
            _("The portal is briefly unavailable. Please try again in a moment."),
            "service_unavailable",
            503,
        )
    else:
        response = HttpResponse(render_to_string("errors/503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """CSRF_FAILURE_VIEW: most often a form left open past its session, or cookies refused."""
    if request.path.startswith(API_PREFIX):
        return _api_error(_("This request cannot be carried out."), "csrf_failed", 403)
    return render(request, "errors/403_csrf.html", status=403)


def _api_error(detail: str, code: str, status: int) -> JsonResponse:
    return JsonResponse({"detail": detail, "code": code}, status=status)
