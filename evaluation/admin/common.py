"""What the evaluation's admin pages share."""

import html
import re

from django.contrib import admin, messages
from django.http import Http404, HttpResponseRedirect
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe

from civil_society.documents import safe_html
from core.errors import DomainError, NotFound
from rounds.models import Round

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
