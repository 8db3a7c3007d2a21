"""Atom feeds of a round's publications, and of one Party's in a round: published replies, acknowledged
public comments and rendered factsheets, newest first; nothing else, whoever asks."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse
from django.utils import timezone

from reports.models import Factsheet
from rounds.models import Round
from submissions.models import Reply
from tests.factories import ContributionFactory, PartyFactory, ReplyFactory

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def entries(response) -> list[dict]:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    assert feed.tag == f"{ATOM}feed"
    return [
        {
            "title": entry.findtext(f"{ATOM}title"),
            "link": entry.find(f"{ATOM}link").get("href"),
            "id": entry.findtext(f"{ATOM}id"),
            "updated": entry.findtext(f"{ATOM}updated"),
            "summary": entry.findtext(f"{ATOM}summary"),
        }
        for entry in feed.findall(f"{ATOM}entry")
    ]


@pytest.fixture
def publications(world):
    """A's reply (published 15 December 2025), a public acknowledged comment on A (16 December), a second
    published reply (20 December), A's factsheet (rendered 17 December) — and the canaries: the draft reply,
    a submitted reply, confidential and unacknowledged comments, a factsheet never rendered."""
    paris = timezone.get_current_timezone()
    world.public_comment.acknowledged_at = datetime.datetime(2025, 12, 16, 10, tzinfo=paris)
    world.public_comment.title = "On <A>'s helplines"
    world.public_comment.save()
    world.published_c = ReplyFactory(
        round=world.round,
        party=PartyFactory(code="ZD", name_en="Dorado", name_fr="Dorade"),
        state=Reply.State.PUBLISHED,
        published_on=datetime.date(2025, 12, 20),
    )
    ReplyFactory(round=world.round, party=PartyFactory(code="ZS", name_en="Syldavia"), state="submitted")
    sheet = Factsheet(round=world.round, kind="country", party=world.party_a, language="en")
    sheet.file.name = "factsheets/a.pdf"
    sheet.rendered_at = datetime.datetime(2025, 12, 17, 9, tzinfo=paris)
    sheet.save()
    Factsheet.objects.create(round=world.round, kind="country", party=world.party_a, language="fr")
    return world


def test_the_round_feed_lists_its_publications_newest_first(client, publications):
    world = publications
    found = entries(client.get(reverse("round-feed", kwargs={"slug": world.round.slug})))
    assert [entry["title"] for entry in found] == [
        "Reply of Dorado published",
        "Country factsheet: Aland (English)",
        "Alpha Child Rights commented on the reply of Aland",
        "Reply of Aland published",
    ]
    party_page = reverse("party-reply", kwargs={"slug": world.round.slug, "iso2": world.party_a.code})
    assert found[3]["link"] == f"http://testserver{party_page}"
    assert found[1]["link"].endswith(
        reverse("factsheet-download", kwargs={"pk": Factsheet.objects.first().pk})
    )
    assert found[3]["updated"].startswith("2025-12-15T00:00:00+01:00")
    assert found[3]["id"] == f"tag:testserver,2025-12-15:/reply/{world.published_answer.reply_id}"
    assert len({entry["id"] for entry in found}) == 4
    # The same ids in the other language: they name what was published, not a page.
    french = entries(client.get(f"/fr/rounds/{world.round.slug}/feed/"))
    assert [entry["id"] for entry in french] == [entry["id"] for entry in found]
    # The organisation's own words are escaped in the HTML summary.
    assert found[2]["summary"] == "On &lt;A&gt;&#x27;s helplines"


def test_the_party_feed_lists_what_concerns_the_party(client, publications):
    world = publications
    url = reverse("party-feed", kwargs={"slug": world.round.slug, "iso2": world.party_a.code.lower()})
    assert [entry["title"] for entry in entries(client.get(url))] == [
        "Country factsheet: Aland (English)",
        "Alpha Child Rights commented on the reply of Aland",
        "Reply of Aland published",
    ]
    url = reverse("party-feed", kwargs={"slug": world.round.slug, "iso2": "ZD"})
    assert [entry["title"] for entry in entries(client.get(url))] == ["Reply of Dorado published"]


def test_titles_are_in_the_language_of_the_url(client, publications):
    response = client.get(f"/fr/rounds/{publications.round.slug}/feed/")
    assert "Dorade" in entries(response)[0]["title"]  # the Party's French name
    assert ET.fromstring(response.content).get("{http://www.w3.org/XML/1998/namespace}lang") == "fr"


@pytest.mark.parametrize("who", ["anonymous", "staff", "focal_a", "member"])
def test_nothing_unpublished_is_in_the_feeds_whoever_asks(client, publications, who):
    world = publications
    if who != "anonymous":
        client.force_login(getattr(world, who))
    for url in (
        reverse("round-feed", kwargs={"slug": world.round.slug}),
        reverse("party-feed", kwargs={"slug": world.round.slug, "iso2": world.party_a.code}),
        reverse("party-feed", kwargs={"slug": world.round.slug, "iso2": world.party_b.code}),
    ):
        content = client.get(url).content.decode()
        assert "Reply of Borduria" not in content  # the draft reply
        assert "Syldavia" not in content  # a submitted reply
        assert content.count("commented on the reply") <= 1  # the confidential and unacknowledged ones
        assert "(French)" not in content  # the factsheet without a file
    party_b = reverse("party-feed", kwargs={"slug": world.round.slug, "iso2": world.party_b.code})
    assert entries(client.get(party_b)) == []


def test_a_round_in_preparation_or_an_unknown_one_has_no_feed(client, publications, world):
    assert client.get(reverse("round-feed", kwargs={"slug": "no-such-round"})).status_code == 404
    world.round.status = Round.Status.PREPARATION
    world.round.save()
    assert client.get(reverse("round-feed", kwargs={"slug": world.round.slug})).status_code == 404


def test_a_party_unknown_or_not_monitored_in_the_round_has_no_feed(client, publications):
    world = publications
    for iso2 in ("QQ", world.stranger_party.code):
        url = reverse("party-feed", kwargs={"slug": world.round.slug, "iso2": iso2})
        assert client.get(url).status_code == 404


def test_a_feed_holds_at_most_fifty_entries_in_a_constant_number_of_queries(
    client, publications, django_assert_num_queries
):
    world = publications
    for n in range(60):
        ContributionFactory(
            round=world.round,
            organisation=world.public_comment.organisation,
            created_by=world.member,
            state="acknowledged",
            acknowledged_at=timezone.now() - datetime.timedelta(minutes=n),
            parties=[world.party_a],
        )
    # The round; the replies, the comments and their Parties, the factsheets.
    with django_assert_num_queries(5):
        found = entries(client.get(reverse("round-feed", kwargs={"slug": world.round.slug})))
    assert len(found) == 50
    # And the Party (with its languages) and its participation in the round.
    url = reverse("party-feed", kwargs={"slug": world.round.slug, "iso2": world.party_a.code})
    with django_assert_num_queries(8):
        found = entries(client.get(url))
    assert len(found) == 50
