"""A question addressed to some Parties only, in public: a Party's reply page lists the questions asked of
it, and the question's comparison page the Parties it is asked of."""

import datetime
import re
from types import SimpleNamespace

import pytest
from django.urls import reverse

from rounds.models import Round
from submissions.models import Reply
from tests.factories import (
    AnswerFactory,
    PartyFactory,
    QuestionFactory,
    QuestionnaireFactory,
    ReplyFactory,
    RoundFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(db):
    """Question 1 for every Party, 2 for Aland only; Aland and Borduria have published replies."""
    round_ = RoundFactory(slug="round-addressed", number=73, status=Round.Status.EVALUATION)
    questionnaire = QuestionnaireFactory(round=round_)
    q1 = QuestionFactory(questionnaire=questionnaire, number="1", position=1, text_en="Asked of everyone.")
    q2 = QuestionFactory(questionnaire=questionnaire, number="2", position=2, text_en="Asked of Aland alone.")

    def reply(code, name):
        party = PartyFactory(code=code, name_en=name, name_fr=name)
        published = {"state": Reply.State.PUBLISHED, "published_on": datetime.date(2026, 1, 15)}
        return ReplyFactory(round=round_, party=party, **published)

    aland, borduria = reply("ZA", "Aland"), reply("ZB", "Borduria")
    q2.parties.set([aland.party])
    AnswerFactory(reply=aland, question=q1, text="Aland on one.")
    AnswerFactory(reply=aland, question=q2, text="Aland on two.")
    AnswerFactory(reply=borduria, question=q1, text="Borduria on one.")
    return SimpleNamespace(round=round_, aland=aland, borduria=borduria)


def party_page(client, code: str) -> str:
    return client.get(reverse("party-reply", args=["round-addressed", code])).content.decode()


def compared(client, number: str) -> list[str]:
    page = client.get(reverse("question-compare", args=["round-addressed", number])).content.decode()
    return re.findall(r'<section class="compare-party" id="party-(\w+)"', page)


def test_a_party_s_page_lists_the_questions_asked_of_it(client, world):
    assert "Asked of Aland alone." in party_page(client, "ZA")
    borduria = party_page(client, "ZB")
    assert "Asked of everyone." in borduria and "Asked of Aland alone." not in borduria


def test_the_comparison_page_lists_the_parties_the_question_is_asked_of(client, world):
    assert compared(client, "2") == ["ZA"]
    assert compared(client, "1") == ["ZA", "ZB"]


def test_the_comparison_page_offers_only_those_parties_to_choose(client, world):
    response = client.get(reverse("question-compare", args=["round-addressed", "2"]) + "?party=ZB")
    assert response.status_code == 404
