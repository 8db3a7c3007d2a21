"""The factsheet library's filters: plain GET parameters, so they work without JavaScript and each filtered
list has its own address."""

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from rounds.models import Party

from .models import Factsheet


class FactsheetLibraryForm(forms.Form):
    party = forms.ChoiceField(label=_("Party"), required=False)
    language = forms.ChoiceField(label=_("Language"), required=False)

    def __init__(self, data, *, parties: list[Party]):
        super().__init__(data)
        self.fields["party"].choices = [("", _("All Parties")), *((p.code, p.name) for p in parties)]
        self.fields["language"].choices = [("", _("All languages")), *Factsheet.Language.choices]

    def filtered(self, factsheets: QuerySet[Factsheet]) -> QuerySet[Factsheet]:
        """A Party's country factsheets, or every factsheet; in one language or both. An unknown value is
        shown as an error and filters nothing."""
        self.is_valid()
        chosen = getattr(self, "cleaned_data", {})
        if chosen.get("party"):
            factsheets = factsheets.filter(party__code=chosen["party"])
        if chosen.get("language"):
            factsheets = factsheets.filter(language=chosen["language"])
        return factsheets
