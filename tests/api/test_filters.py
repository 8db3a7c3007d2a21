"""The lists' filters (django-filter), their order and page size: they narrow what the caller may see, and
a malformed value is 400 `invalid`, never a server error."""

import datetime

import pytest
import time_machine
from django.utils import timezone

from questionnaires.models import Question, Theme
from rounds.models import Round
from submissions.models import Reply
from tests.factories import OrganisationFactory, QuestionFactory, RoundFactory

pytestmark = pytest.mark.django_db

REPLIES = "/api/v1/rounds/round-api/replies/"
QUESTIONS = "/api/v1/rounds/round-api/questions/"


def codes(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [row["party"]["code"] for row in response.json()["results"]]


def numbers(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [row["number"] for row in response.json()["results"]]


@pytest.mark.parametrize(
    ("role", "query", "expected"),
    [
        ("staff", {}, ["ZA", "ZB"]),
        ("staff", {"party": "za"}, ["ZA"]),
        ("staff", {"state": "draft"}, ["ZA"]),
        ("staff", {"state": "published", "party": "ZA"}, []),
        ("staff", {"language": "fr"}, []),
        ("focal_a", {"state": "draft"}, ["ZA"]),
        # The filter only narrows: the public asking for drafts gets none.
        ("anonymous", {"state": "draft"}, []),
        ("anonymous", {"party": "ZA"}, []),
        ("focal_b", {"party": "ZA"}, []),
    ],
)
def test_the_reply_filters_narrow_what_the_caller_may_see(
    client_as, draft_a, published_b, role, query, expected
):
    assert codes(client_as(role).get(REPLIES, query)) == expected


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ({"party": "ZAZ"}, "party"),
        ({"party": "Z1"}, "party"),
        ({"state": "lost"}, "state"),
        ({"language": "de"}, "language"),
        ({"updated_since": "yesterday"}, "updated_since"),
        ({"updated_since": "2025-13-01T00:00:00Z"}, "updated_since"),
    ],
)
def test_a_malformed_filter_is_a_validation_error_in_the_error_contract(api, published_b, query, field):
    response = api.get(REPLIES, query)

    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "invalid" and body["detail"] and field in body["errors"]


@pytest.mark.parametrize(
    "instant",
    ["2025-01-01T00:00:00+22:16", "0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59-23:00"],
)
def test_an_instant_the_database_could_not_store_is_refused_or_read_as_utc(api, published_b, instant):
    response = api.get(REPLIES, {"updated_since": instant})

    assert response.status_code in (200, 400)
    if response.status_code == 400:
        assert response.json()["code"] == "invalid"


def test_updated_since_keeps_what_changed_at_or_after_the_instant(api, world, published_b):
    noon = datetime.datetime(2030, 5, 1, 12, 0, tzinfo=datetime.UTC)
    with time_machine.travel(noon, tick=False):
        published_b.save()

    assert codes(api.get(REPLIES, {"updated_since": "2030-05-01T12:00:00Z"})) == ["ZB"]
    assert codes(api.get(REPLIES, {"updated_since": "2030-05-01T14:00:00+02:00"})) == ["ZB"]
    assert codes(api.get(REPLIES, {"updated_since": "2030-05-01T12:00:01Z"})) == []
    # Without an offset, a time is Strasbourg time (UTC+2 in May).
    assert codes(api.get(REPLIES, {"updated_since": "2030-05-01T14:00:00"})) == ["ZB"]


def test_the_questions_filter_by_kind_theme_and_number(api, world):
    Question.objects.filter(number="2").update(kind=Question.Kind.CAPACITY_BUILDING, theme=Theme.PROTECTION)

    assert numbers(api.get(QUESTIONS, {"kind": "capacity_building"})) == ["2"]
    assert numbers(api.get(QUESTIONS, {"theme": "prevention"})) == ["1", "2.1"]
    assert numbers(api.get(QUESTIONS, {"question": "2.1"})) == ["2.1"]
    assert api.get(QUESTIONS, {"question": "two"}).json()["code"] == "invalid"
    assert api.get(QUESTIONS, {"theme": "punishment"}).status_code == 400


def test_the_rounds_filter_by_kind_and_status(api, world):
    RoundFactory(slug="urgent", number=None, kind=Round.Kind.URGENT, status=Round.Status.CLOSED)

    slugs = [row["slug"] for row in api.get("/api/v1/rounds/", {"kind": "urgent"}).json()["results"]]
    closed = [row["slug"] for row in api.get("/api/v1/rounds/", {"status": "closed"}).json()["results"]]

    assert slugs == ["urgent"] and closed == ["urgent"]
    assert api.get("/api/v1/rounds/", {"status": "preparation"}).json()["results"] == []


def test_the_parties_filter_by_national_language(api, world):
    rows = api.get("/api/v1/parties/", {"language": "de"}).json()["results"]

    assert [row["code"] for row in rows] == ["ZA"]


def test_a_page_holds_what_page_size_asks_up_to_200(api, world):
    OrganisationFactory.create_batch(250)

    assert len(api.get("/api/v1/organisations/", {"page_size": 10}).json()["results"]) == 10
    assert len(api.get("/api/v1/organisations/", {"page_size": 1000}).json()["results"]) == 200
    assert len(api.get("/api/v1/organisations/").json()["results"]) == 50


def test_lists_keep_one_order_when_their_keys_tie(api, world):
    """Questions at the same position (a questionnaire being reordered) come out by id, page after page."""
    for index in range(60):
        QuestionFactory(questionnaire=world.round.questionnaire, number=f"3.{index}", position=4)

    first = api.get(QUESTIONS).json()
    second = api.get(first["next"]).json()

    listed = [row["number"] for row in first["results"] + second["results"]]
    assert len(listed) == len(set(listed)) == 63
    assert listed[3:] == [f"3.{index}" for index in range(60)]


def test_a_reply_updated_now_is_found_since_a_minute_ago(api, published_b):
    since = (timezone.now() - datetime.timedelta(minutes=1)).isoformat()
    Reply.objects.filter(pk=published_b.pk).update(updated_at=timezone.now())

    assert codes(api.get(REPLIES, {"updated_since": since})) == ["ZB"]
