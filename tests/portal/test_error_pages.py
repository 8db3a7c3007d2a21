"""The error pages with DEBUG off: branded, in the language of the address (/fr/ gives French, even for a
path no route knows), with the portal's header and a way back; JSON under /api/; the 500 page read from no
database."""

import json

import pytest
from django.conf.urls.i18n import i18n_patterns
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.db import OperationalError
from django.test import override_settings
from django.urls import path, reverse
from django.utils import translation

from lanzarote_portal import urls as root

pytestmark = pytest.mark.django_db


def refuse(request):
    raise PermissionDenied


def suspicious(request):
    raise SuspiciousOperation("test")


def fail(request):
    raise RuntimeError("test")


def database_gone(request):
    raise OperationalError("terminating connection due to administrator command")


# The portal's URLs with views that fail, for this module's tests only.
urlpatterns = [
    path("api/v1/test-failure/", fail),
    path("api/v1/test-database-gone/", database_gone),
    *i18n_patterns(
        path("test-refused/", refuse),
        path("test-suspicious/", suspicious),
        path("test-failure/", fail),
        path("test-database-gone/", database_gone),
    ),
    *root.urlpatterns,
]
handler400, handler403 = root.handler400, root.handler403
handler404, handler500 = root.handler404, root.handler500

HEADINGS = {
    "en": {
        400: "The portal cannot answer this request",
        403: "Access refused",
        404: "Page not found",
        500: "Something went wrong on our side",
    },
    "fr": {
        400: "Le portail ne peut pas répondre à cette requête",
        403: "Accès refusé",
        404: "Page introuvable",
        500: "Une erreur s'est produite de notre côté",
    },
}
BRAND = {"en": "Lanzarote Committee", "fr": "Comité de Lanzarote"}
PATHS = {400: "test-suspicious/", 403: "test-refused/", 404: "no/such/page/", 500: "test-failure/"}


def assert_branded(response, language: str, status: int) -> str:
    page = response.content.decode()
    assert response.status_code == status
    assert response["Content-Type"].startswith("text/html")
    assert f'<html lang="{language}">' in page
    assert f'<span class="brand-title">{BRAND[language]}</span>' in page
    assert f"<h1>{HEADINGS[language][status]}</h1>" in page
    assert f'href="/{language}/"' in page  # the way back home
    assert "Not Found" not in page and "Server Error" not in page
    return page


@pytest.mark.urls(__name__)
@override_settings(DEBUG=False)
@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("status", [400, 403, 404])
def test_error_pages_are_branded_in_the_language_of_the_address(client, language, status):
    page = assert_branded(client.get(f"/{language}/{PATHS[status]}"), language, status)
    if status == 404:  # a way on: the search
        assert f'action="/{language}/search/"' in page and 'id="error-search-q"' in page


@pytest.mark.urls(__name__)
@override_settings(DEBUG=False)
@pytest.mark.parametrize("language", ["en", "fr"])
def test_server_error_page_is_branded_and_reads_no_database(client, language, django_assert_num_queries):
    client.raise_request_exception = False
    with django_assert_num_queries(0):
        response = client.get(f"/{language}/{PATHS[500]}")
    page = assert_branded(response, language, 500)
    assert "Log in" not in page and "Se connecter" not in page  # no user, no session: nothing to read


@override_settings(DEBUG=False)
def test_a_missing_object_answers_the_branded_404_in_french(client):
    with translation.override("fr"):
        url = reverse("round-detail", args=["no-such-round"])
    assert url.startswith("/fr/")
    assert_branded(client.get(url), "fr", 404)


@override_settings(DEBUG=False)
@pytest.mark.parametrize("language", ["en", "fr"])
def test_csrf_failure_page_is_branded_and_translated(language):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    with translation.override(language):
        url = reverse("login")
    response = client.post(url, {"username": "someone", "password": "secret"})
    page = response.content.decode()
    assert response.status_code == 403
    assert f'<html lang="{language}">' in page
    assert f'<span class="brand-title">{BRAND[language]}</span>' in page
    heading = {"en": "This form has expired", "fr": "Ce formulaire a expiré"}[language]
    assert f"<h1>{heading}</h1>" in page
    assert f'href="/{language}/"' in page


@pytest.mark.urls(__name__)
@override_settings(DEBUG=False)
@pytest.mark.parametrize(
    ("url", "status", "code"),
    [
        ("/api/v1/no/such/endpoint/", 404, "not_found"),
        ("/api/nothing", 404, "not_found"),
        ("/api/v1/test-failure/", 500, "server_error"),
        ("/api/v1/test-database-gone/", 503, "service_unavailable"),
    ],
)
def test_the_api_answers_json_errors(client, url, status, code):
    client.raise_request_exception = False
    response = client.get(url)
    assert response.status_code == status
    assert response["Content-Type"] == "application/json"
    assert json.loads(response.content)["code"] == code


@pytest.mark.urls(__name__)
@override_settings(DEBUG=False)
@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_database_restart_answers_a_branded_503_to_try_again(client, language):
    client.raise_request_exception = False
    response = client.get(f"/{language}/test-database-gone/")
    heading = {"en": "The portal is briefly unavailable", "fr": "Le portail est momentanément indisponible"}
    assert response.status_code == 503 and response["Retry-After"] == "10"
    assert f"<h1>{heading[language]}</h1>" in response.content.decode()
