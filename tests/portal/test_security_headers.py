"""Every kind of response carries the security headers: pages, the API, file downloads and static files.

The Content-Security-Policy admits no inline script or style: only the portal's own files (and a style
given the response's nonce, on the one page that asks for it).
"""

import re

import pytest
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from reports.models import Factsheet
from submissions.services import attachment_add, reply_publish, reply_submit
from tests.civil_society.conftest import make_world
from tests.factories import (
    ContributionFactory,
    FocalPointFactory,
    ParticipationFactory,
    QuestionFactory,
    QuestionnaireFactory,
    ReplyFactory,
    UserFactory,
    answers_complete,
)

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def policy(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    directives = {}
    for part in header.split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


def assert_secured(response) -> None:
    csp = policy(response)
    assert csp["default-src"] == ["'none'"]
    assert csp["script-src"] == ["'self'"]
    assert "'unsafe-inline'" not in csp["style-src"] and "'unsafe-eval'" not in csp["style-src"]
    assert not any(value.startswith("'nonce-") for value in csp["style-src"])  # only a page that asks
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["base-uri"] == ["'none'"] and csp["object-src"] == ["'none'"]
    assert csp["form-action"] == ["'self'"]
    assert "Content-Security-Policy-Report-Only" not in response
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


@pytest.fixture
def published_attachment():
    reply = ReplyFactory()
    QuestionFactory(questionnaire=QuestionnaireFactory(round=reply.round), number="1")
    focal = FocalPointFactory(party=reply.party).user
    upload = SimpleUploadedFile("code.pdf", PDF, content_type="application/pdf")
    attachment = attachment_add(reply=reply, by=focal, upload=upload, title="Penal code", language="en")
    answers_complete(reply, by=focal)
    reply_submit(reply=reply, by=focal)
    reply_publish(reply=reply, by=UserFactory(is_staff=True))
    return attachment


def test_a_public_page_carries_the_headers(client):
    response = client.get("/en/rounds/")
    assert response.status_code == 200
    assert_secured(response)


def test_an_api_response_carries_the_headers(client):
    response = client.get("/api/v1/parties/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert_secured(response)


def test_an_api_error_carries_the_headers(client):
    response = client.get("/api/v1/rounds/no-such-round/")
    assert response.status_code == 404
    assert_secured(response)


def test_a_file_download_carries_the_headers(client, published_attachment):
    response = client.get(reverse("attachment-download", args=[published_attachment.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="code.pdf"'
    assert_secured(response)


def test_the_login_page_and_a_static_file_carry_the_headers(client, settings):
    assert_secured(client.get("/en/accounts/login/"))
    settings.WHITENOISE_USE_FINDERS = True  # serve from the source folders, as without collectstatic
    settings.WHITENOISE_AUTOREFRESH = True
    script = Client().get(staticfiles_storage.url("vendor/htmx/htmx.min.js"))
    assert script.status_code == 200
    # Served by WhiteNoise ahead of the clickjacking middleware: frame-ancestors stands for X-Frame-Options.
    assert policy(script)["frame-ancestors"] == ["'none'"] and policy(script)["script-src"] == ["'self'"]
    assert script["X-Content-Type-Options"] == "nosniff"


def test_the_printable_contribution_styles_itself_with_a_nonce_fresh_on_each_response(client):
    """Its <style> stays inline so that the downloaded file reads the same offline."""
    world = make_world()
    contribution = ContributionFactory(
        round=world.round, organisation=world.ngo1, created_by=world.member1, parties=[world.party_a]
    )
    client.force_login(world.member1)
    nonces = []
    for _ in range(2):
        response = client.get(reverse("contribution-edit", args=[contribution.pk]) + "?print=1")
        assert response.status_code == 200
        (nonce,) = re.findall(r'<style nonce="([^"]+)">', response.content.decode())
        csp = policy(response)
        assert csp["style-src"] == ["'self'", f"'nonce-{nonce}'"]
        assert csp["script-src"] == ["'self'"]
        nonces.append(nonce)
    assert nonces[0] != nonces[1]


def test_the_admin_factsheet_preview_alone_admits_inline_styles_and_still_no_inline_script(admin_client):
    participation = ParticipationFactory()
    factsheet = Factsheet.objects.create(
        round=participation.round, kind=Factsheet.Kind.COUNTRY, party=participation.party, language="en"
    )
    response = admin_client.get(reverse("admin:reports_factsheet_preview", args=[factsheet.pk]))
    assert response.status_code == 200
    csp = policy(response)
    assert csp["style-src"] == ["'self'", "'unsafe-inline'"]
    assert csp["script-src"] == ["'self'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert_secured(admin_client.get(reverse("admin:reports_factsheet_changelist")))
