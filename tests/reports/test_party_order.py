"""The Parties a thematic factsheet names under each finding come in the order of the factsheet's language."""

import io

import pytest
from pypdf import PdfReader

from reports.factsheets import factsheet_render
from reports.services import finding_adopt
from tests.factories import ParticipationFactory, PartyFactory

from .conftest import create

pytestmark = pytest.mark.django_db


def text_of(sheet) -> str:
    with sheet.file.open("rb") as stream:
        return "".join(page.extract_text() for page in PdfReader(io.BytesIO(stream.read())).pages)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", ["Aland", "Borduria", "Georgia", "Greece"]),
        ("fr", ["Alande", "Bordurie", "Géorgie", "Grèce"]),
    ],
)
def test_a_thematic_factsheet_lists_the_parties_of_a_finding_by_name(world, language, expected):
    # Codes in the other order than names, so that neither code nor raw character order passes.
    parties = [world.party_a, world.party_b]
    for code, name_en, name_fr in (("XA", "Greece", "Grèce"), ("XB", "Georgia", "Géorgie")):
        parties.append(PartyFactory(code=code, name_en=name_en, name_fr=name_fr))
        ParticipationFactory(round=world.round, party=parties[-1])
    # Named (a finding concerning every Party says so rather than listing them), in the order of the codes.
    finding_adopt(finding=create(world, parties=parties), by=world.staff)

    text = text_of(
        factsheet_render(round=world.round, kind="thematic", theme="prevention", language=language)
    )

    flat = text.replace("\n", " ")
    label = {"en": "Parties defining CSAM in law", "fr": "Parties définissant le matériel d'abus en droit"}
    flat = flat[flat.index(label[language]) :]  # the Parties under the figure, not the evidence above it
    assert all(name in flat for name in expected)
    assert sorted(expected, key=flat.index) == expected
