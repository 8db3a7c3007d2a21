"""The shared cache's Redis unreachable (here: a closed port): every use degrades to a miss, nothing fails.

The production stack's hung and dead Redis are in tests/integration/test_redis_faults.py."""

import socket

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from lanzarote_portal import shared_cache
from lanzarote_portal.settings.base import shared_cache as shared_cache_config
from public.cache import public_data_version
from tests.factories import PartyFactory, RoundFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def unreachable_cache(settings, monkeypatch):
    """The production backend pointed at a port nobody listens on, with counters of its own."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings.CACHES = {**settings.CACHES, "default": shared_cache_config(f"rediscache://127.0.0.1:{port}/0")}
    monkeypatch.setattr(shared_cache, "_health", shared_cache._Health())


def test_every_operation_answers_as_a_miss_and_the_first_error_pauses_the_cache(unreachable_cache, caplog):
    assert cache.get("key", "default") == "default"
    assert cache.add("key", 1) is False
    assert cache.get_or_set("key", lambda: "built") == "built"
    assert cache.set("key", 1) is None and cache.delete("key") is False
    assert cache.get_many(["a", "b"]) == {} and cache.set_many({"a": 1}) == ["a"]
    with pytest.raises(ValueError):
        cache.incr("counter")

    health = shared_cache.cache_health()
    assert (health["status"], health["errors"], health["skipped"]) == ("unavailable", 1, 9)
    assert "ConnectionError" in health["last_error"]
    assert [r.getMessage()[:33] for r in caplog.records] == ["Shared cache unreachable, answeri"]


def test_after_the_pause_it_tries_again_and_logs_an_outage_once(unreachable_cache, monkeypatch, caplog):
    monkeypatch.setattr(shared_cache, "PAUSE_SECONDS", 0)
    for _ in range(5):
        assert cache.get("key") is None

    assert shared_cache.cache_health()["errors"] == 5
    assert len([r for r in caplog.records if r.name == "lanzarote_portal.shared_cache"]) == 1


def test_the_api_throttle_fails_open(unreachable_cache, settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {**settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"], "anon": "1/minute"},
    }
    caller = APIClient(REMOTE_ADDR="192.0.2.9")

    assert [caller.get("/api/v1/parties/").status_code for _ in range(3)] == [200, 200, 200]


def test_public_pages_are_built_and_the_data_version_read_from_the_database(unreachable_cache, client):
    round_ = RoundFactory()
    first, again = public_data_version(), public_data_version()
    PartyFactory()
    changed = public_data_version()

    assert first == again != changed
    assert first.split(":")[1] == changed.split(":")[1]  # one generation of the process's own, this outage
    assert first.split(":")[1].startswith("own-")
    for _ in range(2):
        response = client.get(f"/en/rounds/{round_.slug}/")
        assert response.status_code == 200 and round_.theme_en in response.content.decode()


def test_readyz_stays_ready_and_reports_the_cache(unreachable_cache, client):
    response = client.get("/readyz")

    assert response.status_code == 200
    body = response.json()
    assert body["problems"] == [] and body["worker_last_seen_seconds_ago"] is None
    assert body["cache"]["status"] == "unavailable" and body["cache"]["errors"] == 1


def test_without_an_outage_readyz_reports_a_healthy_cache(client, monkeypatch):
    monkeypatch.setattr(shared_cache, "_health", shared_cache._Health())
    assert client.get("/readyz").json()["cache"] == {
        "status": "ok",
        "errors": 0,
        "skipped": 0,
        "last_error": None,
        "last_error_seconds_ago": None,
    }
