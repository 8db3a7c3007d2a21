"""The page of a Party monitored in a round whose reply is not published: what is public of the reply (not
received yet and the deadline, or received on a day, late or not) and that its text appears once published;
the same page turns into the reply once it is. A Party not monitored in the round has no page."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from rounds.models import Participation
from submissions.models import Reply
from submissions.services import reply_publish, reply_submit
from tests.factories import answers_complete

pytestmark = pytest.mark.django_db


def url(world, code: str, language: str = "en") -> str:
    with translation.override(language):
        return reverse("party-reply", args=[world.round.slug, code])


def received(world, *, day: datetime.date) -> Reply:
    reply = answers_complete(world.draft_answer.reply, by=world.staff)
    submitted_at = timezone.make_aware(datetime.datetime.combine(day, datetime.time(10)))
    return reply_submit(reply=reply, by=world.staff, now=submitted_at)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "en",
            [
                "Reply of Borduria",
                "No reply has been received yet.",
                "1 December 2025",
                "once it is published",
            ],
        ),
        ("fr", ["Aucune réponse n'a encore été reçue.", "1er décembre 2025", "dès sa publication"]),
    ],
)
def test_a_reply_not_received_shows_the_deadline(client, world, language, expected):
    response = client.get(url(world, "ZB", language))
    page = response.content.decode()
    assert response.status_code == 200
    for text in expected:
        assert text in page, text
    assert world.draft_answer.text not in page


@pytest.mark.parametrize(
    ("day", "language", "expected"),
    [
        (
            datetime.date(2025, 11, 20),
            "en",
            'received on <time datetime="2025-11-20">20 November 2025</time>, within the deadline.',
        ),
        (
            datetime.date(2025, 12, 3),
            "en",
            'received on <time datetime="2025-12-03">3 December 2025</time>, after the deadline.',
        ),
        (
            datetime.date(2025, 12, 3),
            "fr",
            'reçue le <time datetime="2025-12-03">3 décembre 2025</time>, après la date limite.',
        ),
    ],
)
def test_a_received_reply_shows_when_and_whether_late(client, world, day, language, expected):
    received(world, day=day)
    page = client.get(url(world, "ZB", language)).content.decode()
    assert expected in page
    assert "No reply has been received yet." not in page
    assert world.draft_answer.text not in page


def test_the_cached_page_follows_the_receipt_and_the_publication(client, world):
    """An anonymous reader is served the whole page from the cache: it changes as the reply does."""
    assert "No reply has been received yet." in client.get(url(world, "ZB")).content.decode()
    assert "No reply has been received yet." in client.get(url(world, "ZB")).content.decode()
    reply = received(world, day=datetime.date(2025, 11, 20))
    page = client.get(url(world, "ZB")).content.decode()
    assert "within the deadline" in page and world.draft_answer.text not in page
    reply_publish(reply=reply, by=world.staff, published_on=datetime.date(2025, 12, 10))
    page = client.get(url(world, "ZB")).content.decode()
    assert world.draft_answer.text in page and "within the deadline" not in page


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_party_not_monitored_in_the_round_has_no_page(client, world, language):
    assert client.get(url(world, world.stranger_party.code, language)).status_code == 404
    assert client.get(url(world, "ZZ", language)).status_code == 404


def test_a_reply_not_received_shows_the_partys_deadline_with_its_extension(client, world):
    """Lateness is judged on the Party's deadline: the page shows that one."""
    Participation.objects.filter(round=world.round, party__code="ZB").update(
        deadline_extended_to=datetime.date(2026, 1, 15)
    )
    page = client.get(url(world, "ZB", "en")).content.decode()
    assert "15 January 2026" in page and "1 December 2025" not in page
