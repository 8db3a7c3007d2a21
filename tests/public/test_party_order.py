"""Every list of Parties in the order readers of the page's language sort names (Géorgie before Grèce,
République de Moldova before Roumanie before Royaume-Uni), not by ISO code or raw character value; and the
Party page's sentences with the name's French article."""

import csv
import datetime
import html
import io

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone, translation

from civil_society.contribution_forms import ContributionNewForm
from civil_society.selectors import new_contribution_choices
from demo.data.parties import PARTIES
from public.views.search import SearchForm
from reports.models import Factsheet
from rounds.models import Round
from rounds.names import KNOWN_FORMS
from submissions.models import Reply
from tests.factories import PartyFactory, QuestionnaireFactory, ReplyFactory, RoundFactory

pytestmark = pytest.mark.django_db

NAMES = {party["code"]: (party["name_en"], party["name_fr"]) for party in PARTIES}
CODES = ("GB", "RO", "MD", "GR", "GE", "DE", "AT")  # in neither order
ORDER = {
    "en": ["Austria", "Georgia", "Germany", "Greece", "Republic of Moldova", "Romania", "United Kingdom"],
    "fr": ["Allemagne", "Autriche", "Géorgie", "Grèce", "République de Moldova", "Roumanie", "Royaume-Uni"],
}


@pytest.fixture
def round_(db):
    round_ = RoundFactory(slug="round-order", status=Round.Status.EVALUATION)
    QuestionnaireFactory(round=round_)
    today = timezone.localdate()
    for code in CODES:
        article_en, article_fr, elided_fr = KNOWN_FORMS[code]
        party = PartyFactory(
            code=code,
            name_en=NAMES[code][0],
            name_fr=NAMES[code][1],
            article_en=article_en,
            article_fr=article_fr,
            elided_fr=elided_fr,
        )
        ReplyFactory(round=round_, party=party, state=Reply.State.PUBLISHED, published_on=today)
        for language in ("en", "fr"):
            sheet = Factsheet(
                round=round_, kind="country", party=party, language=language, rendered_at=timezone.now()
            )
            sheet.file.save("sheet.pdf", ContentFile(b"%PDF"), save=True)
    return round_


def order_in(text: str, language: str) -> list[str]:
    """The Party names of `language` as they first appear in `text`."""
    text = html.unescape(text)
    found = [name for name in ORDER[language] if name in text]
    assert found == ORDER[language] or sorted(found) == sorted(ORDER[language]), found
    return sorted(found, key=text.index)


def page(client, name: str, *args, language: str) -> str:
    with translation.override(language):
        url = reverse(name, args=args)
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_status_table_and_its_csv_list_parties_by_name(client, round_, language):
    body = page(client, "round-status", round_.slug, language=language)
    assert order_in(body[body.index("<tbody") :], language) == ORDER[language]

    csv_text = page(client, "round-status-csv", round_.slug, language=language)
    rows = list(csv.reader(io.StringIO(csv_text.lstrip("\ufeff"))))
    assert [row[0] for row in rows[1:]] == ORDER[language]


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_round_page_and_the_factsheet_library_list_country_factsheets_by_name(client, round_, language):
    for body in (
        page(client, "round-detail", round_.slug, language=language),
        page(client, "factsheet-list", language=language),
    ):
        assert order_in(body, language) == ORDER[language]


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_search_dropdown_lists_parties_by_name(round_, language):
    with translation.override(language):
        choices = [label for code, label in SearchForm().fields["party"].choices if code]
    assert choices == ORDER[language]


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_contribution_form_offers_parties_by_name(round_, language):
    with translation.override(language):
        choices = new_contribution_choices(round=round_)
        form = ContributionNewForm(round=round_, choices=choices)
        dropdown = [str(label) for code, label in form.fields["party"].widget.choices if code]
        checkboxes = [label for code, label in form.fields["parties"].choices]
    assert dropdown == checkboxes == ORDER[language]


def test_the_french_party_page_names_the_party_with_its_article(client, round_):
    body = html.unescape(page(client, "party-reply", round_.slug, "DE", language="fr"))
    assert "<h1>Réponse de l'Allemagne</h1>" in body
    assert "Publications concernant l'Allemagne" in body
    assert "Les personnes qui suivent l'Allemagne reçoivent un courriel" in body
    netherlands = PartyFactory(
        code="NL", name_en="Netherlands", name_fr="Pays-Bas", article_en="the", article_fr="les"
    )
    ReplyFactory(
        round=round_, party=netherlands, state=Reply.State.PUBLISHED, published_on=datetime.date.today()
    )
    for language, heading in (
        ("fr", "<h1>Réponse des Pays-Bas</h1>"),
        ("en", "<h1>Reply of the Netherlands</h1>"),
    ):
        assert heading in html.unescape(page(client, "party-reply", round_.slug, "NL", language=language))
