import re

import pytest
from playwright.sync_api import Page, expect

from submissions.models import Answer, Reply
from tests.browser.pages import wait_for_htmx
from tests.factories import FocalPointFactory, QuestionFactory, QuestionnaireFactory, ReplyFactory

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]


def test_a_focal_point_fills_two_answers_is_told_what_is_missing_marks_it_and_submits(
    live_server, page: Page
):
    reply = ReplyFactory()
    questionnaire = QuestionnaireFactory(round=reply.round)
    QuestionFactory(
        questionnaire=questionnaire, number="1", text_en="How are children informed of the risks?"
    )
    QuestionFactory(
        questionnaire=questionnaire, number="2", text_en="Which offences cover self-generated images?"
    )
    QuestionFactory(questionnaire=questionnaire, number="3", text_en="How many victims were identified?")
    FocalPointFactory(party=reply.party, user__username="focal-journey", user__password="pass-word-123")

    page.goto(f"{live_server.url}/en/accounts/login/")
    page.get_by_label("Username").fill("focal-journey")
    page.get_by_label("Password").fill("pass-word-123")
    page.get_by_role("button", name="Log in").click()

    page.get_by_role("link", name="My Party's replies").click()
    expect(page.get_by_text("0 of 3 answered")).to_be_visible()
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
    # Submitting is refused while question 3 has neither an answer nor the mark; the page links to it
    page.get_by_role("link", name="Submit the reply…").click()
    expect(page.get_by_text("2 of 3 questions are answered.")).to_be_visible()
    expect(page.get_by_role("heading", name="1 required question has no answer")).to_be_visible()
    expect(page.get_by_role("button", name="Submit the reply")).to_have_count(0)
    page.get_by_role("link", name="Question 3").click()

    # The focal point marks it "no information available", says why, and submits
    wait_for_htmx(page)
    third = page.locator("#q-3")
    expect(third).to_be_in_viewport()
    third.get_by_label("No information available").check()
    expect(third.get_by_role("status")).to_contain_text("(version 1)")
    third.get_by_role("textbox").fill("No central register of victims is kept.")
    expect(third.get_by_role("status")).to_contain_text("(version 2)")
    page.get_by_role("link", name="Submit the reply…").click()
    expect(page.get_by_text("3 of 3 questions are answered.")).to_be_visible()
    expect(page.get_by_text("1 of them is marked “no information available”.")).to_be_visible()
    page.get_by_role("button", name="Submit the reply").click()

    expect(page.get_by_text("The reply has been submitted.")).to_be_visible()
    expect(page.get_by_text("Submitted", exact=True)).to_be_visible()
    reply.refresh_from_db()
    assert reply.state == Reply.State.SUBMITTED
    answers = Answer.objects.filter(reply=reply).values_list("question__number", "version", "no_information")
    assert sorted(answers) == [("1", 2, False), ("2", 1, False), ("3", 2, True)]
    assert (
        Answer.objects.get(reply=reply, question__number="3").text
        == "No central register of victims is kept."
    )
