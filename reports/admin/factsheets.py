"""Rendered factsheets in the admin: read-only rows, an HTML preview of each, and rendering on the PDF
workers (again, for chosen factsheets; or every factsheet of a round, the way `render_factsheets` does)."""

import logging

from csp.constants import SELF, UNSAFE_INLINE
from csp.decorators import csp_replace
from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from rounds.models import Round

from ..factsheets import STYLESHEET, factsheet_html, factsheets_due
from ..models import Factsheet
from ..refresh import factsheets_mark_queued
from ..tasks import factsheet_render_task

log = logging.getLogger(__name__)


class RenderRoundForm(forms.Form):
    round = forms.ModelChoiceField(label=_("Round"), queryset=Round.objects.all())


def _queue(round: Round, due, *, force: bool) -> int:
    """Hand the renderings to the PDF workers; returns how many the broker refused, whatever its transport:
    logged and told, never a failed page. Each is recorded as queued first, so the refresh queues again what
    the broker refused or a killed worker left undone (a forced rendering, as an ordinary one)."""
    factsheets_mark_queued(round=round, due=list(due), now=timezone.now())
    refused = 0
    for kind, key, language in due:
        try:
            factsheet_render_task.delay(round.pk, kind, key, language, force)
        except Exception:
            log.warning("Factsheet %s %s %s not queued", kind, key, language, exc_info=True)
            refused += 1
    return refused


def _tell_refused(model_admin: admin.ModelAdmin, request: HttpRequest, refused: int) -> None:
    if refused:
        model_admin.message_user(
            request,
            ngettext(
                "%(count)d factsheet could not be queued: the task queue is unreachable. Try again later.",
                "%(count)d factsheets could not be queued: the task queue is unreachable. Try again later.",
                refused,
            )
            % {"count": refused},
            messages.WARNING,
        )


@admin.register(Factsheet)
class FactsheetAdmin(admin.ModelAdmin):
    list_display = ("subject", "kind", "language", "round", "pages", "rendered_at", "is_stale", "links")
    list_filter = ("round", "kind", "language", "is_stale")
    list_select_related = ("round", "party")
    search_fields = ("party__code", "party__name_en", "party__name_fr", "theme")
    actions = ("render_again",)
    readonly_fields = (
        "round",
        "kind",
        "party",
        "theme",
        "language",
        "pages",
        "rendered_at",
        "sha256",
        "data_version",
        "is_stale",
        "pending_version",
        "stale_since",
        "links",
    )
    exclude = ("file",)

    def has_add_permission(self, request, obj=None) -> bool:
        return False  # factsheets are rendered, not typed

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_render_permission(self, request) -> bool:
        return request.user.has_perm("reports.change_factsheet")

    def get_urls(self):
        own = [
            path(
                "<int:pk>/preview/",
                self.admin_site.admin_view(self.preview),
                name="reports_factsheet_preview",
            ),
            path("render/", self.admin_site.admin_view(self.render_round), name="reports_factsheet_render"),
        ]
        return own + super().get_urls()

    @admin.display(description=_("subject"), ordering="party__code")
    def subject(self, factsheet: Factsheet) -> str:
        return factsheet.party.name if factsheet.party_id else factsheet.get_theme_display()

    @admin.display(description=_("open"))
    def links(self, factsheet: Factsheet) -> str:
        preview = reverse("admin:reports_factsheet_preview", args=[factsheet.pk])
        download = reverse("factsheet-download", kwargs={"pk": factsheet.pk}) if factsheet.file else ""
        return format_html(
            '<a href="{}" target="_blank" rel="noopener">{}</a>{}',
            preview,
            _("HTML preview"),
            format_html(' · <a href="{}">{}</a>', download, _("PDF")) if download else "",
        )

    # The factsheet's template carries its own <style> (page margins and footers for the PDF): the preview,
    # staff-only and showing public data alone, admits inline styles; scripts stay the portal's own files.
    @csp_replace({"style-src": [SELF, UNSAFE_INLINE]})
    def preview(self, request: HttpRequest, pk: int) -> HttpResponse:
        """The factsheet as it would be rendered now, from today's public data."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        factsheet = get_object_or_404(Factsheet.objects.select_related("round", "party"), pk=pk)
        html = factsheet_html(
            round=factsheet.round,
            kind=factsheet.kind,
            party=factsheet.party,
            theme=factsheet.theme,
            language=factsheet.language,
            stylesheet=static(STYLESHEET),
        )
        return HttpResponse(html)

    def render_round(self, request: HttpRequest) -> HttpResponse:
        """Render every factsheet of a round: those already current are left as they are."""
        if not self.has_render_permission(request):
            raise PermissionDenied
        form = RenderRoundForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            round = form.cleaned_data["round"]
            due = factsheets_due(round)
            refused = _queue(round, due, force=False)
            queued = len(due) - refused
            if queued or not refused:
                self.message_user(
                    request,
                    ngettext(
                        "%(count)d factsheet of %(round)s queued; those already current are skipped.",
                        "%(count)d factsheets of %(round)s queued; those already current are skipped.",
                        queued,
                    )
                    % {"count": queued, "round": round},
                    messages.SUCCESS,
                )
            _tell_refused(self, request, refused)
            return redirect("admin:reports_factsheet_changelist")
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "form": form,
            "title": _("Render a round's factsheets"),
        }
        return TemplateResponse(request, "admin/reports/factsheet/render_round.html", context)

    @admin.action(description=_("Render the selected factsheets again now"), permissions=("render",))
    def render_again(self, request: HttpRequest, queryset) -> None:
        sheets = list(queryset.select_related("round", "party"))
        refused = sum(
            _queue(sheet.round, [(sheet.kind, sheet.key, sheet.language)], force=True) for sheet in sheets
        )
        if queued := len(sheets) - refused:
            self.message_user(
                request,
                ngettext(
                    "%(count)d factsheet queued for rendering.",
                    "%(count)d factsheets queued for rendering.",
                    queued,
                )
                % {"count": queued},
                messages.SUCCESS,
            )
        _tell_refused(self, request, refused)
