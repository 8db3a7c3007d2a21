import pytest
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from civil_society.models import Contribution
from civil_society.services import contribution_acknowledge
from submissions.models import Reply
from tests.browser.pages import wait_for_htmx
from tests.factories import (
    AnswerFactory,
    MembershipFactory,
    OrganisationFactory,
    QuestionFactory,
    QuestionnaireFactory,
    ReplyFactory,
    UserFactory,
)

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]

SECRET = "Shelters in the north turn children away at night."


def test_an_ngo_member_comments_confidentially_and_the_public_page_never_shows_it(
    live_server, page: Page, browser: Browser
):
    reply = ReplyFactory(state=Reply.State.PUBLISHED, published_on=timezone.localdate())
    questionnaire = QuestionnaireFactory(round=reply.round)
    QuestionFactory(
        questionnaire=questionnaire, number="1", text_en="How are children informed of the risks?"
    )
    q6 = QuestionFactory(questionnaire=questionnaire, number="6", text_en="Which help lines assist victims?")
    AnswerFactory(reply=reply, question=q6, text="A national help line answers day and night.")
    MembershipFactory(
        organisation=OrganisationFactory(name="Alpha Child Rights"),
        user__username="ngo-journey",
        user__password="pass-word-123",
    )
    party_page = f"{live_server.url}/en/rounds/{reply.round.slug}/parties/{reply.party.code}/"

    page.goto(f"{live_server.url}/en/accounts/login/")
    page.get_by_label("Username").fill("ngo-journey")
    page.get_by_label("Password").fill("pass-word-123")
    page.get_by_role("button", name="Log in").click()

    page.goto(party_page)
    expect(page.get_by_text("A national help line answers day and night.")).to_be_visible()
    page.get_by_role("link", name="Comment on this reply").click()

    # The link chose the comment and the Party; public or confidential is left to the organisation.
    expect(page.get_by_label("A comment on a State reply")).to_be_checked()
    expect(page.get_by_label("Public", exact=True)).not_to_be_checked()
    expect(page.get_by_label("Confidential", exact=True)).not_to_be_checked()
    page.get_by_label("Confidential", exact=True).check()
    page.get_by_role("button", name="Create the draft").click()

    expect(page.locator(".contribution-banner")).to_contain_text("Confidential")
    expect(page.locator(".contribution-banner")).to_contain_text("You can submit until the end of")
    wait_for_htmx(page)
    question = page.locator("#q-6")
    expect(question).to_contain_text("A national help line answers day and night.")
    question.get_by_label("Your comment on question 6").fill(SECRET)
    expect(question.get_by_role("status")).to_contain_text("Saved")

    page.get_by_role("link", name="Submit…").click()
    expect(page.get_by_text("1 question addressed")).to_be_visible()
    page.get_by_role("button", name="Submit the contribution").click()
    expect(page.get_by_text("Your contribution has been submitted.")).to_be_visible()

    contribution = Contribution.objects.get()
    assert (contribution.state, contribution.visibility) == ("submitted", "confidential")
    assert contribution.items.get().text == SECRET
    # Even once the Secretariat acknowledges it, a confidential comment stays off the public page.
    contribution_acknowledge(contribution=contribution, by=UserFactory(is_staff=True))

    anonymous = browser.new_context()
    public = anonymous.new_page()
    public.goto(party_page)
    expect(public.get_by_text("A national help line answers day and night.")).to_be_visible()
    expect(public.get_by_text("0 public contributions.")).to_be_visible()
    assert SECRET not in public.content()
    assert "Alpha Child Rights" not in public.content()
    anonymous.close()
