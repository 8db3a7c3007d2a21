"""A Party's compliance factsheet (`/parties/<code>/follow-up/<lang>.pdf`): a tagged PDF in English and in
French, its language recorded (/Lang), bookmarks from its headings, Noto Sans embedded; the Party's name, the
levels and the adopted reasoning in it, a proposal's never; 404 for another language or a Party asked
nothing; rendered once per data version."""

import datetime
import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from followup.services import assessment_adopt
from tests.followup.test_public import _assess

pytestmark = pytest.mark.django_db


def pdf(client, party, language: str) -> PdfReader:
    response = client.get(reverse("party-follow-up-pdf", args=[party.code, language]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    return PdfReader(io.BytesIO(response.content))


def _text(reader: PdfReader) -> str:
    return "\n".join(page.extract_text() for page in reader.pages)


def _fonts(reader: PdfReader) -> set[str]:
    """The typefaces used, each asserted embedded."""
    names = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            names.add(str(font["/BaseFont"]).split("+")[-1])
            assert "/FontFile2" in font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
    return names


@pytest.fixture
def assessed(world, exercise):
    _assess(world, exercise, party=world.party_a, level="not_complied", reasoning="No law yet.")
    _assess(world, exercise, party=world.party_a, level="complied", question=exercise.q_r1, reasoning="Done.")
    _assess(world, exercise, party=world.party_b, level="complied", adopt=False, reasoning="PROPOSED-ONLY")
    return exercise


@pytest.mark.parametrize(
    ("language", "committee", "level"),
    [("en", "Lanzarote Committee", "Not complied"), ("fr", "Comité de Lanzarote", "Non respectée")],
)
def test_the_factsheet_in_each_language(client, world, assessed, language, committee, level):
    reader = pdf(client, world.party_a, language)

    text = _text(reader)
    assert world.party_a.name_en in text or world.party_a.name_fr in text
    assert committee in text and level in text
    assert "No law yet." in text and "R-1" in text and "R-3" in text
    assert reader.trailer["/Root"]["/Lang"] == language
    assert "/StructTreeRoot" in reader.trailer["/Root"]  # tagged
    name = world.party_a.name_en if language == "en" else world.party_a.name_fr
    assert reader.outline[0].title == name  # the cover's heading, then the sections below it
    fonts = _fonts(reader)
    assert fonts and all(name.startswith("Noto-Sans") for name in fonts), fonts


def test_a_proposal_never_reaches_the_factsheet(client, world, assessed):
    text = _text(pdf(client, world.party_b, "en"))
    assert "Follow-up of the Committee's recommendations" in text.replace("\u2019", "'")
    assert "PROPOSED-ONLY" not in text
    assert "Recommendation R-3" in text


def test_no_factsheet_in_another_language_or_without_a_follow_up(client, world, exercise):
    assert client.get(reverse("party-follow-up-pdf", args=[world.party_a.code, "de"])).status_code == 404
    assert client.get(reverse("party-follow-up-pdf", args=["zz", "en"])).status_code == 404
    exercise.round.status = exercise.round.Status.PREPARATION
    exercise.round.save()
    assert client.get(reverse("party-follow-up-pdf", args=[world.party_a.code, "en"])).status_code == 404


def test_an_adoption_gives_a_new_factsheet(client, world, exercise):
    proposal = _assess(world, exercise, party=world.party_a, level="partially_complied", adopt=False)
    assert "Partially complied" not in _text(pdf(client, world.party_a, "en")).split("Recommendation R-1")[1]

    assessment_adopt(
        assessment=proposal, meeting=world.meeting, adopted_on=datetime.date(2026, 9, 2), by=world.staff
    )

    assert "Partially complied" in _text(pdf(client, world.party_a, "en")).split("Recommendation R-1")[1]
