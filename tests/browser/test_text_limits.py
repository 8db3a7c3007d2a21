"""The answer editor counts the characters of an answer near its limit, in the page's language, and the
server refuses a longer answer, saying so in the answer's status."""

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from submissions.models import Answer
from tests.browser.pages import wait_for_htmx
from tests.factories import FocalPointFactory, QuestionFactory, QuestionnaireFactory, ReplyFactory

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]


def test_the_answer_editor_counts_down_near_the_limit_and_a_longer_answer_is_not_saved(
    live_server, page: Page, settings
):
    settings.TEXT_LIMITS = {**settings.TEXT_LIMITS, "text": 100}
    reply = ReplyFactory()
    question = QuestionFactory(questionnaire=QuestionnaireFactory(round=reply.round), number="1")
    FocalPointFactory(party=reply.party, user__username="focal-limits", user__password="pass-word-123")
    page.goto(f"{live_server.url}/en/accounts/login/")
    page.get_by_label("Username").fill("focal-limits")
    page.get_by_label("Password").fill("pass-word-123")
    page.get_by_role("button", name="Log in").click()
    editor = f"{live_server.url}{reverse('reply-edit', args=[reply.round.slug, reply.party.code])}"
    page.goto(editor)
    wait_for_htmx(page)
    answer, counter = page.locator(f"#text-{question.pk}"), page.locator(f"#text-{question.pk}-count")

    answer.fill("a" * 89)
    expect(counter).to_be_hidden()
    answer.fill("a" * 95)
    expect(counter).to_have_text("95 of 100 characters")
    expect(page.locator(f"#status-{question.pk}")).to_contain_text("(version 1)")

    answer.fill("a" * 103)
    expect(counter).to_have_text("103 of 100 characters: 3 too many. Shorten the text to save it.")
    expect(answer).to_have_attribute("aria-invalid", "true")
    expect(page.locator(f"#status-{question.pk}")).to_contain_text(
        "Answer: 103 characters, where at most 100 are accepted."
    )
    assert Answer.objects.get().text == "a" * 95

    page.goto(editor.replace("/en/", "/fr/"))
    expect(page.locator(f"#text-{question.pk}-count")).to_have_text("95 caractères sur 100")
