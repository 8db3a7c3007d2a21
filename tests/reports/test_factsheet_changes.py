"""Every change a factsheet shows reaches its PDFs in both languages with nobody rendering them by hand: the
beat's refresh marks the English and the French factsheet stale, then renders both again (no debounce
here; tasks run in this process in tests). With the real worker and beat processes:
tests/integration/test_factsheet_refresh.py."""

import io

import pytest
from pypdf import PdfReader

from civil_society.services import (
    contribution_acknowledge,
    contribution_make_confidential,
    contribution_make_public,
    contribution_publicity_consent,
)
from reports.factsheets import factsheet_render
from reports.models import Factsheet
from reports.services import finding_adopt, finding_withdraw
from reports.tasks import factsheets_refresh_task
from submissions.models import Reply
from submissions.services.replies import reply_publish, reply_submit
from tests.factories import FocalPointFactory, answers_complete

from .conftest import create

pytestmark = pytest.mark.django_db

TITLES = {"en": "Train the police in digital evidence", "fr": "Former la police aux preuves numériques"}


@pytest.fixture(autouse=True)
def no_debounce(settings):
    settings.FACTSHEET_REFRESH_DEBOUNCE_SECONDS = 0


def render(world, *, party=None, theme: str = "") -> dict[str, Factsheet]:
    """The Party's country factsheet, or the theme's thematic one, in English and French."""
    kind = "country" if party else "thematic"
    return {
        f"{kind}-{language}": factsheet_render(
            round=world.round, kind=kind, party=party, theme=theme, language=language
        )
        for language in ("en", "fr")
    }


def text(sheet: Factsheet) -> str:
    with sheet.file.open("rb") as stream:
        reader = PdfReader(io.BytesIO(stream.read()))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def refreshed(sheets: dict[str, Factsheet]) -> dict[str, str]:
    """Two runs of the beat's refresh: the first finds the data changed and marks every factsheet stale, the
    second renders them all again. Their PDFs' texts."""
    assert factsheets_refresh_task() == 0
    assert {name: _reloaded(sheet).is_stale for name, sheet in sheets.items()} == dict.fromkeys(sheets, True)

    assert factsheets_refresh_task() == len(sheets)
    assert {name: _reloaded(sheet).is_stale for name, sheet in sheets.items()} == dict.fromkeys(sheets, False)
    return {name: text(sheet) for name, sheet in sheets.items()}


def _reloaded(sheet: Factsheet) -> Factsheet:
    sheet.refresh_from_db()
    return sheet


def test_a_publication_reaches_both_factsheets(world):
    sheets = render(world, party=world.party_b)
    assert "not published yet" in text(sheets["country-en"])
    assert "pas encore publiée" in text(sheets["country-fr"])
    reply = answers_complete(Reply.objects.get(round=world.round, party=world.party_b))
    reply_submit(reply=reply, by=FocalPointFactory(party=world.party_b).user)

    reply_publish(reply=reply, by=world.staff)

    texts = refreshed(sheets)
    assert "Reply published" in texts["country-en"] and "not published yet" not in texts["country-en"]
    assert "Réponse publiée" in texts["country-fr"] and "pas encore publiée" not in texts["country-fr"]


def test_an_acknowledged_comment_reaches_both_factsheets(world):
    sheets = render(world, party=world.party_a)
    assert "1 public contribution from civil society" in text(sheets["country-en"])

    contribution_acknowledge(contribution=world.unacknowledged_comment, by=world.staff)

    texts = refreshed(sheets)
    assert "2 public contributions from civil society" in texts["country-en"]
    assert "2 contributions publiques de la société civile" in texts["country-fr"]


def test_a_comment_made_confidential_leaves_both_factsheets(world):
    sheets = render(world, party=world.party_a)
    assert "1 contribution publique de la société civile" in text(sheets["country-fr"])

    contribution_make_confidential(contribution=world.public_comment, by=world.staff)

    texts = refreshed(sheets)
    assert "0 public contributions from civil society" in texts["country-en"]
    assert "0 contribution publique de la société civile" in texts["country-fr"]


def test_a_comment_made_public_reaches_both_factsheets(world):
    sheets = render(world, party=world.party_a)
    contribution_publicity_consent(contribution=world.confidential_comment, by=world.member)

    contribution_make_public(contribution=world.confidential_comment, by=world.staff)

    texts = refreshed(sheets)
    assert "2 public contributions from civil society" in texts["country-en"]
    assert "2 contributions publiques de la société civile" in texts["country-fr"]


def test_an_adopted_finding_reaches_the_country_and_thematic_factsheets(world):
    sheets = render(world, party=world.party_a) | render(world, theme="prevention")
    finding = create(world, title_en=TITLES["en"], title_fr=TITLES["fr"])  # on A, theme of question 1

    finding_adopt(finding=finding, by=world.staff)

    texts = refreshed(sheets)
    for kind in ("country", "thematic"):
        assert TITLES["en"] in texts[f"{kind}-en"] and TITLES["fr"] in texts[f"{kind}-fr"]


def test_a_withdrawn_finding_leaves_the_country_and_thematic_factsheets(world):
    finding = create(world, title_en=TITLES["en"], title_fr=TITLES["fr"])
    finding_adopt(finding=finding, by=world.staff)
    sheets = render(world, party=world.party_a) | render(world, theme="prevention")
    assert TITLES["fr"] in text(sheets["thematic-fr"])

    finding_withdraw(finding=finding, by=world.staff)

    texts = refreshed(sheets)
    assert not any(TITLES[language] in texts[name] for name in texts for language in TITLES)
    # The theme's last finding withdrawn, its factsheet says so rather than keep showing it.
    assert "No finding adopted on this theme." in texts["thematic-en"]
    assert "Aucun constat adopté sur ce thème." in texts["thematic-fr"]
