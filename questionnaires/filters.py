"""Filters of the questions list, and the question-number filter other apps' lists share."""

import django_filters as filters

from rounds.filters import updated_since_filter

from .models import QUESTION_NUMBER, Question, Theme


def question_filter(field_name: str = "question__number", **kwargs) -> filters.CharFilter:
    kwargs.setdefault(
        "help_text", "A question's number, e.g. `6`, `6.1` or `6.1.a` (that question only, not its parts)."
    )
    return filters.CharFilter(field_name=field_name, validators=[QUESTION_NUMBER], max_length=20, **kwargs)


def theme_filter(field_name: str = "theme", **kwargs) -> filters.ChoiceFilter:
    kwargs.setdefault("help_text", "One of the four themes.")
    return filters.ChoiceFilter(field_name=field_name, choices=Theme.choices, **kwargs)


class QuestionFilter(filters.FilterSet):
    question = question_filter(field_name="number")
    kind = filters.ChoiceFilter(
        choices=Question.Kind.choices,
        help_text="Monitoring questions (they lead to recommendations) or capacity-building ones (to "
        "promising practices).",
    )
    theme = theme_filter()
    updated_since = updated_since_filter()

    class Meta:
        model = Question
        fields = ["question", "kind", "theme", "updated_since"]
