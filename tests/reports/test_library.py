"""The public factsheet library: grouped by round, thematic factsheets before country ones, Parties by name
as readers of the page's language sort them, and filters by Party and language in plain GET parameters."""

import re

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from questionnaires.models import Theme
from reports.models import Factsheet
from rounds.models import Round
from tests.factories import PartyFactory, RoundFactory

pytestmark = pytest.mark.django_db


def sheet(round_, language="en", *, party=None, theme="") -> Factsheet:
    return Factsheet.objects.create(
        round=round_,
        kind=Factsheet.Kind.COUNTRY if party else Factsheet.Kind.THEMATIC,
        party=party,
        theme=theme,
        language=language,
        file=ContentFile(b"%PDF-1.4", name="sheet.pdf"),
        rendered_at=timezone.now(),
        pages=2,
    )


@pytest.fixture
def library(db):
    earlier = RoundFactory(number=61, status=Round.Status.EVALUATION)
    latest = RoundFactory(number=62, status=Round.Status.EVALUATION)
    parties = {
        name_fr: PartyFactory(name_en=name_en, name_fr=name_fr)
        for name_en, name_fr in [
            ("United Kingdom", "Royaume-Uni"),
            ("Greece", "Grèce"),
            ("Romania", "Roumanie"),
            ("Georgia", "Géorgie"),
            ("Republic of Moldova", "République de Moldova"),
        ]
    }
    for party in parties.values():
        sheet(latest, party=party)
        sheet(latest, "fr", party=party)
    sheet(latest, theme=Theme.PROSECUTION)
    sheet(latest, theme=Theme.PREVENTION)
    sheet(latest, "fr", theme=Theme.PREVENTION)
    sheet(earlier, party=parties["Grèce"])
    return parties


def links(page: str) -> list[str]:
    """The factsheets listed, in order, as their link text reads."""
    return [
        " ".join(text.split())
        for text in re.findall(r'<a href="/\w\w/factsheets/\d+/download/"[^>]*>(.*?)</a>', page, re.S)
    ]


def headings(page: str) -> list[str]:
    return [text.strip() for text in re.findall(r"<h[23]>(.*?)</h[23]>", page)]


def test_the_library_groups_by_round_then_thematic_before_country_with_parties_by_name(client, library):
    page = client.get("/en/factsheets/").content.decode()

    assert headings(page) == [
        "Monitoring round 62",
        "Thematic factsheets",
        "Country factsheets",
        "Monitoring round 61",
        "Country factsheets",
    ]
    shown = links(page)
    assert shown[:3] == [
        "Prevention — English (PDF, 2 pages)",
        "Prevention — French (PDF, 2 pages)",
        "Prosecution — English (PDF, 2 pages)",
    ]
    assert [text.split(" — ")[0] for text in shown[3:13:2]] == [
        "Georgia",
        "Greece",
        "Republic of Moldova",
        "Romania",
        "United Kingdom",
    ]
    assert shown[13:] == ["Greece — English (PDF, 2 pages)"]


def test_french_readers_see_parties_in_french_order_in_the_list_and_the_filter(client, library):
    page = client.get("/fr/factsheets/").content.decode()

    french = ["Géorgie", "Grèce", "République de Moldova", "Roumanie", "Royaume-Uni"]
    assert [text.split(" — ")[0] for text in links(page)[3:13:2]] == french
    party_select = re.search(r'<select name="party".*?</select>', page, re.S).group()
    assert re.findall(r'<option value="\w\w">(.*?)</option>', party_select) == french


def test_the_party_filter_lists_that_partys_country_factsheets_in_every_round(client, library):
    greece = library["Grèce"]

    page = client.get("/en/factsheets/", {"party": greece.code}).content.decode()

    assert links(page) == [
        "Greece — English (PDF, 2 pages)",
        "Greece — French (PDF, 2 pages)",
        "Greece — English (PDF, 2 pages)",
    ]
    assert f'<option value="{greece.code}" selected>Greece</option>' in page


def test_the_language_filter_keeps_one_language_and_both_filters_combine(client, library):
    french = links(client.get("/en/factsheets/", {"language": "fr"}).content.decode())
    both = links(
        client.get("/en/factsheets/", {"language": "fr", "party": library["Grèce"].code}).content.decode()
    )

    assert len(french) == 6 and all(text.endswith("French (PDF, 2 pages)") for text in french)
    assert both == ["Greece — French (PDF, 2 pages)"]


def test_an_unknown_filter_value_is_reported_and_filters_nothing(client, library):
    response = client.get("/en/factsheets/", {"party": "ZZ", "language": "de"})

    page = response.content.decode()
    assert response.status_code == 200 and "Select a valid choice." in page
    assert len(links(page)) == 14


def test_a_filter_matching_nothing_says_so(client, library):
    english_only = PartyFactory(name_en="Iceland")
    sheet(Round.objects.get(number=61), party=english_only)

    page = client.get("/en/factsheets/", {"party": english_only.code, "language": "fr"}).content.decode()

    assert links(page) == [] and "No factsheet matches these filters." in page
