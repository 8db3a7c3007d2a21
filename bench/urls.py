"""Bench-only URLs (lanzarote_portal.settings.bench): the portal's, plus a minimal view that answers a body
of the size asked for. Measured beside a page of that size, it is the floor of the stack on the machine:
gunicorn, the middleware, the loopback, the client."""

from django.http import HttpRequest, HttpResponse
from django.urls import path

from lanzarote_portal.urls import urlpatterns as portal_urlpatterns

MAX_SIZE = 50 * 1024 * 1024


def floor(request: HttpRequest, size: int) -> HttpResponse:
    return HttpResponse(b"x" * min(size, MAX_SIZE))


urlpatterns = [path("bench/floor/<int:size>/", floor, name="bench-floor"), *portal_urlpatterns]
