"""Conditional reads: the public's GETs carry ETag and Last-Modified and answer 304 while nothing public
changed; a logged-in caller's reads, which may show drafts, carry neither."""

import datetime

import pytest
import time_machine
from django.utils.http import http_date

from submissions.models import Reply

pytestmark = pytest.mark.django_db

URLS = [
    "/api/v1/parties/",
    "/api/v1/rounds/",
    "/api/v1/rounds/round-api/",
    "/api/v1/rounds/round-api/questions/",
    "/api/v1/rounds/round-api/replies/",
    "/api/v1/rounds/round-api/replies/zb/",
    "/api/v1/organisations/",
    "/api/v1/rounds/round-api/comments/",
    "/api/v1/rounds/round-api/findings/",
    "/api/v1/rounds/round-api/factsheets/",
    "/api/v1/rounds/round-api/report/",
]


@pytest.mark.parametrize("url", URLS)
def test_the_public_gets_304_with_the_etag_it_was_given(api, published_b, url, django_assert_max_num_queries):
    first = api.get(url)
    assert first.status_code == 200 and first["ETag"] and first["Last-Modified"]

    with django_assert_max_num_queries(1):  # the data version alone: the view does not run
        again = api.get(url, HTTP_IF_NONE_MATCH=first["ETag"])

    assert again.status_code == 304 and again.content == b""
    assert again["ETag"] == first["ETag"]
    assert "Accept-Language" in again["Vary"] and "Authorization" in again["Vary"]


def test_the_public_gets_304_when_nothing_changed_since_last_modified(api, published_b):
    first = api.get("/api/v1/rounds/round-api/replies/")

    again = api.get("/api/v1/rounds/round-api/replies/", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    earlier = api.get(
        "/api/v1/rounds/round-api/replies/",
        HTTP_IF_MODIFIED_SINCE=http_date(946684800),  # 1 January 2000
    )

    assert again.status_code == 304
    assert earlier.status_code == 200


def test_a_publication_changes_the_etag_and_the_last_modified(api, world, published_b):
    url = "/api/v1/rounds/round-api/replies/"
    first = api.get(url)
    reply = Reply.objects.create(
        round=world.round,
        party=world.party_a,
        state=Reply.State.PUBLISHED,
        published_on=datetime.date(2026, 1, 5),
    )
    with time_machine.travel(datetime.datetime(2099, 1, 1, tzinfo=datetime.UTC), tick=False):
        reply.save()

    again = api.get(url, HTTP_IF_NONE_MATCH=first["ETag"], HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])

    assert again.status_code == 200
    assert [row["party"]["code"] for row in again.json()["results"]] == ["ZA", "ZB"]
    assert again["ETag"] != first["ETag"] and again["Last-Modified"] != first["Last-Modified"]


def test_the_etag_differs_by_path_query_and_language(api, published_b):
    english = api.get("/api/v1/parties/")
    french = api.get("/api/v1/parties/", HTTP_ACCEPT_LANGUAGE="fr")
    filtered = api.get("/api/v1/parties/", {"language": "de"})
    rounds = api.get("/api/v1/rounds/")

    assert len({english["ETag"], french["ETag"], filtered["ETag"], rounds["ETag"]}) == 4
    assert (
        api.get("/api/v1/parties/", HTTP_IF_NONE_MATCH=english["ETag"], HTTP_ACCEPT_LANGUAGE="fr").status_code
        == 200
    )


@pytest.mark.parametrize("role", ["focal_a", "staff", "stranger"])
def test_a_logged_in_caller_gets_no_validator_and_never_a_304(client_as, api, draft_a, published_b, role):
    public = api.get("/api/v1/rounds/round-api/replies/")
    client = client_as(role)

    response = client.get("/api/v1/rounds/round-api/replies/", HTTP_IF_NONE_MATCH=public["ETag"])

    assert response.status_code == 200
    assert not response.has_header("ETag") and not response.has_header("Last-Modified")
    assert "Cookie" in response["Vary"]


def test_a_token_caller_gets_no_validator_either(api, world, draft_a):
    token = api.post(
        "/api/v1/auth/token/", {"username": "focal-za", "password": "pass-word-123"}, format="json"
    ).json()["token"]
    public = api.get("/api/v1/rounds/round-api/replies/")

    api.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    response = api.get("/api/v1/rounds/round-api/replies/", HTTP_IF_NONE_MATCH=public["ETag"])

    assert response.status_code == 200 and [row["state"] for row in response.json()["results"]] == ["draft"]
    assert not response.has_header("ETag")


def test_errors_carry_no_validator(api, world):
    response = api.get("/api/v1/rounds/no-such-round/")

    assert response.status_code == 404 and not response.has_header("ETag")


def test_writes_are_not_conditional(client_as, world, draft_a):
    response = client_as("focal_a").put(
        "/api/v1/rounds/round-api/replies/za/answers/2/",
        {"text": "New", "language": "en", "version": None},
        format="json",
        HTTP_IF_MATCH='"anything"',
    )

    assert response.status_code == 200 and not response.has_header("ETag")
