import pytest

from rounds.models import Round
from tests.factories import ParticipationFactory, PartyFactory, QuestionFactory, RoundFactory

from .conftest import ROLES

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("role", ROLES)
def test_everyone_reads_the_parties(client_as, world, role):
    response = client_as(role).get("/api/v1/parties/")

    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 2 and body["next"] is None
    aland = body["results"][0]
    assert aland["code"] == "ZA" and aland["name_en"] == "Aland" and aland["name_fr"] == "Alande"
    assert aland["national_languages"] == ["de"]


# An anonymous read costs one more query than its data: the public data version behind its ETag.


def test_the_party_list_is_paginated_and_its_queries_do_not_grow(api, world, django_assert_max_num_queries):
    with django_assert_max_num_queries(5) as few:  # with their languages and their statements
        api.get("/api/v1/parties/")
    PartyFactory.create_batch(60)

    with django_assert_max_num_queries(len(few.captured_queries)):
        response = api.get("/api/v1/parties/")

    body = response.json()
    assert body["count"] == 62 and len(body["results"]) == 50 and body["next"].endswith("?page=2")


@pytest.mark.parametrize("role", ROLES)
def test_rounds_in_preparation_are_listed_for_the_secretariat_only(client_as, world, role):
    RoundFactory(slug="unannounced", status=Round.Status.PREPARATION)

    response = client_as(role).get("/api/v1/rounds/")

    assert response.status_code == 200
    slugs = [round_["slug"] for round_ in response.json()["results"]]
    assert "round-api" in slugs
    assert ("unannounced" in slugs) is (role == "staff")


def test_the_round_list_queries_do_not_grow(api, world, django_assert_max_num_queries):
    with django_assert_max_num_queries(3) as few:
        api.get("/api/v1/rounds/")
    for _ in range(5):
        ParticipationFactory(round=RoundFactory())

    with django_assert_max_num_queries(len(few.captured_queries)):
        response = api.get("/api/v1/rounds/")
    assert response.json()["count"] == 6


def test_a_round_reads_with_its_parties_and_their_deadlines(api, world, django_assert_max_num_queries):
    participation = world.party_b.participations.get()
    participation.deadline_extended_to = "2100-01-31"
    participation.save()
    round_ = Round.objects.get(slug="round-api")
    round_.civil_society_deadline = "2100-02-28"
    round_.save()

    with django_assert_max_num_queries(3):
        response = api.get("/api/v1/rounds/round-api/")

    assert response.status_code == 200
    body = response.json()
    assert body["slug"] == "round-api" and body["number"] == 42 and body["status"] == "replies"
    assert body["label"] == "Monitoring round 42" and body["party_count"] == 2
    assert body["reply_deadline"] == "2099-12-01"
    assert body["civil_society_deadline"] == "2100-02-28"
    assert [(p["code"], p["reply_deadline"]) for p in body["parties"]] == [
        ("ZA", "2099-12-01"),
        ("ZB", "2100-01-31"),
    ]


@pytest.mark.parametrize("role", ["anonymous", "focal_a", "stranger"])
def test_a_round_in_preparation_is_not_found_except_by_the_secretariat(client_as, world, role):
    RoundFactory(slug="unannounced", status=Round.Status.PREPARATION)

    for url in ("/api/v1/rounds/unannounced/", "/api/v1/rounds/unannounced/questions/"):
        response = client_as(role).get(url)
        assert response.status_code == 404
        assert response.json() == {"detail": "Not found.", "code": "not_found"}
    assert client_as("staff").get("/api/v1/rounds/unannounced/").status_code == 200


def test_an_unknown_round_is_not_found(api, world):
    response = api.get("/api/v1/rounds/no-such-round/")

    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_the_questions_read_in_order_with_their_parts(api, world, django_assert_max_num_queries):
    with django_assert_max_num_queries(4) as few:
        response = api.get("/api/v1/rounds/round-api/questions/")

    assert response.status_code == 200
    questions = response.json()["results"]
    assert [(q["number"], q["parent"]) for q in questions] == [("1", None), ("2", None), ("2.1", "2")]
    assert questions[0]["text_en"] == "What measures address point 1?"
    assert questions[0]["text_fr"] == "Quelles mesures répondent au point 1 ?"
    assert questions[2]["required"] is False and questions[0]["kind"] == "monitoring"

    for position in range(4, 20):
        QuestionFactory(
            questionnaire=world.round.questionnaire,
            number=f"2.{position}",
            position=position,
            parent=world.questions["2"],
        )
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert api.get("/api/v1/rounds/round-api/questions/").json()["count"] == 19
