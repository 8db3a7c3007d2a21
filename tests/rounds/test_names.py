"""Party names as readers write them (with their article, after "of", in French and English), the order
readers sort them in, and dates with the French "1er"."""

import datetime
import html

import pytest
from django.apps import apps as current_apps
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.template import Context, Template
from django.urls import reverse
from django.utils import translation

from core.dates import date_display
from demo.data.parties import PARTIES
from rounds.models import Party
from rounds.names import KNOWN_FORMS, sorted_by_name
from tests.factories import PartyFactory

NAMES = {party["code"]: (party["name_en"], party["name_fr"]) for party in PARTIES}


def party(code: str) -> Party:
    """A Party as the demo data and the data migration describe it."""
    article_en, article_fr, elided_fr = KNOWN_FORMS[code]
    name_en, name_fr = NAMES[code]
    return Party(
        code=code,
        name_en=name_en,
        name_fr=name_fr,
        article_en=article_en,
        article_fr=article_fr,
        elided_fr=elided_fr,
    )


@pytest.mark.parametrize(
    ("code", "with_article", "of_name"),
    [
        ("DE", "l'Allemagne", "de l'Allemagne"),
        ("LU", "le Luxembourg", "du Luxembourg"),
        ("NL", "les Pays-Bas", "des Pays-Bas"),
        ("FR", "la France", "de la France"),
        ("HU", "la Hongrie", "de la Hongrie"),
        ("AZ", "l'Azerbaïdjan", "de l'Azerbaïdjan"),
        ("MT", "Malte", "de Malte"),
        ("MD", "la République de Moldova", "de la République de Moldova"),
    ],
)
def test_french_names_take_their_article_elided_and_contracted(code, with_article, of_name):
    with translation.override("fr"):
        assert (party(code).name_with_article, party(code).of_name) == (with_article, of_name)


@pytest.mark.parametrize(
    ("code", "with_article", "of_name"),
    [
        ("DE", "Germany", "of Germany"),
        ("NL", "the Netherlands", "of the Netherlands"),
        ("MD", "the Republic of Moldova", "of the Republic of Moldova"),
        ("GB", "the United Kingdom", "of the United Kingdom"),
        ("FR", "France", "of France"),
    ],
)
def test_english_names_take_the_where_english_does(code, with_article, of_name):
    with translation.override("en"):
        assert (party(code).name_with_article, party(code).of_name) == (with_article, of_name)


def test_a_name_without_article_that_begins_with_a_vowel_elides_de():
    israel = Party(code="IL", name_en="Israel", name_fr="Israël", elided_fr=True)
    with translation.override("fr"):
        assert (israel.name_with_article, israel.of_name) == ("Israël", "d'Israël")


def test_every_party_of_the_demo_data_has_its_forms():
    assert set(KNOWN_FORMS) == set(NAMES)


@pytest.mark.django_db
def test_sentences_in_french_use_the_article_forms():
    netherlands = party("NL")
    with translation.override("fr"):
        follow = Template(
            "{% load i18n %}{% blocktranslate with party=party.name_with_article %}"
            "Followers of {{ party }} are e-mailed when one of its replies is published, in any monitoring "
            "round, and a week before civil society's comment window on it closes.{% endblocktranslate %}"
        ).render(Context({"party": netherlands}))
        heading = Template(
            "{% load i18n %}{% blocktranslate with of_party=party.of_name %}Reply {{ of_party }}"
            "{% endblocktranslate %}"
        ).render(Context({"party": party("DE")}))
    assert follow.startswith("Les personnes qui suivent les Pays-Bas reçoivent")
    assert html.unescape(heading) == "Réponse de l'Allemagne"


@pytest.mark.django_db(transaction=True)
def test_the_data_migration_fills_the_forms_of_existing_parties():
    executor = MigrationExecutor(connection)
    executor.migrate([("rounds", "0005_history_of_links")])
    old = executor.loader.project_state([("rounds", "0005_history_of_links")]).apps
    old.get_model("rounds", "Party").objects.create(code="NL", name_en="Netherlands", name_fr="Pays-Bas")
    old.get_model("rounds", "Party").objects.create(code="XX", name_en="Elsewhere", name_fr="Ailleurs")

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())

    netherlands, elsewhere = Party.objects.get(code="NL"), Party.objects.get(code="XX")
    assert (netherlands.article_en, netherlands.article_fr, netherlands.elided_fr) == ("the", "les", False)
    assert (elsewhere.article_en, elsewhere.article_fr, elsewhere.elided_fr) == ("", "", False)
    assert current_apps.get_model("rounds", "Party") is Party


# --- Order --------------------------------------------------------------------------------------------------

ORDER_CODES = ("GB", "RO", "MD", "GR", "GE", "AT")


def test_parties_sort_by_name_as_french_readers_sort_them():
    parties = [party(code) for code in ORDER_CODES]
    with translation.override("fr"):
        assert [p.name for p in sorted_by_name(parties)] == [
            "Autriche",
            "Géorgie",
            "Grèce",
            "République de Moldova",
            "Roumanie",
            "Royaume-Uni",
        ]
        assert sorted(p.name for p in parties) != [p.name for p in sorted_by_name(parties)]  # not raw order


def test_parties_sort_by_name_in_english():
    parties = [party(code) for code in ORDER_CODES]
    with translation.override("en"):
        assert [p.name for p in sorted_by_name(parties)] == [
            "Austria",
            "Georgia",
            "Greece",
            "Republic of Moldova",
            "Romania",
            "United Kingdom",
        ]


@pytest.mark.django_db
def test_the_by_name_filter_orders_a_templates_list():
    for code in ORDER_CODES:
        PartyFactory(code=code, name_en=NAMES[code][0], name_fr=NAMES[code][1])
    template = Template("{% load party_names %}{% for p in parties|by_name %}{{ p.name }};{% endfor %}")
    with translation.override("fr"):
        rendered = template.render(Context({"parties": Party.objects.all()}))
    assert rendered == "Autriche;Géorgie;Grèce;République de Moldova;Roumanie;Royaume-Uni;"


# --- Dates --------------------------------------------------------------------------------------------------

FIRST = datetime.datetime(2018, 4, 1, 14, 5)
ELEVENTH = datetime.date(2018, 4, 11)
FORMATS = "|".join(
    (
        "{{ d|date }}",
        '{{ d|date:"j F Y" }}',
        '{{ d|date:"DATETIME_FORMAT" }}',
        '{{ e|date:"DATE_FORMAT" }}',
        '{{ d|date:"c" }}',
    )
)


def test_french_dates_write_the_first_of_the_month_1er_whatever_the_format():
    with translation.override("fr"):
        rendered = Template(FORMATS).render(Context({"d": FIRST, "e": ELEVENTH}))
        assert date_display(FIRST.date()) == "1er avril 2018"
    assert rendered.split("|") == [
        "1er avril 2018",
        "1er avril 2018",
        "1er avril 2018 14:05",
        "11 avril 2018",
        "2018-04-01T14:05:00",
    ]


def test_english_dates_are_unchanged():
    with translation.override("en"):
        rendered = Template(FORMATS).render(Context({"d": FIRST, "e": ELEVENTH}))
        assert date_display(FIRST.date()) == "1 April 2018"
    assert rendered.split("|")[:4] == ["1 April 2018", "1 April 2018", "1 April 2018, 14:05", "11 April 2018"]


# --- Demo data and admin ------------------------------------------------------------------------------------


def test_the_demo_parties_carry_their_forms_and_the_secretariat_edits_them(secretariat_client):
    assert {p.code: (p.article_en, p.article_fr, p.elided_fr) for p in Party.objects.all()} == KNOWN_FORMS
    netherlands = Party.objects.get(code="NL")

    url = reverse("admin:rounds_party_change", args=[netherlands.pk])
    page = secretariat_client.get(url).content.decode()

    assert '<option value="les" selected>' in page and '<option value="the" selected>' in page
    assert 'name="elided_fr"' in page
