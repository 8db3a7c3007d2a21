"""One definition of "public contributions on a Party" (`civil_society.selectors.public_contributions_on`):
its reply's acknowledged public comments and the acknowledged public replies to the questionnaire that name
it, each counted once however many items or other Parties it has. The status table (page and CSV), the
Party page, both languages' country factsheets, the open data and the API say the same number; so do the
Party page and the question pages about the comments on each question."""

import csv
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from civil_society.models import Contribution
from public.opendata.build import open_data_document
from reports.factsheets import factsheet_render
from reports.refresh import current_versions
from tests.factories import ContributionFactory, ContributionItemFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def counted(world):
    """On Aland (A): the public comment with an item on each of the three questions, and a public reply to
    the questionnaire on A and Borduria (B) with two items. Not counted: the confidential and unacknowledged
    comments (with items) and the public comment of another round."""
    for number in ("1", "2", "3"):
        ContributionItemFactory(contribution=world.public_comment, question=world.questions[number])
    for contribution in (world.confidential_comment, world.unacknowledged_comment, world.other_comment):
        question = world.other_question if contribution.round_id != world.round.pk else world.questions["1"]
        ContributionItemFactory(contribution=contribution, question=question)
    reply = ContributionFactory(
        round=world.round,
        organisation=world.public_comment.organisation,
        created_by=world.member,
        kind=Contribution.Kind.QUESTIONNAIRE_REPLY,
        state=Contribution.State.ACKNOWLEDGED,
        acknowledged_at=timezone.now(),
        parties=[world.party_a, world.party_b],
    )
    for number in ("1", "2"):
        ContributionItemFactory(contribution=reply, question=world.questions[number])
    return world


def pdf_text(sheet) -> str:
    with sheet.file.open("rb") as stream:
        return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(stream.read())).pages)


def test_every_surface_counts_the_public_contributions_on_a_party_alike(client, counted):
    world = counted
    slug = world.round.slug

    status_csv = client.get(reverse("round-status-csv", args=[slug])).content.decode("utf-8-sig")
    by_code = {row[1]: row for row in csv.reader(io.StringIO(status_csv))}
    column = next(iter(csv.reader(io.StringIO(status_csv)))).index("Public contributions")
    assert (by_code["ZA"][column], by_code["ZB"][column]) == ("2", "1")

    status_page = client.get(reverse("round-status", args=[slug]))
    rows = {row.party.code: row.contributions for row in status_page.context["rows"]}
    assert (rows["ZA"], rows["ZB"]) == (2, 1)

    party_page = client.get(reverse("party-reply", args=[slug, "ZA"])).content.decode()
    assert "2 public contributions." in party_page  # it said "4 public comments.", one per item

    english = factsheet_render(round=world.round, kind="country", party=world.party_a, language="en")
    french = factsheet_render(round=world.round, kind="country", party=world.party_a, language="fr")
    assert "2 public contributions from civil society" in pdf_text(english)
    assert "2 contributions publiques de la société civile" in pdf_text(french)
    # The refresh reckons with the same count, so a rendered factsheet is current.
    assert current_versions(world.round)[("country", "ZA")] == english.data_version == french.data_version

    document = open_data_document(round=world.round)
    on = {code: sum(code in row["parties"] for row in document["contributions"]) for code in ("ZA", "ZB")}
    assert on == {"ZA": 2, "ZB": 1}

    for code, expected in (("ZA", 2), ("ZB", 1)):
        api = client.get(f"/api/v1/rounds/{slug}/comments/", {"party": code}).json()
        assert api["count"] == expected


def test_the_party_page_and_the_question_page_count_comments_per_question_alike(client, counted):
    world = counted
    slug = world.round.slug
    party_page = client.get(reverse("party-reply", args=[slug, "ZA"])).content.decode()
    question_page = client.get(reverse("question-compare", args=[slug, "1"])).content.decode()

    q1 = party_page.split('id="q-1"', 1)[1].split('id="q-2"', 1)[0]
    assert "Civil society on question 1: 1 comment<" in q1  # the reply to the questionnaire is apart
    aland = question_page.split('id="party-ZA"', 1)[1].split("</section>", 1)[0]
    assert "1 public comment<" in aland
