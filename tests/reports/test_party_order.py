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
        ("en", ["Aland (ZA)", "Borduria (ZB)", "Georgia (XB)", "Greece (XA)"]),
        ("fr", ["Alande (ZA)", "Bordurie (ZB)", "Géorgie (XB)", "Grèce (XA)"]),
    ],
)
def test_a_thematic_factsheet_lists_the_parties_of_a_finding_by_name(world, language, expected):
    # Codes in the other order than names, so that neither code nor raw character order passes.
    for code, name_en, name_fr in (("XA", "Greece", "Grèce"), ("XB", "Georgia", "Géorgie")):
        ParticipationFactory(
            round=world.round, party=PartyFactory(code=code, name_en=name_en, name_fr=name_fr)
        )
    finding_adopt(finding=create(world, applies_to_all=True, parties=[]), by=world.staff)

    text = text_of(
        factsheet_render(round=world.round, kind="thematic", theme="prevention", language=language)
    )

    flat = text.replace("\n", " ")
    assert all(name in flat for name in expected)
    assert sorted(expected, key=flat.index) == expected
