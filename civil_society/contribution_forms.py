"""Forms of the contribution pages: they parse what a person typed; the services decide.

Visibility is a required choice with no initial value on a new contribution (DESIGN §2): a form sent
without it comes back with the same message the service gives, and nothing is created.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.dates import date_display
from core.languages import OfficialLanguage
from core.text_limits import text_limit
from rounds.models import Party, Round

from .models import Contribution, Organisation
from .selectors import NewContributionChoices
from .windows import Window

Kind, Visibility = Contribution.Kind, Contribution.Visibility

VISIBILITY_MISSING = _("Choose whether the contribution is public or confidential.")


def _visibility_field() -> forms.ChoiceField:
    return forms.ChoiceField(
        label=_("Visibility"),
        choices=Visibility.choices,
        widget=forms.RadioSelect,
        error_messages={"required": VISIBILITY_MISSING, "invalid_choice": VISIBILITY_MISSING},
    )


def _language_field() -> forms.ChoiceField:
    return forms.ChoiceField(
        label=_("Language of the contribution"), choices=OfficialLanguage.choices, widget=forms.RadioSelect
    )


def _last_day(window: Window) -> str:
    return date_display(window.closes_on)


def questionnaire_closed(window: Window) -> str:
    """Why a reply to the questionnaire cannot be started now; empty while its window is open."""
    if window.is_open():
        return ""
    if window.has_closed():
        return _(
            "Replies to the questionnaire were due by the end of %(day)s (midnight, Strasbourg time)."
        ) % {"day": _last_day(window)}
    if window.opens_on:
        return _("Replies to the questionnaire can be started from %(day)s.") % {
            "day": date_display(window.opens_on)
        }
    return _("This round takes no replies to the questionnaire from civil society.")


class ContributionNewForm(forms.Form):
    """A new draft in a round the page has chosen (sent as `round`, read by the view): what it is, about
    which Party or Parties, public or confidential. Only what can still be submitted is offered: a comment
    on a Party whose window is open, a reply to the questionnaire while its window is open."""

    kind = forms.ChoiceField(
        label=_("Kind of contribution"),
        choices=Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose a comment on a State reply or a reply to the questionnaire.")},
    )
    # Checked against the windows in `clean`, for the kind chosen: a list hidden with the other kind is
    # sent all the same, and must not stop the form.
    party = forms.CharField(label=_("Party whose reply you comment on"), required=False, widget=forms.Select)
    parties = forms.MultipleChoiceField(
        label=_("Parties your reply concerns"), required=False, widget=forms.CheckboxSelectMultiple
    )
    visibility = _visibility_field()
    language = _language_field()
    title = forms.CharField(label=_("Title (optional)"), max_length=200, required=False)

    def __init__(self, *args, round: Round, choices: NewContributionChoices, **kwargs):
        super().__init__(*args, **kwargs)
        self.round = round
        self._commentable = {party.code: party for party in choices.commentable}
        self._closed = {party.code: (party, window) for party, window in choices.closed}
        self._monitored = {party.code: party for party in choices.monitored}
        self.questionnaire_closed = questionnaire_closed(choices.questionnaire)
        self.fields["party"].widget.choices = [("", _("— choose a Party —"))] + [
            (party.code, party.name) for party in choices.commentable
        ]
        self.fields["parties"].choices = [(party.code, party.name) for party in choices.monitored]

    def clean_party(self) -> str:
        return self.cleaned_data["party"].strip().upper()

    def clean(self) -> dict:
        data = super().clean()
        kind = data.get("kind")
        if kind == Kind.COMMENT:
            self._check_party(data.get("party"))
        if kind == Kind.QUESTIONNAIRE_REPLY:
            if self.questionnaire_closed:
                self.add_error("kind", self.questionnaire_closed)
            elif not data.get("parties"):
                self.add_error("parties", _("Choose the Party or Parties your reply concerns."))
        return data

    def _check_party(self, code: str | None) -> None:
        if not code:
            self.add_error("party", _("Choose the Party whose reply you comment on."))
        elif code in self._closed:
            party, window = self._closed[code]
            self.add_error(
                "party",
                _(
                    "The window for comments on the reply %(of_party)s closed at the end of %(day)s "
                    "(midnight, Strasbourg time)."
                )
                % {"of_party": party.of_name, "day": _last_day(window)},
            )
        elif code not in self._commentable:
            self.add_error("party", _("Choose a Party whose published reply is open to comments."))

    def chosen_parties(self) -> list[Party]:
        """The Party of a comment, or the Parties of a reply to the questionnaire."""
        data = self.cleaned_data
        if data["kind"] == Kind.COMMENT:
            return [self._commentable[data["party"]]]
        return [self._monitored[code] for code in data["parties"]]

    def creation(self) -> dict:
        """The keyword arguments of `contribution_create` this form supplies."""
        data = self.cleaned_data
        return {
            "round": self.round,
            "kind": data["kind"],
            "parties": self.chosen_parties(),
            "visibility": data["visibility"],
            "language": data["language"],
            "title": data["title"],
        }


class ContributionSettingsForm(forms.Form):
    visibility = _visibility_field()
    language = _language_field()
    title = forms.CharField(label=_("Title (optional)"), max_length=200, required=False)
    general_text = forms.CharField(
        label=_("General part"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "Remarks on the reply or the questionnaire as a whole. Simple HTML is kept; scripts are not."
        ),
    )
    children_involved = forms.BooleanField(label=_("Children took part in drafting"), required=False)
    children_involvement = forms.CharField(
        label=_("How children took part"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The browser stops at the limit; the service refuses a longer text from elsewhere.
        self.fields["children_involvement"].widget.attrs["maxlength"] = text_limit("explanation")


class DocumentForm(forms.Form):
    file = forms.FileField(
        label=_("Word document (.docx)"),
        error_messages={"required": _("Choose a Word (.docx) file to upload.")},
    )


class CoSignerAddForm(forms.Form):
    """Another verified organisation, invited to co-sign."""

    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.none(),
        empty_label=_("— choose an organisation —"),
        error_messages={"required": _("Choose the organisation to invite.")},
    )

    def __init__(self, *args, contribution: Contribution, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = (
            Organisation.objects.filter(verified_at__isnull=False)
            .exclude(pk=contribution.organisation_id)
            .exclude(co_signatures__contribution=contribution)
            .order_by("name")
        )


class InformationAnswerForm(forms.Form):
    answer = forms.CharField(
        label=_("Your answer"),
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={"required": _("Write an answer.")},
    )
