"""A Party's follow-up page on a phone (390 px) and a desktop, in English and French: nothing scrolls
sideways or clips (the items are stacked cards), and axe-core finds no WCAG 2.1 AA violation."""

import datetime
from types import SimpleNamespace

import pytest
from playwright.sync_api import Browser

from followup.services import exercise_create
from tests.browser.test_layout import Visitor
from tests.followup.conftest import make_followup_world
from tests.followup.test_public import _assess

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]


def test_the_party_follow_up_page_fits_a_phone_and_is_accessible(browser: Browser, live_server):
    world = make_followup_world()
    follow_up = exercise_create(
        round=world.round, report=world.report, reply_deadline=datetime.date(2026, 8, 1), by=world.staff
    )
    follow_up.questionnaire_adopted_on = datetime.date(2026, 5, 1)
    follow_up.status = follow_up.Status.REPLIES
    follow_up.save()
    questions = {q.number: q for q in follow_up.questionnaire.questions.all()}
    exercise = SimpleNamespace(round=follow_up, q_r1=questions["1"], q_r3=questions["3"])
    _assess(world, exercise, party=world.party_a, level="not_complied", on=datetime.date(2026, 9, 1))
    _assess(world, exercise, party=world.party_a, level="complied", question=questions["1"])
    path = f"/parties/{world.party_a.code}/follow-up/"

    policed = Visitor(browser, live_server.url, enforce_policy=True)  # and no console error under the policy
    checked = Visitor(browser, live_server.url, enforce_policy=False)  # axe-core is a script of the test's
    try:
        policed.check_layout([path])
        checked.check_accessibility([path])
    finally:
        policed.context.close()
        checked.context.close()
    assert policed.problems == checked.problems == []
