"""Forms of the contribution pages: they parse what a person typed; the services decide.

Visibility is a required choice with no initial value on a new contribution (DESIGN §2): a form sent
without it comes back with the same message the service gives, and nothing is created.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from rounds.models import Party, Round
from submissions.models import OfficialLanguage

from .models import Contribution, Organisation

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


class ContributionNewForm(forms.Form):
    """A new draft in a round the page has chosen (sent as `round`, read by the view): what it is, about
    which Party or Parties, public or confidential."""

    kind = forms.ChoiceField(
        label=_("Kind of contribution"),
        choices=Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose a comment on a State reply or a reply to the questionnaire.")},
    )
    party = forms.ChoiceField(label=_("Party whose reply you comment on"), required=False)
    parties = forms.MultipleChoiceField(
        label=_("Parties your reply concerns"), required=False, widget=forms.CheckboxSelectMultiple
    )
    visibility = _visibility_field()
    language = _language_field()
    title = forms.CharField(label=_("Title (optional)"), max_length=200, required=False)

    def __init__(self, *args, round: Round, commentable: list[Party], monitored: list[Party], **kwargs):
        super().__init__(*args, **kwargs)
        self.round = round
        self._parties = {party.code: party for party in monitored + commentable}
        self.fields["party"].choices = [("", _("— choose a Party —"))] + [
            (party.code, party.name) for party in commentable
        ]
        self.fields["parties"].choices = [(party.code, party.name) for party in monitored]

    def clean(self) -> dict:
        data = super().clean()
        kind = data.get("kind")
        if kind == Kind.COMMENT and not data.get("party"):
            self.add_error("party", _("Choose the Party whose reply you comment on."))
        if kind == Kind.QUESTIONNAIRE_REPLY and not data.get("parties"):
            self.add_error("parties", _("Choose the Party or Parties your reply concerns."))
        return data

    def chosen_parties(self) -> list[Party]:
        """The Party of a comment, or the Parties of a reply to the questionnaire."""
        data = self.cleaned_data
        codes = [data["party"]] if data["kind"] == Kind.COMMENT else data["parties"]
        return [self._parties[code] for code in codes]

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
