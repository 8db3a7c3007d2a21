"""The focal points' pages for requests for clarifications: the list (linked from the dashboard while one is
open), the page with the request, the previous assessment and the form; nobody else finds them (404)."""

import pytest
from django.urls import reverse
from django.utils import translation

from followup.models import Clarification
from followup.services import clarification_response_save

pytestmark = pytest.mark.django_db


def _url(name: str, clarification=None, language: str = "en") -> str:
    with translation.override(language):
        return reverse(name, args=[clarification.pk] if clarification else [])


def test_the_dashboard_links_the_open_requests_and_the_list_shows_them(client, world, clarification):
    client.force_login(world.focal)

    dashboard = client.get(reverse("reply-dashboard")).content.decode()
    listing = client.get(_url("clarification-list")).content.decode()

    assert "asked your Party for clarifications on 1 recommendation" in dashboard
    assert _url("clarification-list") in dashboard
    assert _url("clarification-page", clarification) in listing and "awaiting the response" in listing


def test_no_dashboard_notice_once_every_response_is_submitted(client, world, clarification):
    clarification_response_save(clarification=clarification, body="x", version=0, by=world.focal)
    client.force_login(world.focal)
    client.post(_url("clarification-submit", clarification), {"response": "Sent.", "version": "1"})

    dashboard = client.get(reverse("reply-dashboard")).content.decode()

    assert _url("clarification-list") not in dashboard
    assert "response submitted" in client.get(_url("clarification-list")).content.decode()


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("en", ("What the Committee asks", "by the end of 1 October 2026", "Not complied")),
        ("fr", ("1er octobre 2026", "Non respectée", "/fr/my-clarifications/")),
    ],
)
def test_the_page_shows_the_request_the_deadline_and_the_previous_reasoning(
    client, world, clarification, language, words
):
    client.force_login(world.focal)

    response = client.get(_url("clarification-page", clarification, language))

    page = response.content.decode()
    assert response.status_code == 200
    assert "REQUEST-R3 Which bill is before Parliament?" in page
    assert "REASONING-R3 no law defines the offence yet." in page
    assert 'name="response"' in page and _url("clarification-submit", clarification, language) in page
    for word in words:
        assert word in page


def test_a_focal_point_saves_then_submits_the_response(client, world, clarification):
    client.force_login(world.focal)

    saved = client.post(_url("clarification-save", clarification), {"response": "Draft.", "version": "0"})
    submitted = client.post(
        _url("clarification-submit", clarification), {"response": "Final.", "version": "1"}
    )

    assert saved.status_code == submitted.status_code == 302
    row = Clarification.objects.get(pk=clarification.pk)
    assert row.response == "Final." and row.version == 2 and row.submitted_at is not None
    page = client.get(_url("clarification-page", clarification)).content.decode()
    assert "Final." in page and 'name="response"' not in page
    assert "The response has been sent to the Committee" in page


def test_a_conflict_shows_both_texts_and_keeps_the_writers(client, world, clarification):
    clarification_response_save(clarification=clarification, body="COLLEAGUE-TEXT", version=0, by=world.focal)
    client.force_login(world.focal)

    response = client.post(_url("clarification-save", clarification), {"response": "MY-TEXT", "version": "0"})

    page = response.content.decode()
    assert response.status_code == 409
    assert "COLLEAGUE-TEXT" in page and ">MY-TEXT</textarea>" in page
    assert 'name="version" value="1"' in page
    assert Clarification.objects.get(pk=clarification.pk).response == "COLLEAGUE-TEXT"


def test_an_empty_response_is_refused_with_its_reason(client, world, clarification):
    client.force_login(world.focal)

    response = client.post(_url("clarification-submit", clarification), {"response": "", "version": "0"})

    assert response.status_code == 400
    assert "Write the response before submitting it." in response.content.decode()
    assert Clarification.objects.get(pk=clarification.pk).submitted_at is None


@pytest.mark.parametrize("who", ["focal_b", "staff", "member", "ngo"])
def test_nobody_else_finds_the_request(client, world, clarification, who):
    client.force_login(getattr(world, who))

    for name in ("clarification-page", "clarification-save", "clarification-submit"):
        address = _url(name, clarification)
        status = client.get(address).status_code if name == "clarification-page" else None
        assert status in (None, 404)
        assert client.post(address, {"response": "Intruder.", "version": "0"}).status_code == 404
    assert Clarification.objects.get(pk=clarification.pk).response == ""


@pytest.mark.parametrize("who", ["staff", "member", "ngo"])
def test_the_list_is_the_focal_points_alone(client, world, clarification, who):
    client.force_login(getattr(world, who))

    assert client.get(_url("clarification-list")).status_code == 404


def test_another_partys_focal_point_lists_nothing_of_party_a(client, world, clarification):
    client.force_login(world.focal_b)

    page = client.get(_url("clarification-list")).content.decode()

    assert "REQUEST-R3" not in page and _url("clarification-page", clarification) not in page
    assert "asked your Party for no clarifications" in page


def test_an_anonymous_visitor_is_sent_to_log_in(client, clarification):
    response = client.get(_url("clarification-page", clarification))

    assert response.status_code == 302 and "login" in response["Location"]
