"""Filters of a round's contributions (`GET rounds/{slug}/comments/`) and of the organisations."""

import django_filters as filters

from core.languages import OfficialLanguage
from questionnaires.filters import question_filter, theme_filter
from questionnaires.models import Question
from rounds.filters import party_filter, updated_since_filter

from .models import Contribution, ContributionItem, Organisation


class ContributionFilter(filters.FilterSet):
    party = party_filter(field_name="parties__code", help_text="Contributions concerning this Party.")
    question = question_filter(field_name="items__question__number")
    theme = theme_filter(
        method="filter_theme", help_text="Contributions with an item on a question of this theme."
    )
    kind = filters.ChoiceFilter(
        choices=Contribution.Kind.choices,
        help_text="Comments on a State reply, or replies to the questionnaire.",
    )
    visibility = filters.ChoiceFilter(
        choices=Contribution.Visibility.choices,
        help_text="Public or confidential (the public, the Parties and other organisations never see "
        "confidential ones, whatever is asked).",
    )
    state = filters.ChoiceFilter(choices=Contribution.State.choices, help_text="Contributions in this state.")
    language = filters.ChoiceFilter(choices=OfficialLanguage.choices, help_text="Written in this language.")
    updated_since = updated_since_filter()

    class Meta:
        model = Contribution
        fields = ["party", "question", "theme", "kind", "visibility", "state", "language", "updated_since"]

    def filter_theme(self, queryset, name, value):
        items = ContributionItem.objects.filter(question__in=Question.objects.filter(theme=value)).values(
            "contribution"
        )
        return queryset.filter(pk__in=items)


class OrganisationFilter(filters.FilterSet):
    updated_since = updated_since_filter()

    class Meta:
        model = Organisation
        fields = ["updated_since"]
