import datetime

import pytest
from django.core.files.base import ContentFile

from submissions.models import Attachment, Reply, ReplyTransition
from tests.factories import (
    AnswerFactory,
    FocalPointFactory,
    ParticipationFactory,
    PartyFactory,
    QuestionFactory,
)

from .conftest import PDF_BYTES, ReplyFactory

pytestmark = pytest.mark.django_db

LIST_URL = "/api/v1/rounds/round-api/replies/"


@pytest.mark.parametrize(
    ("role", "visible"),
    [
        ("anonymous", ["ZB"]),
        ("focal_a", ["ZA", "ZB"]),
        ("focal_b", ["ZB"]),
        ("stranger", ["ZB"]),
        ("staff", ["ZA", "ZB"]),
    ],
)
def test_the_reply_list_shows_published_replies_and_the_callers_own_drafts(
    client_as, draft_a, published_b, role, visible
):
    response = client_as(role).get(LIST_URL)

    assert response.status_code == 200
    assert [reply["party"]["code"] for reply in response.json()["results"]] == visible


def test_a_listed_reply_says_where_it_stands(api, published_b):
    reply = api.get(LIST_URL).json()["results"][0]

    assert reply == {
        "round": "round-api",
        "party": {"code": "ZB", "name": "Borduria"},
        "state": "published",
        "language": "en",
        "national_language": None,
        "submitted_at": "2025-11-01T01:00:00+01:00",
        "is_late": False,
        "published_on": "2025-12-15",
    }


@pytest.mark.parametrize("role", ["anonymous", "focal_b", "stranger"])
def test_a_draft_is_not_found_by_anyone_but_its_partys_focal_points_and_the_secretariat(
    client_as, draft_a, role
):
    response = client_as(role).get(f"{LIST_URL}za/")

    assert response.status_code == 404
    assert response.json() == {"detail": "Not found.", "code": "not_found"}
    assert "Draft answer" not in response.content.decode()


@pytest.mark.parametrize("role", ["focal_a", "staff"])
def test_a_draft_reads_with_its_answers_keyed_by_question_number(client_as, world, draft_a, role):
    response = client_as(role).get(f"{LIST_URL}ZA/")

    assert response.status_code == 200
    body = response.json()
    assert body["state"] == "draft" and body["language"] == "en" and body["national_language"] == "de"
    assert body["submitted_at"] is None and body["is_late"] is False and body["published_on"] is None
    assert body["attachments"] == []
    answer = body["answers"]["1"]
    assert set(body["answers"]) == {"1"}
    assert answer["text"] == "Draft answer" and answer["national_text"] == ""
    assert answer["version"] == 1 and answer["saved_by"] == "focal-za" and answer["saved_at"]


@pytest.mark.parametrize("role", ["anonymous", "focal_a", "focal_b", "stranger", "staff"])
def test_a_published_reply_is_read_by_everyone(client_as, published_b, role):
    response = client_as(role).get(f"{LIST_URL}zb/")

    assert response.status_code == 200
    assert response.json()["answers"]["1"]["text"] == "Published answer"
    assert response.json()["published_on"] == "2025-12-15"
    # Who wrote an answer is known to the Secretariat and the Party's own focal points only.
    expected_author = "focal-zb" if role in ("focal_b", "staff") else None
    assert response.json()["answers"]["1"]["saved_by"] == expected_author


def test_a_focal_points_first_visit_opens_its_partys_draft(client_as, world):
    response = client_as("focal_a").get(f"{LIST_URL}za/")

    assert response.status_code == 200
    assert response.json()["state"] == "draft" and response.json()["answers"] == {}
    reply = Reply.objects.get(round=world.round, party=world.party_a)
    assert reply.transitions.get().by == world.focal_a

    assert client_as("focal_a").get(f"{LIST_URL}za/").status_code == 200
    assert Reply.objects.count() == 1 and ReplyTransition.objects.count() == 1


@pytest.mark.parametrize("role", ["anonymous", "focal_b", "stranger", "staff"])
def test_nobody_else_opens_a_partys_reply(client_as, world, role):
    response = client_as(role).get(f"{LIST_URL}za/")

    assert response.status_code == 404
    assert response.json()["code"] == "not_found"
    assert not Reply.objects.exists()


def test_a_focal_point_of_a_party_not_monitored_opens_nothing(client, world):
    outsider = PartyFactory(code="ZZ")
    client.force_login(FocalPointFactory(party=outsider).user)

    response = client.get(f"{LIST_URL}zz/")

    assert response.status_code == 404
    assert not Reply.objects.exists()


def _publish_more_replies(world, count: int) -> None:
    for _ in range(count):
        party = PartyFactory()
        ParticipationFactory(round=world.round, party=party)
        reply = ReplyFactory(
            round=world.round, party=party, state="published", published_on=datetime.date(2025, 12, 20)
        )
        AnswerFactory(reply=reply, question=world.questions["1"])


@pytest.mark.parametrize("role", ["anonymous", "focal_a", "staff"])
def test_the_reply_list_queries_do_not_grow_with_the_replies(
    client_as, world, draft_a, published_b, role, django_assert_max_num_queries
):
    client = client_as(role)
    with django_assert_max_num_queries(6) as few:
        client.get(LIST_URL)
    _publish_more_replies(world, 12)

    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(LIST_URL)

    assert len(response.json()["results"]) == response.json()["count"] >= 13


def test_the_reply_queries_do_not_grow_with_answers_or_attachments(
    client_as, world, draft_a, django_assert_max_num_queries
):
    client = client_as("focal_a")
    with django_assert_max_num_queries(7) as few:
        client.get(f"{LIST_URL}za/")
    for position in range(4, 24):
        question = QuestionFactory(
            questionnaire=world.round.questionnaire, number=str(position), position=position
        )
        AnswerFactory(reply=draft_a, question=question, saved_by=world.focal_b)
        Attachment.objects.create(
            reply=draft_a,
            question=question,
            title=f"Annex {position}",
            language="en",
            file=ContentFile(PDF_BYTES, name="annex.pdf"),
            original_name="annex.pdf",
            kind="pdf",
            size=len(PDF_BYTES),
            sha256="0" * 64,
            uploaded_by=world.focal_a,
        )

    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(f"{LIST_URL}za/")

    body = response.json()
    assert len(body["answers"]) == 21 and len(body["attachments"]) == 20
    assert body["attachments"][0]["question"] == "4"
