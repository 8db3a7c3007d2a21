"""Parties' reservations and declarations, public treaty facts: on the Party's page, beside the answers to a
question citing the article they are on (Question 10 of the 2nd round asks about reservations to 20§3), in
the API's Parties; in the reader's language, and the cached pages follow their changes."""

import datetime
from types import SimpleNamespace

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from rest_framework.test import APIClient

from rounds.models import PartyStatement, Round
from submissions.models import Reply
from tests.factories import (
    AnswerFactory,
    ParticipationFactory,
    PartyFactory,
    QuestionFactory,
    QuestionnaireFactory,
    ReplyFactory,
    RoundFactory,
)

pytestmark = pytest.mark.django_db

ALAND, BORDURIA, CARPANIA, DALMATIA = (
    "ALAND-RESERVATION-20-3",
    "BORDURIA-DECLARATION-18-2",
    "CARPANIA-RESERVATION-20",
    "DALMATIA-RESERVATION-24-3",
)


@pytest.fixture
def world(db):
    """Questions 1 (Article 6), 10 (20§3) with 10.1 (18§2, 20§3), 11 (18§1.b). Aland (reservation to 20§3),
    Borduria (declaration on 18§2) and Dalmatia (reservation to 24§3) published; Carpania (reservation to
    the whole of Article 20) monitored without a reply."""
    round_ = RoundFactory(slug="round-statements", number=81, status=Round.Status.EVALUATION)
    questionnaire = QuestionnaireFactory(round=round_)
    questions = {}
    layout = (("1", "6", None), ("10", "20§3", None), ("10.1", "18§2, 20§3", "10"), ("11", "18§1.b", None))
    for position, (number, articles, parent) in enumerate(layout, start=1):
        questions[number] = QuestionFactory(
            questionnaire=questionnaire,
            number=number,
            position=position,
            articles=articles,
            parent=questions.get(parent),
        )

    def published(code: str, name: str):
        party = PartyFactory(code=code, name_en=name, name_fr=name)
        reply = ReplyFactory(
            round=round_, party=party, state=Reply.State.PUBLISHED, published_on=datetime.date(2026, 1, 15)
        )
        for number in ("1", "10", "11"):
            AnswerFactory(reply=reply, question=questions[number], text=f"{name} on {number}.")
        return party

    aland, borduria, dalmatia = (
        published("ZA", "Aland"),
        published("ZB", "Borduria"),
        published("ZD", "Dalmatia"),
    )
    carpania = ParticipationFactory(
        round=round_, party=PartyFactory(code="ZC", name_en="Carpania", name_fr="Carpanie")
    ).party
    for party, kind, article, text in (
        (aland, "reservation", "20§3", ALAND),
        (borduria, "declaration", "18§2", BORDURIA),
        (carpania, "reservation", "20", CARPANIA),
        (dalmatia, "reservation", "24§3", DALMATIA),
    ):
        PartyStatement.objects.create(
            party=party, kind=kind, article=article, text_en=f"{text}-EN", text_fr=f"{text}-FR"
        )
    return SimpleNamespace(round=round_, aland=aland, borduria=borduria, carpania=carpania, dalmatia=dalmatia)


def party_page(client, world, party, language: str = "en") -> str:
    path = reverse("party-reply", args=[world.round.slug, party.code]).replace("/en/", f"/{language}/", 1)
    response = client.get(path)
    assert response.status_code == 200
    return response.content.decode()


def compare_page(client, world, number: str, language: str = "en") -> str:
    path = reverse("question-compare", args=[world.round.slug, number]).replace("/en/", f"/{language}/", 1)
    response = client.get(path)
    assert response.status_code == 200
    return response.content.decode()


def party_section(page: str, code: str) -> str:
    start = page.index(f'id="party-{code}"')
    end = page.find('class="compare-party"', start + 1)
    return page[start : end if end != -1 else len(page)]


# --- The Party's page ------------------------------------------------------------------------------------


def test_the_party_page_lists_its_reservations_and_notes_them_beside_the_questions_citing_them(client, world):
    page = party_page(client, world, world.aland)

    assert 'id="statements"' in page and f"{ALAND}-EN" in page
    assert "Reservation" in page and "Article 20§3" in page
    # Beside questions 10 and 10.1 (which cite 20§3), not beside 1 or 11.
    note = f'href="#statement-{PartyStatement.objects.get(party=world.aland).pk}"'
    assert page.count(note) == 2
    question_10 = page[page.index('id="q-10"') : page.index('id="q-10.1"')]
    question_1 = page[page.index('id="q-1"') : page.index('id="q-10"')]
    assert note in question_10 and note not in question_1
    for other in (BORDURIA, CARPANIA, DALMATIA):
        assert other not in page


def test_the_party_page_reads_the_statements_in_french(client, world):
    page = party_page(client, world, world.aland, "fr")

    assert "Réserves et déclarations" in page and f"{ALAND}-FR" in page and f"{ALAND}-EN" not in page
    assert "Réserve à l'article 20§3" in page


def test_a_party_without_a_published_reply_shows_its_statements(client, world):
    page = party_page(client, world, world.carpania)

    assert "Not published yet" in page and f"{CARPANIA}-EN" in page


def test_a_party_without_statements_has_no_such_section(client, world):
    PartyStatement.objects.filter(party=world.aland).delete()

    page = party_page(client, world, world.aland)

    assert 'id="statements"' not in page and "statement-note" not in page


def test_a_changed_statement_shows_at_once_on_the_cached_page(client, world):
    party_page(client, world, world.aland)
    statement = PartyStatement.objects.get(party=world.aland)
    statement.text_en = "WITHDRAWN-IN-PART"
    statement.save()

    assert "WITHDRAWN-IN-PART" in party_page(client, world, world.aland)


# --- The comparison of a question ------------------------------------------------------------------------


def test_question_10_shows_each_partys_statements_on_the_articles_it_and_its_subparts_cite(client, world):
    page = compare_page(client, world, "10")

    aland, borduria = party_section(page, "ZA"), party_section(page, "ZB")
    assert f"{ALAND}-EN" in aland and "Reservations and declarations on the articles cited" in aland
    assert f"{ALAND}-EN" in aland.split("answer-ZA-10")[0]  # before, beside its answers
    assert f"{BORDURIA}-EN" in borduria  # 10.1 cites 18§2
    assert f"{DALMATIA}-EN" not in page  # 24§3 is cited by no question shown
    # Carpania has no published reply: its reservation to the whole of Article 20 is under its name.
    unpublished = page[page.index('id="compare-unpublished"') :]
    assert "Carpania" in unpublished and f"{CARPANIA}-EN" in unpublished


def test_question_10_reads_the_statements_in_french(client, world):
    page = compare_page(client, world, "10", "fr")

    assert f"{ALAND}-FR" in page and f"{ALAND}-EN" not in page and "Réserve" in page


@pytest.mark.parametrize("number", ["1", "11"])
def test_a_question_citing_no_article_of_a_statement_shows_none(client, world, number):
    page = compare_page(client, world, number)

    assert "party-statement" not in page
    for text in (ALAND, BORDURIA, CARPANIA, DALMATIA):
        assert text not in page


def test_the_statements_cost_one_query_and_only_when_the_question_cites_articles(client, world):
    QuestionFactory(questionnaire=world.round.questionnaire, number="12", position=9, articles="")
    compare_page(client, world, "1")  # the data version, kept for the pages below

    with CaptureQueriesContext(connection) as citing_none:
        compare_page(client, world, "12")
    with CaptureQueriesContext(connection) as citing_20_3:
        compare_page(client, world, "10")

    def reading_statements(queries):
        return [query for query in queries.captured_queries if "rounds_partystatement" in query["sql"]]

    assert not reading_statements(citing_none) and len(reading_statements(citing_20_3)) == 1
    assert len(citing_20_3.captured_queries) == len(citing_none.captured_queries) + 1


# --- The API -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_api_lists_each_partys_statements_in_the_language_asked(world, language):
    PartyFactory(code="ZE", name_en="Elbonia")

    response = APIClient().get("/api/v1/parties/", HTTP_ACCEPT_LANGUAGE=language)

    assert response.status_code == 200
    parties = {party["code"]: party for party in response.json()["results"]}
    assert parties["ZA"]["statements"] == [
        {"kind": "reservation", "article": "20§3", "text": f"{ALAND}-{language.upper()}"}
    ]
    assert parties["ZB"]["statements"][0]["kind"] == "declaration"
    assert parties["ZE"]["statements"] == []
