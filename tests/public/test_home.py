"""The home page: what the Committee monitors, the current round and the latest public publications."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from civil_society.services.moderation import contribution_make_confidential
from rounds.models import Round
from rounds.selectors import round_current
from tests.factories import ContributionItemFactory, RoundFactory

pytestmark = pytest.mark.django_db


def test_the_home_page_lists_the_latest_publications_and_nothing_else(client, world):
    ContributionItemFactory(contribution=world.public_comment, question=world.questions["1"])

    page = client.get(reverse("home")).content.decode()

    assert reverse("party-reply", args=[world.round.slug, world.party_a.code]) in page  # A's published reply
    assert world.party_b.name not in page  # B's reply is a draft
    assert world.public_comment.organisation.name in page
    current = round_current(AnonymousUser())
    assert current.label in page and reverse("round-status", args=[current.slug]) in page


def test_comments_made_confidential_leave_the_cached_home_page_at_once(client, world):
    name = world.public_comment.organisation.name  # the author of every comment of the world
    assert name in client.get(reverse("home")).content.decode()

    for public in (world.public_comment, world.other_comment):
        contribution_make_confidential(contribution=public, by=world.staff)

    assert name not in client.get(reverse("home")).content.decode()


def test_the_home_page_reads_in_french(client, world):
    page = client.get("/fr/").content.decode()

    assert "Dernières publications" in page and "Cycle de suivi 53" in page


def test_a_finished_round_is_the_latest_round_not_the_current_one(client):
    round_ = RoundFactory(status=Round.Status.REPLIES)
    assert "Current round" in client.get(reverse("home")).content.decode()

    round_.status = Round.Status.REPORT_ADOPTED
    round_.save()
    page = client.get(reverse("home")).content.decode()
    assert "Latest round" in page and "Current round" not in page
    assert "Dernier cycle" in client.get("/fr/").content.decode()
