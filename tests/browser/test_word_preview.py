"""The Word round trip in the browser: a reply with a national language, both texts edited in Word."""

import io

import docx
import pytest
from playwright.sync_api import Browser, expect

from rounds.models import Language
from submissions.models import Answer
from submissions.services import answer_save
from tests.browser.pages import accessibility_violations
from tests.factories import FocalPointFactory, QuestionFactory, QuestionnaireFactory, ReplyFactory

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]

PASSWORD = "pass-word-123"
WIDTH = "() => document.scrollingElement.scrollWidth"


def test_the_preview_puts_the_changes_first_fits_every_width_and_imports_both_languages(
    live_server, browser: Browser, tmp_path
):
    # Given a reply in English and German with four answers
    reply = ReplyFactory()
    reply.national_language = Language.objects.get_or_create(code="de", defaults={"name": "German"})[0]
    reply.save(update_fields=["national_language"])
    questionnaire = QuestionnaireFactory(round=reply.round)
    user = FocalPointFactory(party=reply.party, user__username="focal-word", user__password=PASSWORD).user
    for number in range(1, 5):
        question = QuestionFactory(questionnaire=questionnaire, number=str(number), position=number)
        answer_save(
            reply=reply,
            question=question,
            by=user,
            version=None,
            text=f"Official answer {number}. " * 10,
            national_text=f"Nationale Antwort {number}. " * 10,
        )
    editor = f"{live_server.url}/en/rounds/{reply.round.slug}/parties/{reply.party.code}/reply/"

    context = browser.new_context(viewport={"width": 390, "height": 900}, bypass_csp=True)  # for axe-core
    page = context.new_page()
    page.goto(f"{live_server.url}/en/accounts/login/")
    page.get_by_label("Username").fill("focal-word")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/en/**")

    # When the downloaded document's third answer is rewritten in both languages and uploaded back
    document = docx.Document(io.BytesIO(page.request.get(f"{editor}word/").body()))
    third = document.tables[2]
    third.cell(1, 1).paragraphs[0].text = "A rewritten answer to question 3."
    third.cell(2, 1).paragraphs[0].text = "Eine neue Antwort auf Frage 3."
    path = tmp_path / "reply.docx"
    document.save(path)
    page.goto(f"{editor}word/import/")
    page.get_by_label("Word document (.docx)").set_input_files(path)
    page.get_by_role("button", name="Read the document").click()
    page.wait_for_url("**/word/import/*/")
    preview = page.url

    # Then question 3 comes first with both texts, the others folded, and the page fits both widths
    rows = page.locator("tr[data-number]")
    expect(rows.first).to_have_attribute("data-number", "3")
    expect(rows.first).to_contain_text("Eine neue Antwort auf Frage 3.")
    expect(page.locator("details tr[data-number]")).to_have_count(3)
    expect(page.locator("details tr[data-number]").first).not_to_be_visible()
    for width in (390, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        for language in ("en", "fr"):
            page.goto(preview.replace("/en/", f"/{language}/"))
            assert page.evaluate(WIDTH) <= width, (language, width)
            assert accessibility_violations(page) == [], (language, width)

    # And the button at the top imports both texts
    page.goto(preview)
    page.get_by_role("button", name="Import 1 answer").first.click()
    page.wait_for_url(editor)
    answer = Answer.objects.get(reply=reply, question__number="3")
    assert (answer.text, answer.national_text) == (
        "A rewritten answer to question 3.",
        "Eine neue Antwort auf Frage 3.",
    )
    context.close()
