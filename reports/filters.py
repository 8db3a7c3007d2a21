"""Filters of a round's findings and factsheets."""

import django_filters as filters

from questionnaires.filters import question_filter, theme_filter
from rounds.filters import party_filter, updated_since_filter

from .models import Factsheet, Finding
from .selectors import concerning


class FindingFilter(filters.FilterSet):
    party = party_filter(
        method="filter_party",
        help_text="Findings naming this Party, or concerning every Party monitored when it is one of them.",
    )
    question = question_filter(method="filter_question", help_text="Findings resting on this question.")
    theme = theme_filter()
    kind = filters.ChoiceFilter(choices=Finding.Kind.choices, help_text="Findings of this kind.")
    grade = filters.ChoiceFilter(choices=Finding.Grade.choices, help_text="Recommendations of this grade.")
    updated_since = updated_since_filter()

    class Meta:
        model = Finding
        fields = ["party", "question", "theme", "kind", "grade", "updated_since"]

    def filter_party(self, queryset, name, value):
        return concerning(queryset, party_code=value)

    def filter_question(self, queryset, name, value):
        cited = Finding.questions.through.objects.filter(question__number=value)
        return queryset.filter(pk__in=cited.values("finding"))


class FactsheetFilter(filters.FilterSet):
    party = party_filter(help_text="Country factsheets of this Party.")
    theme = theme_filter(help_text="Thematic factsheets of this theme.")
    kind = filters.ChoiceFilter(choices=Factsheet.Kind.choices, help_text="Country or thematic factsheets.")
    language = filters.ChoiceFilter(
        choices=Factsheet.Language.choices, help_text="Factsheets in this language."
    )
    updated_since = updated_since_filter()

    class Meta:
        model = Factsheet
        fields = ["party", "theme", "kind", "language", "updated_since"]
