"""From the Rapporteur's desk to the adopted report: the Rapporteur opens the question's workspace, starts
observations, quotes a published answer, writes and tables them; another member comments; the Secretariat
puts them on a meeting's agenda, records the decision and adopts the report drafted from them; a reader
opens the report and follows a recommendation to its evidence. The confidential contribution the
Rapporteur read never reaches the reader. axe-core checks each page."""

import datetime
import re

import pytest
from playwright.sync_api import Browser, Page, expect

from evaluation import services
from evaluation.models import Observation
from tests.browser.pages import accessibility_violations
from tests.evaluation.conftest import make_evaluation_world

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]


def accessible(page: Page) -> None:
    assert accessibility_violations(page) == [], page.url


def log_in(page: Page, base: str, username: str) -> None:
    page.goto(f"{base}/en/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill("pass-word-123")
    page.get_by_role("button", name="Log in").click()


def test_from_the_workspace_to_the_adopted_report(live_server, page: Page, browser: Browser):
    world = make_evaluation_world()
    for user in (world.rapporteur, world.member):
        user.set_password("pass-word-123")
        user.save()
    base = live_server.url

    # The Rapporteur's desk, then the workspace of Question 1: both Parties' answers and the confidential
    # contribution, marked as such.
    log_in(page, base, "member-a")
    page.get_by_role("link", name="Evaluation", exact=True).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Evaluation")
    accessible(page)
    page.get_by_role("link", name="Question 1", exact=True).first.click()
    expect(page.get_by_text("Our law defines self-generated material since 2019.")).to_be_visible()
    expect(page.get_by_text("Confidential — addressed to the Committee").first).to_be_visible()
    accessible(page)

    workspace = page.url
    page.get_by_role("button", name="Start").click()
    expect(page.get_by_label("Text of the observations")).to_be_visible()
    observation = Observation.objects.get()

    # Quote a passage of Party A's answer into the observations.
    page.goto(workspace)
    quote = page.locator("details.eval-quote", has=page.locator(f"#passage-answer-{world.answer_a1.pk}"))
    quote.locator("summary").click()
    quote.get_by_label("Passage to quote").fill("defines self-generated material")
    quote.get_by_role("button", name="Quote").click()

    # Write, save and table the observations.
    page.goto(f"{base}/en/rounds/{world.round.slug}/evaluation/observations/{observation.pk}/")
    page.get_by_label("Text of the observations").fill("<p>Most Parties define it [1].</p>")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("The observations are saved.")).to_be_visible()
    expect(page.locator("#citations")).to_contain_text("defines self-generated material")
    accessible(page)
    page.get_by_role("button", name="Table for a meeting").click()
    observation.refresh_from_db()
    assert observation.state == Observation.State.TABLED and observation.version == 1

    # Another member reads and comments, and may not edit.
    other = browser.new_context(bypass_csp=True).new_page()  # axe-core is the test's own script
    log_in(other, base, "member-b")
    other.goto(f"{base}/en/rounds/{world.round.slug}/evaluation/observations/{observation.pk}/")
    expect(other.get_by_text("Most Parties define it [1].")).to_be_visible()
    expect(other.get_by_label("Text of the observations")).to_have_count(0)
    other.get_by_label("Your comment").fill("Add the 2024 figures.")
    other.get_by_role("button", name="Comment").click()
    expect(other.get_by_text("Add the 2024 figures.")).to_be_visible()
    accessible(other)
    other.close()

    # The Secretariat's part is the admin's (tested there): the meeting, the decision, the report.
    meeting = services.meeting_create(
        number=31,
        place="online",
        starts_on=datetime.date(2026, 3, 29),
        ends_on=datetime.date(2026, 4, 1),
        by=world.staff,
    )
    item = services.agenda_item_add(
        meeting=meeting,
        kind="observation",
        title="Observations on Question 1",
        observation=observation,
        by=world.staff,
    )
    services.agenda_decision_record(item=item, decision="Examined; Chapter I follows them.", by=world.staff)
    report = services.report_create(
        round=world.round,
        title_en="Implementation report",
        title_fr="Rapport de mise en œuvre",
        by=world.staff,
    )
    chapter = services.chapter_create(
        report=report, number="I", title_en="Legal frameworks", title_fr="Cadres juridiques", by=world.staff
    )
    services.chapter_save(
        chapter=chapter,
        title_en="Legal frameworks",
        title_fr="Cadres juridiques",
        version=0,
        by=world.staff,
        body_en="<p>Most Parties define self-generated material.</p>",
        body_fr="<p>La plupart des Parties le définissent.</p>",
    )
    services.statement_add(
        chapter=chapter,
        kind="recommendation",
        grade="urges",
        title_en="Define self-generated material",
        title_fr="Définir le matériel autoproduit",
        text_en="The Committee urges Party B to define it.",
        text_fr="Le Comité exhorte la Partie B à le définir.",
        by=world.staff,
        questions=[world.q1],
        parties=[world.party_b],
        answers=[world.answer_b1],
    )

    # The meeting's page shows the decision to the Rapporteur.
    page.goto(f"{base}/en/evaluation/meetings/31/")
    expect(page.get_by_text("Examined; Chapter I follows them.")).to_be_visible()
    accessible(page)

    services.report_adopt(
        report=report, meeting=meeting, adopted_on=datetime.date(2026, 3, 31), by=world.staff
    )

    # A reader without an account: the report, its recommendation's anchor, and its evidence.
    reader = browser.new_context(bypass_csp=True).new_page()
    reader.goto(f"{base}/en/rounds/{world.round.slug}/report/")
    expect(reader.get_by_role("heading", level=1)).to_contain_text("Implementation report")
    expect(reader.locator("#r-1")).to_contain_text("Define self-generated material")
    assert "SECRET-CANARY" not in reader.content()
    accessible(reader)
    reader.locator("#r-1").get_by_role("link", name=re.compile(world.party_b.name_en)).first.click()
    expect(reader.get_by_text("No specific provision exists yet.")).to_be_visible()
    reader.goto(f"{base}/fr/rounds/{world.round.slug}/report/")
    expect(reader.locator("#r-1")).to_contain_text("Définir le matériel autoproduit")
    reader.close()
