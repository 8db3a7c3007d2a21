"""The floor of the load benchmark: a minimal Django application, its own settings, URLs and WSGI entry in
this one module, that answers a body of the size asked for with no middleware, no database and no cache.
Served by the same gunicorn command and workers as the portal (bench/server.py), it is what any Django
page of that size could reach on the machine; the portal's cached pages are measured against it.

Nothing imports it but gunicorn, started by bench/load.py with DJANGO_SETTINGS_MODULE=bench.floor."""

import os

from django.http import HttpRequest, HttpResponse
from django.urls import path

DEBUG = False
SECRET_KEY = os.environ.get("SECRET_KEY", "bench-floor-not-secret")
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
ROOT_URLCONF = __name__
INSTALLED_APPS: list[str] = []
MIDDLEWARE: list[str] = []
DATABASES: dict = {}
USE_I18N = False

MAX_SIZE = 50 * 1024 * 1024


def floor(request: HttpRequest, size: int) -> HttpResponse:
    return HttpResponse(b"x" * min(size, MAX_SIZE))


urlpatterns = [path("bench/floor/<int:size>/", floor), path("healthz", lambda request: HttpResponse(b"ok"))]

if os.environ.get("DJANGO_SETTINGS_MODULE") == __name__:
    from django.core.wsgi import get_wsgi_application

    application = get_wsgi_application()
