from django.db.models import QuerySet

from rounds.models import Round

from .models import Question, Questionnaire


def questions_of(*, round: Round) -> QuerySet[Question]:
    """A round's questions in questionnaire order; questionnaires of visible rounds are public."""
    return Question.objects.filter(questionnaire__round=round).order_by("position")


def questionnaire_of(*, round: Round) -> Questionnaire | None:
    """A round's questionnaire (its title and preliminary remarks), if it has one yet."""
    return Questionnaire.objects.filter(round=round).first()
