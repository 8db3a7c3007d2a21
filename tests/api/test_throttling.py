"""Throttling: anonymous callers per address, logged-in ones per user; a refusal is 429 `throttled` with
Retry-After, and another caller is not affected."""

import pytest
from rest_framework.test import APIClient

from submissions.models import Answer

pytestmark = pytest.mark.django_db


@pytest.fixture
def low_rates(settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {
            **settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"],
            "anon": "3/minute",
            "user": "5/minute",
        },
    }


def from_address(address: str) -> APIClient:
    return APIClient(REMOTE_ADDR=address)


def test_an_anonymous_caller_past_its_rate_gets_429_throttled_with_retry_after(low_rates, world):
    caller = from_address("192.0.2.1")
    for _ in range(3):
        assert caller.get("/api/v1/parties/").status_code == 200

    response = caller.get("/api/v1/rounds/")

    assert response.status_code == 429
    body = response.json()
    assert body["code"] == "throttled" and body["detail"]
    assert 0 < int(response["Retry-After"]) <= 60
    assert from_address("192.0.2.2").get("/api/v1/parties/").status_code == 200


def test_conditional_reads_count_too(low_rates, world):
    caller = from_address("192.0.2.3")
    etag = caller.get("/api/v1/parties/")["ETag"]
    for _ in range(2):
        assert caller.get("/api/v1/parties/", HTTP_IF_NONE_MATCH=etag).status_code == 304

    response = caller.get("/api/v1/parties/", HTTP_IF_NONE_MATCH=etag)

    assert response.status_code == 429 and response.json()["code"] == "throttled"


def test_a_user_is_counted_per_user_not_per_address(low_rates, world):
    focal_a, focal_b = APIClient(REMOTE_ADDR="192.0.2.4"), APIClient(REMOTE_ADDR="192.0.2.4")
    focal_a.force_authenticate(world.focal_a)
    focal_b.force_authenticate(world.focal_b)
    for _ in range(5):
        assert focal_a.get("/api/v1/rounds/").status_code == 200

    refused = focal_a.put(
        "/api/v1/rounds/round-api/replies/za/answers/1/",
        {"text": "x", "language": "en", "version": None},
        format="json",
    )

    assert refused.status_code == 429 and refused.json()["code"] == "throttled" and refused["Retry-After"]
    assert not Answer.objects.exists()
    assert focal_b.get("/api/v1/rounds/").status_code == 200


def test_the_suite_runs_with_rates_that_never_throttle(settings):
    rates = settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]
    assert rates["anon"] == rates["user"] == "100000/minute"
