"""The adopted report's page in a browser: readable on a phone (390 px) and a desktop, in English and
French, with no sideways scrolling and nothing axe-core finds against WCAG 2.1 AA; a statement's anchor
opens at it."""

import pytest
from playwright.sync_api import Page, expect

from tests.browser.pages import accessibility_violations
from tests.browser.test_layout import OVERFLOWS
from tests.evaluation.conftest import world  # noqa: F401  (the evaluation's world)
from tests.evaluation.report_world import adopt_a_report

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_report_page_fits_a_phone_and_a_desktop(live_server, page: Page, world, language):  # noqa: F811
    adopt_a_report(world)
    url = f"{live_server.url}/{language}/rounds/{world.round.slug}/report/"

    for width in (390, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(url)
        assert page.evaluate(OVERFLOWS) == [], (width, language)
    assert accessibility_violations(page) == [], language

    page.set_viewport_size({"width": 390, "height": 700})
    page.goto(f"{url}#r-1")
    expect(page.locator("#r-1")).to_be_in_viewport()
    page.get_by_role("link", name="R-1").first.click()
    expect(page).to_have_url(f"{url}#r-1")
