"""public.middleware.CachedPageMiddleware: a cached public page served to a reader without a session before
the rest of the middleware, with the same body and headers as through the full stack; everyone else (a
session, messages, a POST, htmx, a page not yet cached) takes the full stack."""

import time
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import translation

pytestmark = pytest.mark.django_db

FAST_PATH = "public.middleware.CachedPageMiddleware"
FULL_STACK = [name for name in settings.MIDDLEWARE if name != FAST_PATH]


def page_urls(world, language: str) -> list[str]:
    slug = world.round.slug
    with translation.override(language):
        return [
            reverse("party-reply", args=[slug, world.party_a.code]),
            reverse("round-status", args=[slug]),
            reverse("question-compare", args=[slug, "1"]),
            reverse("search") + "?q=children",
            reverse("home"),
        ]


def took_fast_path(response) -> bool:
    """Served before the session middleware: the request never had a session or a user."""
    return not hasattr(response.wsgi_request, "session") and not hasattr(response.wsgi_request, "user")


def comparable(response) -> tuple:
    return response.status_code, response.content, set(response.items())


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_cached_page_has_the_same_body_and_headers_on_the_fast_path_as_through_the_full_stack(
    client, world, language
):
    for url in page_urls(world, language):
        built = client.get(url)  # built through the full stack, and kept
        assert built.status_code == 200 and not took_fast_path(built), url
        if not took_fast_path(client.get(url)):
            # The first build changed the public data (e.g. a factsheet queued): built again, then kept.
            client.get(url)

        fast = client.get(url)
        with override_settings(MIDDLEWARE=FULL_STACK):
            full = Client().get(url)  # the same kept page, served by the view's decorator

        assert took_fast_path(fast) and not took_fast_path(full), url
        assert comparable(fast) == comparable(full), url
        assert fast["Content-Language"] == language
        assert "Cookie" in fast["Vary"] and "Accept-Language" not in fast["Vary"]
        assert {"Content-Security-Policy", "X-Frame-Options", "X-Content-Type-Options"} <= set(fast.headers)
        assert "Set-Cookie" not in fast.headers and "Cache-Control" not in fast.headers


def test_each_language_prefix_has_its_own_page(client, world):
    english, french = (page_urls(world, language)[0] for language in ("en", "fr"))
    client.get(english)
    assert took_fast_path(client.get(english))

    page = client.get(french)  # not the English copy: built for French
    assert not took_fast_path(page) and page["Content-Language"] == "fr"
    assert page.content != client.get(english).content
    assert took_fast_path(client.get(french))


def test_a_head_request_takes_the_fast_path_too(client, world):
    url = page_urls(world, "en")[0]
    client.get(url)
    assert took_fast_path(client.head(url))


def test_a_reader_with_a_session_or_messages_takes_the_full_stack(client, world):
    url = page_urls(world, "en")[0]
    anonymous = client.get(url).content.decode()

    client.force_login(world.member)
    page = client.get(url)
    assert not took_fast_path(page) and page.wsgi_request.user == world.member
    assert "Log out (" in page.content.decode() and "Log out (" not in anonymous

    client.logout()
    client.cookies["messages"] = "anything"
    assert not took_fast_path(client.get(url))


def test_a_post_or_an_htmx_request_takes_the_full_stack(client, world):
    url = page_urls(world, "en")[0]
    client.get(url)
    assert not took_fast_path(client.post(url))
    assert not took_fast_path(client.get(url, headers={"HX-Request": "true"}))


def test_a_path_without_a_language_prefix_takes_the_full_stack(client, world):
    assert not took_fast_path(client.get(reverse("healthz")))


def test_an_unknown_host_is_refused_on_the_fast_path(client, world):
    url = page_urls(world, "en")[0]
    client.get(url)
    assert client.get(url, headers={"Host": "elsewhere.example"}).status_code == 400


def test_a_page_changed_since_it_was_kept_is_built_again(client, world):
    url = page_urls(world, "en")[0]
    client.get(url)
    world.party_a.save()  # a new data version
    assert not took_fast_path(client.get(url))
    assert took_fast_path(client.get(url))


@override_settings(PUBLIC_DATA_VERSION_IN_MEMORY_SECONDS=60)
def test_a_process_remembers_the_version_until_it_changes_a_row_or_the_time_has_passed(
    client, world, django_assert_num_queries, monkeypatch
):
    from django.core.cache import cache

    from public.cache import VERSION_KEY, public_data_version

    url = page_urls(world, "en")[0]
    client.get(url)
    remembered = public_data_version()
    cache.set(VERSION_KEY, "changed-by-another-process")
    with django_assert_num_queries(0):
        fast = client.get(url)
    assert took_fast_path(fast) and public_data_version() == remembered  # not read again within the time

    world.party_a.save()  # a change in this process: forgotten at once
    assert public_data_version() != remembered and not took_fast_path(client.get(url))

    cache.set(VERSION_KEY, "changed-by-another-process")
    later = time.monotonic() + 61
    monkeypatch.setattr("public.cache.time", SimpleNamespace(monotonic=lambda: later))
    assert public_data_version() == "changed-by-another-process"
