"""Every page fits its window, on a desktop (1280 px) and a phone (390 px), in English and in French: the
page never scrolls sideways and no element clips its content or scrolls it sideways (a table included).
The same walk, with the Content-Security-Policy enforced, logs no console error. axe-core then checks the
logged-in journeys against WCAG 2.1 A and AA, as the reader's journey checks the public pages.

One browser context per role; each page is loaded once per language and laid out at both widths.
"""

import io
from pathlib import Path

import docx
import pytest
from django.core.management import call_command
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import Browser, Page, expect

from civil_society.models import Contribution
from submissions.models import Reply
from tests.browser.pages import accessibility_violations
from tests.factories import UserFactory
from tests.submissions.test_word import write

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]

PASSWORD = "lanzarote-demo"
WIDTHS = (1280, 390)
LANGUAGES = ("en", "fr")
# A field scrolls its own value; a 1 px box is text hidden for the eye but kept for screen readers.
OVERFLOWS = """() => {
  const problems = [];
  const page = document.scrollingElement;
  if (page.scrollWidth > window.innerWidth) problems.push(`the page is ${page.scrollWidth} px wide`);
  for (const element of document.body.querySelectorAll("*")) {
    if (["INPUT", "SELECT", "TEXTAREA"].includes(element.tagName) || element.clientWidth <= 1) continue;
    if (getComputedStyle(element).overflowX === "visible") continue;
    if (element.scrollWidth > element.clientWidth + 1) {
      const name = element.tagName.toLowerCase() + (element.className ? "." + element.className : "");
      problems.push(`${name} clips ${element.scrollWidth - element.clientWidth} px`);
    }
  }
  return problems;
}"""


class Visitor:
    """One role's browser context and page, and what went wrong in it."""

    def __init__(self, browser: Browser, base_url: str, *, enforce_policy: bool):
        self.base_url = base_url
        self.context = browser.new_context(bypass_csp=not enforce_policy)
        self.page: Page = self.context.new_page()
        self.problems: list[str] = []
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda error: self.problems.append(f"{self.page.url}: {error}"))

    def _console(self, message) -> None:
        if message.type == "error":
            self.problems.append(f"{self.page.url}: console error: {message.text}")

    def open(self, path: str) -> Page:
        response = self.page.goto(self.base_url + path)
        assert response is not None and response.ok, (path, response and response.status)
        return self.page

    def log_in(self, username: str, password: str = PASSWORD) -> None:
        page = self.open("/en/accounts/login/")
        page.get_by_label("Username").fill(username)
        page.get_by_label("Password").fill(password)
        page.get_by_role("button", name="Log in").click()
        page.wait_for_load_state("load")

    def second_factor(self, username: str) -> None:
        device = TOTPDevice.objects.get(user__username=username, confirmed=True)
        code = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift).token()
        self.page.get_by_label("Code").fill(f"{code:06d}")
        self.page.get_by_role("button", name="Verify").click()
        self.page.wait_for_load_state("load")

    def check_layout(self, paths: list[str]) -> None:
        """Each path (without its language) in both languages, laid out at both widths."""
        for path in paths:
            for language in LANGUAGES:
                self.open(f"/{language}{path}")
                for width in WIDTHS:
                    self.page.set_viewport_size({"width": width, "height": 900})
                    for problem in self.page.evaluate(OVERFLOWS):
                        self.problems.append(f"{width} px /{language}{path}: {problem}")

    def check_accessibility(self, paths: list[str]) -> None:
        for path in paths:
            self.open(f"/en{path}")
            for violation in accessibility_violations(self.page):
                self.problems.append(f"/en{path}: {violation}")


@pytest.fixture
def visitors(browser: Browser, live_server):
    opened: list[Visitor] = []

    def visitor(*, enforce_policy: bool) -> Visitor:
        opened.append(Visitor(browser, live_server.url, enforce_policy=enforce_policy))
        return opened[-1]

    yield visitor
    for each in opened:
        each.context.close()


def public_paths() -> list[str]:
    reply = Reply.objects.filter(round__slug="2nd-round", state=Reply.State.PUBLISHED).order_by("party__code")
    party = reply.values_list("party__code", flat=True).first()
    contribution = Contribution.objects.filter(state=Contribution.State.ACKNOWLEDGED).order_by("pk").first()
    return [
        "/",
        "/rounds/",
        "/rounds/2nd-round/",
        "/rounds/2nd-round/status/",
        f"/rounds/2nd-round/parties/{party}/",
        "/rounds/2nd-round/parties/DK/",  # with its reservation to Article 20§3
        "/rounds/2nd-round/questions/6/",
        "/rounds/2nd-round/questions/10/",  # the Parties' reservations to 20§3 beside their answers
        "/search/?q=children",
        "/factsheets/",
        f"/rounds/2nd-round/contributions/{contribution.pk}/",
        "/rounds/2nd-round/open-data/",
        "/accounts/register/",
        "/accounts/login/",
    ]


def word_preview_path(focal_point: Visitor, editor: str, tmp_path: Path) -> str:
    """The reply's own Word document with question 1 answered, uploaded back: the preview of the change."""
    exported = focal_point.page.request.get(f"{focal_point.base_url}/en{editor}word/").body()
    document = docx.Document(io.BytesIO(exported))
    write(document, "1", "Through the school curriculum from the age of 10.")
    path = tmp_path / "reply.docx"
    document.save(path)
    page = focal_point.open(f"/en{editor}word/import/")
    page.get_by_label("Word document (.docx)").set_input_files(path)
    page.get_by_role("button", name="Read the document").click()
    page.wait_for_url("**/word/import/*/")
    expect(page.get_by_text("Through the school curriculum from the age of 10.").first).to_be_visible()
    return page.url.removeprefix(f"{focal_point.base_url}/en")


def logged_in_journeys(visitor, tmp_path: Path, check) -> list[str]:
    """The focal point's, the organisation's and a staff member's pages, each role in its own context."""
    problems: list[str] = []
    # A Party's draft in the demonstration round, the one collecting replies.
    focal_point = visitor()
    focal_point.log_in("focal-fr")
    editor = "/rounds/demonstration/parties/FR/reply/"
    focal_point.open(f"/en{editor}")
    preview = word_preview_path(focal_point, editor, tmp_path)
    check(focal_point, ["/my-replies/", editor, f"{editor}submit/", f"{editor}word/import/", preview])
    check(focal_point, ["/accounts/", "/accounts/password/", "/accounts/email/"])

    organisation = visitor()
    organisation.log_in("ngo-alpha")
    draft = Contribution.objects.filter(
        organisation__memberships__user__username="ngo-alpha", state=Contribution.State.DRAFT
    ).first()
    contribution = f"/civil-society/contributions/{draft.pk}/"
    check(
        organisation,
        ["/civil-society/", contribution, f"{contribution}submit/", "/civil-society/contributions/new/"],
    )

    # Staff: setting up the second factor, then the code asked at log-in, and the recovery codes.
    UserFactory(username="new-staff", is_staff=True, password=PASSWORD)
    newcomer = visitor()
    newcomer.log_in("new-staff")
    check(newcomer, ["/accounts/two-factor/setup/"])
    secretariat = visitor()
    secretariat.log_in("secretariat")
    check(secretariat, ["/accounts/two-factor/"])
    secretariat.open("/en/accounts/two-factor/")
    secretariat.second_factor("secretariat")
    check(secretariat, ["/accounts/two-factor/recovery-codes/"])

    for each in (focal_point, organisation, newcomer, secretariat):
        problems += each.problems
    return problems


def test_every_page_fits_both_widths_in_both_languages_without_a_console_error(visitors, tmp_path):
    call_command("seed_demo", "--force", verbosity=0)
    reader = visitors(enforce_policy=True)
    reader.check_layout(public_paths())
    problems = reader.problems + logged_in_journeys(
        lambda: visitors(enforce_policy=True), tmp_path, Visitor.check_layout
    )
    assert problems == []


def test_the_logged_in_journeys_have_no_accessibility_violation(visitors, tmp_path):
    call_command("seed_demo", "--force", verbosity=0)
    anonymous = visitors(enforce_policy=False)
    anonymous.check_accessibility(["/accounts/register/"])
    problems = anonymous.problems + logged_in_journeys(
        lambda: visitors(enforce_policy=False), tmp_path, Visitor.check_accessibility
    )
    assert problems == []
