"""The new-contribution form in a browser: each kind shows its own Parties, and only those whose window is
open are offered."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from submissions.models import Reply
from tests.factories import MembershipFactory, OrganisationFactory, ReplyFactory, RoundFactory

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]


def test_the_parties_of_each_kind_are_shown_with_that_kind_only(live_server, page: Page):
    today = timezone.localdate()
    round_ = RoundFactory(civil_society_deadline=today + datetime.timedelta(days=30))
    ReplyFactory(round=round_, state=Reply.State.PUBLISHED, published_on=today, party__name_en="Andorra")
    ReplyFactory(
        round=round_,
        state=Reply.State.PUBLISHED,
        published_on=datetime.date(2025, 1, 15),
        party__name_en="Belgium",
    )
    MembershipFactory(
        organisation=OrganisationFactory(name="Alpha Child Rights"),
        user__username="ngo-new",
        user__password="pass-word-123",
    )
    page.goto(f"{live_server.url}/en/accounts/login/")
    page.get_by_label("Username").fill("ngo-new")
    page.get_by_label("Password").fill("pass-word-123")
    page.get_by_role("button", name="Log in").click()

    page.goto(f"{live_server.url}/en/civil-society/contributions/new/?round={round_.slug}")
    party = page.get_by_label("For a comment: the Party whose published reply you comment on")
    concerns = page.get_by_role("group", name="For a reply to the questionnaire: the Parties it concerns")
    closed = page.locator("#closed-windows")

    expect(party).to_be_visible()
    expect(concerns).to_be_hidden()
    expect(party.locator("option")).to_have_text(["— choose a Party —", "Andorra"])
    expect(closed).to_contain_text("Belgium — closed at the end of 15 March 2025")

    page.get_by_label("A reply to the questionnaire").check()
    expect(concerns).to_be_visible()
    expect(party).to_be_hidden()
    expect(closed).to_be_hidden()

    page.get_by_label("A comment on a State reply").check()
    expect(party).to_be_visible()
    expect(concerns).to_be_hidden()
