"""The long reply editor and Party page are found one's way around: contents by theme and question, kept in
reach beside the text on a wide screen and folded at the top of a narrow one; the editor's contents show
each question's state and follow the autosave."""

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from questionnaires.models import Theme
from submissions.services import answer_save
from tests.browser.pages import wait_for_htmx
from tests.factories import FocalPointFactory, QuestionFactory, QuestionnaireFactory, ReplyFactory

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]


@pytest.fixture
def editor(live_server, page: Page):
    """A 24-question reply, the first answered and the second marked "no information", its editor open."""
    reply = ReplyFactory()
    questionnaire = QuestionnaireFactory(round=reply.round)
    questions = [
        QuestionFactory(
            questionnaire=questionnaire,
            number=str(n),
            position=n,
            theme=Theme.PREVENTION if n <= 12 else Theme.PROTECTION,
        )
        for n in range(1, 25)
    ]
    focal = FocalPointFactory(party=reply.party, user__username="focal-toc", user__password="pass-word-123")
    answer_save(reply=reply, question=questions[0], by=focal.user, version=None, text="Yes.")
    answer_save(reply=reply, question=questions[1], by=focal.user, version=None, text="", no_information=True)
    page.goto(f"{live_server.url}/en/accounts/login/")
    page.get_by_label("Username").fill("focal-toc")
    page.get_by_label("Password").fill("pass-word-123")
    page.get_by_role("button", name="Log in").click()
    return f"{live_server.url}{reverse('reply-edit', args=[reply.round.slug, reply.party.code])}", questions


def test_the_contents_beside_the_editor_jump_to_a_question_and_follow_its_state(editor, page: Page):
    url, questions = editor
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(url)
    wait_for_htmx(page)
    contents = page.get_by_role("navigation", name="Contents")
    expect(contents.locator("details")).to_have_attribute("open", "")
    expect(contents.locator(f"#toc-state-{questions[0].pk}")).to_have_text("answered")
    expect(contents.locator(f"#toc-state-{questions[1].pk}")).to_have_text("no information")
    expect(contents.locator(f"#toc-state-{questions[19].pk}")).to_have_text("missing")

    contents.get_by_role("link", name="20 What measures").click()
    target = page.locator("#q-20")
    expect(target).to_be_in_viewport()
    # The contents stay in reach while the page has scrolled far down
    expect(contents).to_be_in_viewport()

    target.get_by_role("textbox").fill("Through the school curriculum.")
    expect(target.get_by_role("status")).to_contain_text("(version 1)")
    expect(contents.locator(f"#toc-state-{questions[19].pk}")).to_have_text("answered")

    page.reload()
    expect(page.locator(f"#toc-state-{questions[19].pk}")).to_have_text("answered")


def test_on_a_phone_the_contents_are_folded_at_the_top_and_reached_back_from_each_theme(editor, page: Page):
    url, questions = editor
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(url.replace("/en/", "/fr/"))
    wait_for_htmx(page)
    contents = page.get_by_role("navigation", name="Sommaire")
    expect(contents.get_by_role("link", name="13 Quelles mesures")).to_be_hidden()

    contents.get_by_text("Sommaire").click()
    expect(contents.locator(f"#toc-state-{questions[0].pk}")).to_have_text("répondue")
    contents.get_by_role("link", name="13 Quelles mesures").click()
    expect(page.locator("#q-13")).to_be_in_viewport()

    page.get_by_role("link", name="Retour au sommaire").last.click()
    expect(contents.get_by_role("link", name="13 Quelles mesures")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
