"""The evaluation's forms: they parse what a page sends; the services decide whether it may be done."""

from django import forms
from django.utils.translation import gettext_lazy as _


class ObservationStartForm(forms.Form):
    """Begin observations on a question, from its workspace."""

    BY_SECRETARIAT, BY_RAPPORTEUR = "secretariat", "rapporteur"

    title = forms.CharField(label=_("Title"), max_length=200)
    language = forms.ChoiceField(
        label=_("Language"), choices=[("en", _("English")), ("fr", _("French"))], initial="en"
    )
    prepared_by = forms.ChoiceField(
        label=_("Prepared by"),
        choices=[(BY_SECRETARIAT, _("the Secretariat")), (BY_RAPPORTEUR, _("the question's Rapporteur"))],
        required=False,
    )


class QuoteForm(forms.Form):
    """A passage of an answer or of a contribution's item, quoted into one of the writer's observations."""

    passage = forms.CharField(label=_("Passage to quote"), widget=forms.Textarea(attrs={"rows": 3}))
    observation = forms.IntegerField(label=_("Into the observations"))
    answer = forms.IntegerField(required=False, widget=forms.HiddenInput)
    item = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def clean(self):
        data = super().clean()
        if bool(data.get("answer")) == bool(data.get("item")):
            raise forms.ValidationError(_("Quote one answer or one contribution at a time."))
        return data
