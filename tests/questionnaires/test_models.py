import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from questionnaires.models import Question, Questionnaire
from tests.factories import QuestionFactory, QuestionnaireFactory, RoundFactory

pytestmark = pytest.mark.django_db


def test_a_duplicate_question_number_is_refused_and_nothing_is_written():
    questionnaire = QuestionnaireFactory()
    QuestionFactory(questionnaire=questionnaire, number="6.1", text_en="Original")
    with pytest.raises(IntegrityError), transaction.atomic():
        QuestionFactory(questionnaire=questionnaire, number="6.1", text_en="Duplicate")
    assert list(questionnaire.questions.values_list("text_en", flat=True)) == ["Original"]


def test_the_same_number_may_appear_in_another_questionnaire():
    QuestionFactory(number="1")
    QuestionFactory(number="1")
    assert Question.objects.filter(number="1").count() == 2


def test_a_round_has_one_questionnaire():
    round_ = RoundFactory()
    QuestionnaireFactory(round=round_)
    with pytest.raises(IntegrityError), transaction.atomic():
        QuestionnaireFactory(round=round_)
    assert Questionnaire.objects.filter(round=round_).count() == 1


def test_a_subpart_is_numbered_under_its_question():
    parent = QuestionFactory(number="6")
    stray = Question(
        questionnaire=parent.questionnaire,
        parent=parent,
        number="7.1",
        position=9,
        kind="monitoring",
        theme="protection",
        text_en="x",
        text_fr="x",
    )
    with pytest.raises(ValidationError) as refused:
        stray.full_clean()
    assert "numbered 6." in str(refused.value)


@pytest.mark.parametrize("number", ["6", "6.1", "6.1.a", "12.3"])
def test_question_numbers_with_subparts_are_accepted(number):
    question = QuestionFactory.build(questionnaire=QuestionnaireFactory(), number=number)
    question.full_clean()


@pytest.mark.parametrize("number", ["6.", "a", "6.1.A", "6-1"])
def test_malformed_question_numbers_are_refused(number):
    question = QuestionFactory.build(questionnaire=QuestionnaireFactory(), number=number)
    with pytest.raises(ValidationError) as refused:
        question.full_clean()
    assert "number" in refused.value.message_dict
