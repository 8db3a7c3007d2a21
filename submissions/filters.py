"""Filters of a round's replies (`GET rounds/{slug}/replies/`)."""

import django_filters as filters

from core.languages import OfficialLanguage
from rounds.filters import party_filter, updated_since_filter

from .models import Reply


class ReplyFilter(filters.FilterSet):
    party = party_filter()
    state = filters.ChoiceFilter(
        choices=Reply.State.choices, help_text="Replies in this state (the public sees published ones only)."
    )
    language = filters.ChoiceFilter(
        choices=OfficialLanguage.choices, help_text="Replies written in this official language."
    )
    updated_since = updated_since_filter()

    class Meta:
        model = Reply
        fields = ["party", "state", "language", "updated_since"]
