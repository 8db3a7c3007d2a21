"""The Content-Security-Policy enforced in a real browser: the public pages, the two htmx editors (which
still save as one types), the printable contribution and the admin run without a single violation.

The other journeys inject axe-core past the policy (`bypass_csp`); this one opens its own browser context
in which the policy is enforced, and records every violation the browser reports and every console error.
"""

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import Browser, BrowserContext, Page, expect

from civil_society.models import Organisation
from reports.models import Factsheet
from rounds.models import Round
from submissions.models import Reply
from tests.browser.pages import wait_for_htmx
from tests.factories import (
    AnswerFactory,
    ContributionFactory,
    FocalPointFactory,
    QuestionFactory,
    QuestionnaireFactory,
    ReplyFactory,
)

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]

PASSWORD = "lanzarote-demo"
RECORD_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  const where = `${event.sourceFile}:${event.lineNumber}`;
  window.reportViolation(`${event.effectiveDirective} blocked ${event.blockedURI || "inline"} at ${where}`);
});
"""


class Enforced:
    """A browser context with the policy enforced, and what went wrong in it, page by page."""

    def __init__(self, browser: Browser, base_url: str):
        self.base_url = base_url
        self.problems: list[str] = []
        self.context: BrowserContext = browser.new_context(bypass_csp=False)
        self.context.expose_binding("reportViolation", lambda source, text: self.problems.append(text))
        self.context.add_init_script(RECORD_VIOLATIONS)
        self.page: Page = self.context.new_page()
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda error: self.problems.append(f"page error: {error}"))

    def _console(self, message) -> None:
        if message.type == "error" or "Content Security Policy" in message.text:
            self.problems.append(f"console {message.type}: {message.text}")

    def open(self, path: str) -> Page:
        response = self.page.goto(self.base_url + path)
        assert response is not None and response.ok, (path, response and response.status)
        assert "script-src 'self'" in response.headers["content-security-policy"]
        self.page.wait_for_load_state("load")
        return self.page

    def log_in(self, username: str, password: str = PASSWORD) -> None:
        page = self.open("/en/accounts/login/")
        page.get_by_label("Username").fill(username)
        page.get_by_label("Password").fill(password)
        page.get_by_role("button", name="Log in").click()
        expect(page.get_by_role("button", name=f"Log out ({username})")).to_be_visible()

    def second_factor(self, username: str) -> None:
        """The code the user's authenticator shows now, typed where the log-in led a staff user."""
        device = TOTPDevice.objects.get(user__username=username, confirmed=True)
        code = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift).token()
        expect(self.page.get_by_role("heading", name="Second factor")).to_be_visible()
        self.page.get_by_label("Code").fill(f"{code:06d}")
        self.page.get_by_role("button", name="Verify").click()
        self.page.wait_for_load_state("load")

    def log_out(self) -> None:
        self.open("/en/")
        self.page.get_by_role("button", name="Log out").click()
        expect(self.page.get_by_role("link", name="Log in")).to_be_visible()

    def assert_clean(self) -> None:
        self.page.wait_for_timeout(200)  # violations are reported asynchronously
        assert self.problems == [], self.page.url


@pytest.fixture
def enforced(browser: Browser, live_server):
    session = Enforced(browser, live_server.url)
    yield session
    session.context.close()


def test_public_pages_editors_and_admin_run_under_the_policy_without_a_violation(seeded, enforced: Enforced):
    party = (
        Reply.objects.filter(round__slug="2nd-round", state=Reply.State.PUBLISHED)
        .order_by("party__code")
        .values_list("party__code", flat=True)
        .first()
    )
    for path in (
        "/en/",
        "/en/rounds/",
        "/en/rounds/2nd-round/",
        "/en/rounds/2nd-round/status/",
        f"/en/rounds/2nd-round/parties/{party}/",
        "/en/rounds/2nd-round/questions/6/",
        "/en/search/?q=children",
        "/fr/factsheets/",
    ):
        enforced.open(path)
        enforced.assert_clean()

    # A focal point's editor: htmx loads from the portal's static files and saves as one types.
    reply = ReplyFactory()
    questionnaire = QuestionnaireFactory(round=reply.round)
    QuestionFactory(questionnaire=questionnaire, number="1", text_en="How are children informed?")
    FocalPointFactory(party=reply.party, user__username="focal-csp", user__password=PASSWORD)
    enforced.log_in("focal-csp")
    page = enforced.open(f"/en/rounds/{reply.round.slug}/parties/{reply.party.code}/reply/")
    wait_for_htmx(page)
    page.locator("#q-1").get_by_role("textbox").fill("Through the school curriculum.")
    expect(page.locator("#q-1").get_by_role("status")).to_contain_text("Saved")
    enforced.assert_clean()
    enforced.log_out()

    # An organisation's editor, on a reply published today (its comment window is open), and its
    # printable view, whose inline <style> is admitted by the response's nonce.
    published = ReplyFactory(state=Reply.State.PUBLISHED, published_on=timezone.localdate())
    question = QuestionFactory(questionnaire=QuestionnaireFactory(round=published.round), number="6")
    AnswerFactory(reply=published, question=question, text="A national help line answers day and night.")
    contribution = ContributionFactory(
        round=published.round,
        organisation=Organisation.objects.get(memberships__user__username="ngo-alpha"),
        created_by=get_user_model().objects.get(username="ngo-alpha"),
        parties=[published.party],
    )
    enforced.log_in("ngo-alpha")
    page = enforced.open(f"/en/civil-society/contributions/{contribution.pk}/")
    wait_for_htmx(page)
    page.locator("#q-6").get_by_role("textbox").fill("The help line closes at night in the north.")
    expect(page.locator("#q-6").get_by_role("status")).to_contain_text("Saved")
    enforced.assert_clean()
    page = enforced.open(f"/en/civil-society/contributions/{contribution.pk}/?print=1")
    assert page.evaluate("getComputedStyle(document.body).fontFamily").startswith("Georgia")
    enforced.assert_clean()
    enforced.log_out()

    # The admin: its scripts (prepopulated slug, language tabs, autocomplete, two-list selector) and
    # the factsheet preview, whose own <style> that page alone admits.
    enforced.log_in("secretariat")
    enforced.second_factor("secretariat")
    page = enforced.open("/en/admin/")
    enforced.assert_clean()
    page = enforced.open("/en/admin/rounds/round/add/")
    page.locator("#id_theme_en").press_sequentially("Children in care")
    expect(page.locator("#id_slug")).to_have_value("children-in-care")
    enforced.assert_clean()
    round_ = Round.objects.get(slug="2nd-round")
    enforced.open(f"/en/admin/rounds/round/{round_.pk}/change/")
    enforced.assert_clean()
    enforced.open(f"/en/admin/submissions/reply/{Reply.objects.filter(round=round_).first().pk}/change/")
    enforced.assert_clean()
    enforced.open("/en/admin/civil_society/contribution/")
    enforced.assert_clean()
    page = enforced.open(f"/en/admin/civil_society/contribution/{contribution.pk}/change/")
    enforced.assert_clean()
    page = enforced.open("/en/admin/rounds/focalpoint/add/")
    page.locator(".select2-selection").first.click()
    expect(page.locator(".select2-results__option").first).to_be_visible()
    enforced.assert_clean()
    page = enforced.open("/en/admin/reports/finding/add/")
    expect(page.locator(".selector-available").first).to_be_visible()
    enforced.assert_clean()
    factsheet = Factsheet.objects.create(
        round=round_, kind=Factsheet.Kind.COUNTRY, party=round_.participations.first().party, language="en"
    )
    enforced.open(f"/en/admin/reports/factsheet/{factsheet.pk}/preview/")
    enforced.assert_clean()
    enforced.open(f"/en/admin/reports/factsheet/?round__id__exact={round_.pk}")
    enforced.assert_clean()


def test_an_inline_script_would_be_blocked_and_reported(enforced: Enforced):
    """The recorder works: a script injected into the page's markup is refused and reported."""
    page = enforced.open("/en/")
    page.evaluate(
        """() => { const div = document.createElement("div");
                   div.innerHTML = '<img src="/nothing" onerror="window.ran = true">';
                   document.body.append(div); }"""
    )
    page.wait_for_timeout(300)
    assert page.evaluate("window.ran === undefined")
    assert any(
        "script-src" in problem or "Content Security Policy" in problem for problem in enforced.problems
    )
