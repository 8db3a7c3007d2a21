import re

import pytest
from playwright.sync_api import Page, expect

from submissions.models import Answer, Reply
from tests.browser.pages import wait_for_htmx
from tests.factories import FocalPointFactory, QuestionFactory, QuestionnaireFactory, ReplyFactory

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]


def test_a_focal_point_fills_two_answers_sees_them_autosaved_and_submits(live_server, page: Page):
    reply = ReplyFactory()
    questionnaire = QuestionnaireFactory(round=reply.round)
    QuestionFactory(
        questionnaire=questionnaire, number="1", text_en="How are children informed of the risks?"
    )
    QuestionFactory(
        questionnaire=questionnaire, number="2", text_en="Which offences cover self-generated images?"
    )
    FocalPointFactory(party=reply.party, user__username="focal-journey", user__password="pass-word-123")

    page.goto(f"{live_server.url}/en/accounts/login/")
    page.get_by_label("Username").fill("focal-journey")
    page.get_by_label("Password").fill("pass-word-123")
    page.get_by_role("button", name="Log in").click()

    page.get_by_role("link", name="My Party's replies").click()
    expect(page.get_by_text("0 of 2 answered")).to_be_visible()
    page.get_by_role("link", name="Write the reply").click()

    wait_for_htmx(page)
    first, second = page.locator("#q-1"), page.locator("#q-2")
    first.get_by_role("textbox").fill("Through the school curriculum from the age of 10.")
    expect(first.get_by_role("status")).to_contain_text(
        re.compile(r"Saved .* by focal-journey \(version 1\)")
    )
    second.get_by_role("textbox").fill("Articles 20 and 21 of the Criminal Code.")
    expect(second.get_by_role("status")).to_contain_text("by focal-journey (version 1)")
    first.get_by_role("textbox").press_sequentially(" And in youth centres.")
    expect(first.get_by_role("status")).to_contain_text("(version 2)")

    page.reload()
    expect(first.get_by_role("textbox")).to_have_value(
        "Through the school curriculum from the age of 10. And in youth centres."
    )
    page.get_by_role("link", name="Submit the reply…").click()
    expect(page.get_by_text("2 of 2 questions are answered.")).to_be_visible()
    page.get_by_role("button", name="Submit the reply").click()

    expect(page.get_by_text("The reply has been submitted.")).to_be_visible()
    expect(page.get_by_text("Submitted", exact=True)).to_be_visible()
    reply.refresh_from_db()
    assert reply.state == Reply.State.SUBMITTED
    assert sorted(Answer.objects.filter(reply=reply).values_list("question__number", "version")) == [
        ("1", 2),
        ("2", 1),
    ]
