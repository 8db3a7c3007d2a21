"""The evaluators' desk of a follow-up: per recommendation and Party, the current level, the proposals, the
latest request for clarifications and the Party's response, for the Secretariat and the members only (404
for anyone else, log in first); proposing from it, for the Secretariat and the Rapporteurs concerned (403
with the reason for another member, nothing stored); in as many queries whatever its size."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from followup.models import Assessment
from followup.selectors import desk
from followup.services import assessment_propose, clarification_response_submit
from tests.followup.test_selectors import _grow

pytestmark = pytest.mark.django_db

PROPOSED = "PROPOSED-REASONING-the bill is still in committee."
RESPONSE = "RESPONSE-the bill was voted on 3 October."
REFUSED = "Only the Secretariat or the Rapporteur of the question this recommendation rests on can propose."


def _desk_url(round_, language: str = "en") -> str:
    with translation.override(language):
        return reverse("follow-up-desk", args=[round_.slug])


def _propose_url(round_) -> str:
    return reverse("follow-up-propose", args=[round_.slug])


@pytest.fixture
def worked(world, exercise, clarification):
    """Party B's proposal on R-3, and Party A's response to the request on R-3, sent late."""
    assessment_propose(
        round=exercise.round,
        question=exercise.q_r3,
        party=world.party_b,
        level="partially_complied",
        reasoning=PROPOSED,
        by=world.staff,
    )
    clarification_response_submit(
        clarification=clarification,
        body=RESPONSE,
        by=world.focal,
        now=timezone.make_aware(datetime.datetime(2026, 10, 5, 12)),
    )
    return exercise


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("en", ("Follow-up desk", "Not complied", "Partially complied", "response submitted", "late")),
        ("fr", ("Non respectée", "/fr/rounds/")),
    ],
)
def test_the_secretariat_reads_levels_proposals_requests_and_responses(
    client, world, worked, language, words
):
    client.force_login(world.staff)

    response = client.get(_desk_url(worked.round, language))

    page = response.content.decode()
    assert response.status_code == 200
    assert "R-1" in page and "R-3" in page and world.party_a.name in page and world.party_b.name in page
    assert PROPOSED in page and "REQUEST-R3 Which bill is before Parliament?" in page and RESPONSE in page
    assert page.count('name="reasoning"') == 3  # R-1 for Party A; R-3 for both
    for word in words:
        assert word in page


def test_a_member_reads_the_desk_without_a_form(client, world, worked):
    client.force_login(world.member)

    page = client.get(_desk_url(worked.round)).content.decode()

    assert PROPOSED in page and RESPONSE in page
    assert _propose_url(worked.round) not in page


def test_the_rapporteur_has_a_form_on_the_recommendations_resting_on_their_question(client, world, worked):
    client.force_login(world.rapporteur)

    page = client.get(_desk_url(worked.round)).content.decode()

    assert page.count('name="reasoning"') == 1 and f"cell-1-{world.party_a.code}" in page


@pytest.mark.parametrize("role", ["focal", "ngo"])
def test_nobody_else_finds_the_desk(client, world, worked, role):
    client.force_login(getattr(world, role))
    refused = client.get(_desk_url(worked.round))
    assert refused.status_code == 404 and PROPOSED not in refused.content.decode()
    assert client.post(_propose_url(worked.round), {"question": worked.q_r1.pk}).status_code == 404
    client.logout()
    anonymous = client.get(_desk_url(worked.round))
    assert anonymous.status_code == 302 and "login" in anonymous["Location"]


def test_a_round_that_is_no_follow_up_has_no_desk(client, world, exercise):
    client.force_login(world.staff)
    assert client.get(_desk_url(world.round)).status_code == 404


def test_the_evaluation_desk_links_the_follow_up_desk(client, world, exercise):
    client.force_login(world.member)
    assert _desk_url(exercise.round) in client.get(reverse("evaluation-desk")).content.decode()


def _post(client, exercise, party, *, question=None, reasoning="It is done.", level="complied"):
    data = {"question": (question or exercise.q_r1).pk, "party": party.pk, "level": level}
    return client.post(_propose_url(exercise.round), {**data, "reasoning": reasoning, "language": "en"})


def test_the_rapporteur_proposes(client, world, exercise):
    client.force_login(world.rapporteur)

    response = _post(client, exercise, world.party_a)

    assert response.status_code == 302
    assert response["Location"] == f"{_desk_url(exercise.round)}#cell-1-{world.party_a.code}"
    assessment = Assessment.objects.get()
    assert (assessment.state, assessment.level, assessment.proposed_by) == (
        "proposed",
        "complied",
        world.rapporteur,
    )
    assert assessment.question == exercise.q_r1 and assessment.party == world.party_a
    assert "is proposed" in client.get(response["Location"]).content.decode()


@pytest.mark.parametrize("who", ["member", "rapporteur"])
def test_another_member_is_refused_and_nothing_is_stored(client, world, exercise, who):
    client.force_login(getattr(world, who))
    question = exercise.q_r1 if who == "member" else exercise.q_r3  # R-3 rests on no question of theirs

    response = _post(client, exercise, world.party_a, question=question)

    assert response.status_code == 403 and REFUSED in response.content.decode()
    assert not Assessment.objects.exists()


def test_missing_reasoning_shows_the_message_and_keeps_the_form(client, world, exercise):
    client.force_login(world.staff)

    response = _post(client, exercise, world.party_a, reasoning="  ", level="not_complied")

    page = response.content.decode()
    assert response.status_code == 400
    assert "Say why: an assessment gives its reasoning." in page
    assert '<option value="not_complied" selected>' in page
    assert not Assessment.objects.exists()


def _queries(client, round_) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(_desk_url(round_))
    assert response.status_code == 200
    return len(captured.captured_queries)


def test_the_desk_takes_as_many_queries_whatever_its_size(client, world, django_assert_num_queries):
    small = _grow(world, parties=0, items=0)  # 2 items x 2 Parties
    large = _grow(world, parties=4, items=3)  # 5 items x 6 Parties
    with django_assert_num_queries(7):
        desk(world.staff, small)
    with django_assert_num_queries(7):
        table = desk(world.staff, large)
    assert len(table.rows) == 5 and len(table.parties) == 6
    client.force_login(world.rapporteur)
    assert _queries(client, small) == _queries(client, large)
