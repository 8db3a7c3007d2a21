"""The follow-up's forms: they parse what a page sends; the services decide whether it may be done."""

from django import forms


class ProposeForm(forms.Form):
    """An assessment proposed from the evaluators' desk, for one Party on one recommendation. The level, the
    reasoning and the language are checked by `assessment_propose`, whose message the desk shows."""

    question = forms.IntegerField()
    party = forms.IntegerField()
    level = forms.CharField(required=False)
    reasoning = forms.CharField(required=False)
    language = forms.CharField(required=False)
