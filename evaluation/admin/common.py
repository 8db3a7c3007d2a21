"""What the evaluation's admin pages share."""

import html
import re

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from civil_society.documents import safe_html
from core.admin_actions import act_on_each
from core.errors import DomainError, NotFound
from rounds.models import Round

from ..models import Meeting
from ..services.observations import confidential_passages


class RefusalShown:
    """Put first among the bases of a ModelAdmin whose saves call services: a refusal the form could not
    foresee (a race, a rule only the service knows) undoes the whole save, which the admin runs in one
    transaction, and is shown as an error on the page opened again. The forms run the services' checks
    first, so that most refusals show beside their field with what was typed kept."""

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except NotFound as error:
            raise Http404 from error
        except DomainError as error:
            self.message_user(request, error.message, messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())


def service_created(obj, created) -> None:
    """The admin's log and redirect name the object the service created, not the form's unsaved copy."""
    obj.pk, obj._state.adding, obj._state.db = created.pk, False, created._state.db


def formset_saved(formset, *, new: list, changed: list) -> None:
    """Tell the admin's change message what the services wrote for an inline formset (`changed`: pairs of
    an object and the names of the fields changed), as the formset's own `save()` would have."""
    formset.new_objects, formset.changed_objects, formset.deleted_objects = new, changed, []


def rendered(text: str) -> str:
    """Stored HTML is sanitised on every write; cleaning it again costs little and trusts no import."""
    return mark_safe(safe_html(text))  # noqa: S308 (sanitised on this line)


def _plain(text: str) -> str:
    return re.sub(r"\s+", " ", html.unescape(strip_tags(text or ""))).strip().casefold()


def quotes_confidential(round: Round, *texts: str) -> bool:
    """Whether the texts quote a passage cited from a confidential contribution (never published)."""
    plain = " ".join(_plain(text) for text in texts)
    return any(_plain(passage) in plain for passage in confidential_passages(round))


class ReadOnlyInline(admin.TabularInline):
    """A list under the object: every column read-only, no row added or removed."""

    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class AdoptionForm(forms.Form):
    """The meeting at which the Committee adopted something, and the day; `outside` refuses another day."""

    outside = ""

    meeting = forms.ModelChoiceField(label=_("Meeting"), queryset=Meeting.objects.order_by("-number"))
    adopted_on = forms.DateField(
        label=_("Adopted on"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("A day of the meeting. Format: YYYY-MM-DD. Empty for today."),
    )

    def clean(self):
        cleaned = super().clean()
        meeting, adopted_on = cleaned.get("meeting"), cleaned.get("adopted_on")
        if meeting and adopted_on and not meeting.starts_on <= adopted_on <= meeting.ends_on:
            self.add_error("adopted_on", self.outside)
        return cleaned


def adoption_action(
    model_admin, request, queryset, *, form_class, adopt, done: str, template: str, listed: dict
):
    """An admin action's intermediate page choosing the meeting and the day, then `adopt(obj, meeting=,
    adopted_on=)` for each object selected, each refusal shown beside the others' success."""
    form = form_class(request.POST if "apply" in request.POST else None)
    if "apply" in request.POST and form.is_valid():
        chosen = {name: form.cleaned_data[name] for name in ("meeting", "adopted_on")}
        act_on_each(
            model_admin, request, queryset, lambda obj: adopt(obj, **chosen), done, level=messages.SUCCESS
        )
        return None
    context = {
        **model_admin.admin_site.each_context(request),
        "title": _("Adopt at a meeting"),
        "opts": model_admin.opts,
        "form": form,
        "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        **listed,
    }
    return TemplateResponse(request, template, context)
