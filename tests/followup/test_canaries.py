"""Canaries: a proposed assessment's reasoning, and the level it proposes, never reach the public compliance
table nor the API, whether the public, an NGO or a focal point asks; the adopted one's level does."""

import datetime

import pytest
from django.urls import reverse
from django.utils import translation
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
