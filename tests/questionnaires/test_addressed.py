"""`questions_for` and `parties_addressed`: a question naming Parties is asked of them alone, one naming
none of every Party monitored, and a sub-part naming none follows the question above it."""

import pytest
from django.urls import reverse

from questionnaires.selectors import parties_addressed, questions_for, questions_of
from tests.factories import PartyFactory, QuestionFactory, QuestionnaireFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def questionnaire(db):
    """1 for everyone; 2 for A, its sub-parts 2.1 (naming none) and 2.1.a (naming none); 3 for B and C,
    its sub-part 3.1 for C alone."""
    questionnaire = QuestionnaireFactory()
    made = {}
    for position, (number, parent) in enumerate(
        [("1", None), ("2", None), ("2.1", "2"), ("2.1.a", "2.1"), ("3", None), ("3.1", "3")], start=1
    ):
        made[number] = QuestionFactory(
            questionnaire=questionnaire, number=number, position=position, parent=made.get(parent)
        )
    a, b, c = (PartyFactory(code=code) for code in ("ZA", "ZB", "ZC"))
    made["2"].parties.set([a])
    made["3"].parties.set([b, c])
    made["3.1"].parties.set([c])
    questionnaire.parties = {"A": a, "B": b, "C": c}
    questionnaire.made = made
    return questionnaire


def numbers(questionnaire, party: str) -> list[str]:
    return list(
        questions_for(round=questionnaire.round, party=questionnaire.parties[party]).values_list(
            "number", flat=True
        )
    )


def test_each_party_is_asked_its_own_questions(questionnaire):
    assert numbers(questionnaire, "A") == ["1", "2", "2.1", "2.1.a"]
    assert numbers(questionnaire, "B") == ["1", "3"]
    assert numbers(questionnaire, "C") == ["1", "3", "3.1"]


def test_the_questions_of_the_round_are_unchanged(questionnaire):
    assert len(questions_of(round=questionnaire.round)) == 6


def test_the_parties_addressed_per_question_in_one_query(questionnaire, django_assert_num_queries):
    a, b, c = (questionnaire.parties[key].pk for key in "ABC")
    with django_assert_num_queries(1):
        addressed = parties_addressed(round=questionnaire.round)
    by_number = {question.number: addressed[question.pk] for question in questionnaire.made.values()}
    assert by_number == {
        "1": None,
        "2": {a},
        "2.1": {a},
        "2.1.a": {a},
        "3": {b, c},
        "3.1": {c},
    }


def test_the_admin_s_question_form_chooses_the_parties(admin_client, questionnaire):
    question = questionnaire.made["3"]
    response = admin_client.get(reverse("admin:questionnaires_question_change", args=[question.pk]))
    assert response.status_code == 200
    page = response.content.decode()
    assert 'name="parties"' in page and "Leave empty for every Party monitored." in page
