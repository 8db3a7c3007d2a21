"""Canaries: a proposed assessment's reasoning, and the level it proposes, never reach the public compliance
table, the API, a Party's follow-up page, its compliance factsheet nor the open data, whether the public, an
NGO or a focal point asks; the adopted one's level does."""

import datetime
import io
import json
import zipfile

import pytest
from django.urls import reverse
from django.utils import translation
from pypdf import PdfReader
from rest_framework.test import APIClient

from followup.services import assessment_adopt, assessment_propose

pytestmark = pytest.mark.django_db

CANARY = "CANARY-PROPOSED-REASONING-7f3a"


@pytest.fixture
def assessed(world, exercise):
    adopted = assessment_propose(
        round=exercise.round,
        question=exercise.q_r3,
        party=world.party_a,
        level="not_complied",
        reasoning="Adopted reasoning.",
        by=world.staff,
    )
    assessment_adopt(
        assessment=adopted, meeting=world.meeting, adopted_on=datetime.date(2026, 9, 2), by=world.staff
    )
    for party, question in ((world.party_a, exercise.q_r1), (world.party_b, exercise.q_r3)):
        assessment_propose(
            round=exercise.round,
            question=question,
            party=party,
            level="complied",
            reasoning=CANARY,
            by=world.staff,
        )
    return exercise


@pytest.mark.parametrize("role", ["public", "ngo", "focal"])
def test_a_proposed_assessment_never_shows_on_the_page(client, world, assessed, role):
    if role != "public":
        client.force_login(getattr(world, role))
    for language in ("en", "fr"):
        with translation.override(language):
            address = reverse("round-follow-up", args=[world.round.slug])
        response = client.get(address)
        assert address.startswith(f"/{language}/")
        assert response.status_code == 200
        html = response.content.decode()
        assert CANARY not in html
        assert "level-not_complied" in html  # the adopted one is there
        assert "level-complied" not in html  # the proposals are no level


@pytest.mark.parametrize("role", ["public", "ngo", "focal"])
def test_a_proposed_assessment_never_shows_in_the_api(world, assessed, role):
    client = APIClient()
    if role != "public":
        client.force_authenticate(getattr(world, role))
    response = client.get(f"/api/v1/rounds/{world.round.slug}/follow-up/")
    assert response.status_code == 200
    body = response.content.decode()
    assert CANARY not in body
    assert '"not_complied"' in body and '"complied"' not in body


REQUEST_CANARY = "CANARY-CLARIFICATION-REQUEST-51c2"
RESPONSE_CANARY = "CANARY-CLARIFICATION-RESPONSE-9d0e"


@pytest.mark.parametrize("role", ["public", "ngo", "focal_b"])
def test_a_request_for_clarifications_and_its_response_stay_off_the_public_surfaces(
    client, world, clarification, role
):
    from followup.services import clarification_response_submit

    clarification.request = REQUEST_CANARY
    clarification.save()
    clarification_response_submit(clarification=clarification, body=RESPONSE_CANARY, by=world.focal)
    if role != "public":
        client.force_login(getattr(world, role))
    api = APIClient()
    if role != "public":
        api.force_authenticate(getattr(world, role))
    bodies = [api.get(f"/api/v1/rounds/{world.round.slug}/follow-up/").content.decode()]
    for language in ("en", "fr"):
        with translation.override(language):
            addresses = [
                reverse("round-follow-up", args=[world.round.slug]),
                reverse("party-reply", args=[world.round.slug, world.party_a.code]),
                reverse("clarification-list"),
                reverse("clarification-page", args=[clarification.pk]),
            ]
        bodies += [client.get(address).content.decode() for address in addresses]
    for body in bodies:
        assert REQUEST_CANARY not in body and RESPONSE_CANARY not in body


@pytest.mark.parametrize("role", ["public", "ngo", "focal"])
def test_a_proposed_assessment_never_shows_on_the_party_pages(client, world, assessed, role):
    if role != "public":
        client.force_login(getattr(world, role))
    for party in (world.party_a, world.party_b):
        for language in ("en", "fr"):
            with translation.override(language):
                address = reverse("party-follow-up", args=[party.code])
            response = client.get(address)
            assert response.status_code == 200
            html = response.content.decode()
            assert CANARY not in html
            assert "Complied</span></th><td>0</td>" in html or "Respectée</span></th><td>0</td>" in html
    assert (
        "level-badge level-not_complied"
        in client.get(reverse("party-follow-up", args=[world.party_a.code])).content.decode()
    )


def test_a_proposed_assessment_never_reaches_the_compliance_factsheet(client, world, assessed):
    for party in (world.party_a, world.party_b):
        for language in ("en", "fr"):
            response = client.get(reverse("party-follow-up-pdf", args=[party.code, language]))
            assert response.status_code == 200
            text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
            assert CANARY not in text
            if party == world.party_a:
                assert "Adopted reasoning." in text


def test_a_proposed_assessment_never_reaches_the_open_data(client, world, assessed):
    document = client.get(reverse("round-open-data-json", args=[world.round.slug])).content.decode()
    archive = zipfile.ZipFile(
        io.BytesIO(client.get(reverse("round-open-data-zip", args=[world.round.slug])).content)
    )

    assert CANARY not in document and "Adopted reasoning." in document
    assert all(CANARY.encode() not in archive.read(name) for name in archive.namelist())
    assert [row["level"] for row in json.loads(document)["follow_up_assessments"]] == ["not_complied"]
