"""A reader's journey through the public portal on the demo data, with axe-core on every page it opens."""

import re

import pytest
from django.core.management import call_command
from playwright.sync_api import Page, expect

from reports.factsheets import factsheet_render
from submissions.models import Answer, Reply
from tests.browser.pages import accessibility_violations

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]


def accessible(page: Page) -> None:
    assert accessibility_violations(page) == [], page.url


def test_a_reader_finds_compares_searches_and_downloads(live_server, page: Page):
    call_command("seed_demo", "--force", verbosity=0)
    reply = (
        Reply.objects.filter(round__slug="2nd-round", state=Reply.State.PUBLISHED)
        .select_related("party", "round")
        .order_by("party__name_en")
        .first()
    )
    factsheet_render(round=reply.round, kind="country", party=reply.party, language="fr")
    answer = Answer.objects.filter(reply=reply).exclude(text="").select_related("question").first()
    # The answer's rarest long word, with the Party's name (its answers name it): a short list of results.
    words = set(re.findall(r"[A-Za-zÀ-ÿ]{7,}", answer.text)) - {reply.party.name_en}
    word = min(sorted(words), key=lambda w: Answer.objects.filter(reply=reply, text__icontains=w).count())
    query = f"{reply.party.name_en} {word}"

    # The home page, the list of rounds, the round, and its status table sorted by publication date
    page.goto(f"{live_server.url}/en/")
    accessible(page)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Monitoring rounds").click()
    accessible(page)
    page.goto(f"{live_server.url}/en/rounds/2nd-round/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Monitoring round 2")
    accessible(page)
    page.get_by_role("link", name="Status of replies, Party by Party").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Status of replies")
    accessible(page)
    page.get_by_role("columnheader", name="Published").get_by_role("link").click()
    expect(page.get_by_role("columnheader", name="Published")).to_have_attribute("aria-sort", "ascending")
    page.get_by_role("columnheader", name="Published").get_by_role("link").click()
    expect(page.get_by_role("columnheader", name="Published")).to_have_attribute("aria-sort", "descending")
    accessible(page)

    # A Party's reply, then the same page in French
    page.get_by_role("row", name=re.compile(reply.party.name_en)).get_by_role("link").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Reply of {reply.party.name_en}")
    accessible(page)
    page.get_by_role("button", name="Français").click()
    expect(page).to_have_url(re.compile(f"/fr/rounds/2nd-round/parties/{reply.party.code}/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text(reply.party.name_fr)
    accessible(page)

    # One question compared across every Party
    page.locator(f"#q-{answer.question.number}").get_by_role("link", name="Comparer").click()
    expect(page).to_have_url(re.compile(f"/fr/rounds/2nd-round/questions/{answer.question.number}/$"))
    expect(page.locator(f"#party-{reply.party.code}")).to_be_visible()
    accessible(page)

    # Searching a word of the answer lands on it
    page.get_by_role("search").first.get_by_role("searchbox").fill(query)
    page.get_by_role("search").first.get_by_role("searchbox").press("Enter")
    expect(page.locator(".search-hit").first).to_be_visible()
    accessible(page)
    anchor = f"/fr/rounds/2nd-round/parties/{reply.party.code}/#q-{answer.question.number}"
    page.locator(f'.search-hit a[href="{anchor}"]').first.click()
    expect(page).to_have_url(re.compile(re.escape(anchor) + "$"))
    expect(page.locator(f"#q-{answer.question.number}")).to_contain_text(word)

    # The Party's factsheet, downloaded from the library
    page.goto(f"{live_server.url}/fr/factsheets/")
    accessible(page)
    with page.expect_download() as download:
        page.get_by_role("link", name=re.compile(reply.party.name_fr)).first.click()
    path = download.value.path()
    assert download.value.suggested_filename.endswith(".pdf")
    with open(path, "rb") as stream:
        assert stream.read(5) == b"%PDF-"


def test_a_reader_opens_a_civil_society_contribution_from_the_party_page(live_server, page: Page):
    call_command("seed_demo", "--force", verbosity=0)

    # Germany's reply: the facts count its public contributions and lead to them, general part included.
    page.goto(f"{live_server.url}/en/rounds/2nd-round/parties/DE/")
    page.get_by_role("link", name="1 public contribution.").click()
    section = page.locator("#civil-society")
    expect(section).to_be_in_viewport()
    expect(section).to_contain_text("Our counselling partners in Berlin and Hamburg")
    accessible(page)

    # The contribution's own page: who signs it, the Party, the general part, its items by question
    section.get_by_role("link", name="Alpha Child Rights Network (demo)").first.click()
    expect(page).to_have_url(re.compile(r"/en/rounds/2nd-round/contributions/\d+/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Comment by Alpha Child Rights Network (demo)")
    expect(page.locator("#general")).to_contain_text("Our counselling partners in Berlin and Hamburg")
    expect(page.locator("#q-12\\.2")).to_contain_text("dual criminality")
    accessible(page)

    # In French, and back to the question in Germany's reply
    page.get_by_role("button", name="Français").click()
    expect(page).to_have_url(re.compile(r"/fr/rounds/2nd-round/contributions/\d+/$"))
    expect(page.get_by_role("heading", name="Partie générale")).to_be_visible()
    accessible(page)
    page.locator("#q-12\\.2").get_by_role("link", name=re.compile("Question 12.2")).click()
    expect(page).to_have_url(re.compile(r"/fr/rounds/2nd-round/parties/DE/#q-12\.2$"))
