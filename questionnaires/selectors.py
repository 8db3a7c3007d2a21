from django.db.models import QuerySet

from rounds.models import Round

from .models import Question


def questions_of(*, round: Round) -> QuerySet[Question]:
    """A round's questions in questionnaire order; questionnaires of visible rounds are public."""
    return Question.objects.filter(questionnaire__round=round).order_by("position")
