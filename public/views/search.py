"""The search page: the form, and a page of results when there is a query. Whoever asks, it shows what the
public sees (public.search reads through the public gates)."""

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from core.viewers import PUBLIC
from questionnaires.models import Question, Theme
from rounds.names import sorted_by_name
from rounds.selectors import parties_list, rounds_visible_to

from .. import search as search_
from ..cache import whole_page_for_readers

TYPE_CHOICES = [
    ("", _("All")),
    (search_.ANSWER, _("State replies")),
    (search_.CONTRIBUTION, _("Civil-society comments")),
    (search_.FINDING, _("Findings of the Committee")),
]


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search for"), required=False, max_length=200)
    round = forms.ChoiceField(label=_("Round"), required=False)
    party = forms.ChoiceField(label=_("Party"), required=False)
    theme = forms.ChoiceField(label=_("Theme"), required=False, choices=[("", _("All")), *Theme.choices])
    kind = forms.ChoiceField(
        label=_("Kind of question"), required=False, choices=[("", _("All")), *Question.Kind.choices]
    )
    type = forms.ChoiceField(label=_("Type"), required=False, choices=TYPE_CHOICES)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.data.get("party"):  # an ISO code in either case
            self.data = self.data.copy()
            self.data["party"] = self.data["party"].upper()
        visible = list(rounds_visible_to(PUBLIC))
        rounds = [(round_.slug, round_.label) for round_ in visible]
        # The demonstration round has no feed: its publications are not news.
        self.with_feeds = {round_.slug for round_ in visible if not round_.demonstration}
        parties = [(party.code, party.name) for party in sorted_by_name(parties_list())]
        self.fields["round"].choices = [("", _("All")), *rounds]
        self.fields["party"].choices = [("", _("All")), *parties]


# Results are read through the public gates whoever searches: one copy per query serves every reader.
@whole_page_for_readers
def search(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET)
    results = None
    if form.is_valid() and form.cleaned_data["q"].strip():
        data = form.cleaned_data
        filters = search_.Filters(
            round=data["round"],
            party=data["party"],
            theme=data["theme"],
            kind=data["kind"],
            type=data["type"],
        )
        results = search_.search(query=data["q"], filters=filters, page=request.GET.get("page"))
    feeds = (
        form.is_valid()
        and form.cleaned_data["round"] in form.with_feeds
        and {"round": form.cleaned_data["round"], "party": form.cleaned_data["party"]}
    )
    return render(request, "public/search.html", {"form": form, "results": results, "feeds": feeds or {}})
