"""The moderation queue of contributions."""

from django import forms
from django.contrib import admin
from django.contrib.admin.views.main import ChangeList
from django.core.exceptions import PermissionDenied
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from core.admin_actions import QuickCheckboxes, act_on_each
from core.audit_admin import HistoryAdmin
from core.page_errors import refusal_shown
from core.text_limits import text_limit

from ..models import (
    Contribution,
    ContributionEvent,
    ContributionItem,
    CoSignature,
    InformationRequest,
)
from ..personal_data import member_name
from ..services import (
    contribution_acknowledge,
    contribution_make_confidential,
    contribution_make_public,
    information_request_create,
)
from .common import ReadOnlyInline, rendered


class ItemInline(ReadOnlyInline):
    model = ContributionItem
    fields = ("question", "rendered_text")
    readonly_fields = fields

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("question")

    @admin.display(description=_("text"))
    def rendered_text(self, item: ContributionItem) -> str:
        return rendered(item.text)


class CoSignatureInline(ReadOnlyInline):
    model = CoSignature
    fields = ("organisation", "state", "decided_by", "decided_at")
    readonly_fields = fields

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("organisation", "decided_by")


class EventInline(ReadOnlyInline):
    model = ContributionEvent
    fields = ("at", "action", "by", "note")
    readonly_fields = fields
    verbose_name_plural = _("audit trail")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("by")


class InformationRequestInline(ReadOnlyInline):
    """Requests are added with the "Request additional information" button, which notifies the
    organisation; never as a bare row here."""

    model = InformationRequest
    fields = ("question", "due_on", "requested_by", "rendered_answer", "answered_at", "answered_by")
    readonly_fields = fields

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("requested_by", "answered_by")

    @admin.display(description=_("answer"))
    def rendered_answer(self, request_: InformationRequest) -> str:
        return rendered(request_.answer)


class ModerationStateFilter(admin.SimpleListFilter):
    """The list opens on the queue: contributions submitted and awaiting acknowledgement."""

    title = _("state")
    parameter_name = "state"
    ALL = "all"

    def lookups(self, request, model_admin):
        return (*Contribution.State.choices, (self.ALL, _("all")))

    def choices(self, changelist):
        for value, label in self.lookup_choices:
            default = value == Contribution.State.SUBMITTED
            yield {
                "selected": self.value() == value or (default and self.value() is None),
                "query_string": changelist.get_query_string({self.parameter_name: value}),
                "display": label,
            }

    def queryset(self, request, queryset):
        if self.value() == self.ALL:
            return queryset
        if self.value() in Contribution.State.values:
            return queryset.filter(state=self.value())
        return queryset.filter(state=Contribution.State.SUBMITTED)


class RequestInformationForm(forms.Form):
    question = forms.CharField(label=_("What should the organisation add?"), widget=forms.Textarea)
    due_on = forms.DateField(
        label=_("Due on"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_(
            "The last day for the organisation's answer. Format: YYYY-MM-DD (for example 2026-04-01)."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["question"].widget.attrs["maxlength"] = text_limit("message")


class AcknowledgeForm(forms.Form):
    """Nothing to fill in: the page is the confirmation."""


class MakeConfidentialForm(forms.Form):
    note = forms.CharField(
        label=_("Note for the audit trail"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Optional: why the contribution is withdrawn from the public pages."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["note"].widget.attrs["maxlength"] = text_limit("message")


class QueueList(ChangeList):
    """The queue as shown reads none of the long texts it does not show (an action gets whole rows)."""

    def get_queryset(self, request, exclude_parameters=None):
        queryset = super().get_queryset(request, exclude_parameters)
        return queryset.defer("general_text", "children_involvement") if request.method == "GET" else queryset


@admin.register(Contribution)
class ContributionAdmin(QuickCheckboxes, HistoryAdmin):
    list_display = (
        "id",
        "organisation",
        "round",
        "party_codes",
        "kind",
        "visibility_display",
        "state",
        "submitted_at",
        "acknowledged_at",
        "item_count",
    )
    list_display_links = ("id", "organisation")
    # Fifty at a time: each is read before it is acknowledged, and every row costs the page ~0.5 ms to build.
    list_per_page = 50
    list_filter = (ModerationStateFilter, "visibility", "kind", "round")
    list_select_related = ("organisation", "round")
    search_fields = ("organisation__name", "organisation__acronym", "title")
    fields = (
        "round",
        "organisation",
        "party_codes",
        "kind",
        "visibility",
        "language",
        "state",
        "title",
        "rendered_general_text",
        "original_document",
        "children_involved",
        "children_involvement",
        "author",
        "created_at",
        "submitted_at",
        "acknowledged_at",
        "party_notified_at",
    )
    readonly_fields = fields
    inlines = (ItemInline, CoSignatureInline, InformationRequestInline, EventInline)
    actions = ("acknowledge_selected", "make_confidential_selected", "make_public_selected")

    # The queue is long (tens of thousands of contributions): no second count of the whole table.
    show_full_result_count = False

    def get_queryset(self, request):
        # A correlated count, computed for the page's rows only (an aggregate over a join would count the
        # items of every contribution before the page is cut).
        items = (
            ContributionItem.objects.filter(contribution=OuterRef("pk"))
            .order_by()
            .values("contribution")
            .annotate(count=Count("pk"))
            .values("count")
        )
        return (
            super()
            .get_queryset(request)
            .prefetch_related("parties")
            .annotate(item_count=Coalesce(Subquery(items), 0))
        )

    def get_changelist(self, request, **kwargs):
        return QueueList

    def has_add_permission(self, request):
        return False  # organisations write their contributions

    def has_delete_permission(self, request, obj=None):
        return False  # the audit trail and the organisation's text are kept

    def has_change_permission(self, request, obj=None):
        # The Secretariat may act on contributions (the list's actions, the request form) but the page of
        # one contribution is read-only: its content is the organisation's.
        return obj is None and super().has_change_permission(request)

    @admin.display(description=_("Parties"))
    def party_codes(self, contribution: Contribution) -> str:
        return ", ".join(party.code for party in contribution.parties.all())

    @admin.display(description=_("visibility"), ordering="visibility")
    def visibility_display(self, contribution: Contribution) -> str:
        if contribution.is_public:
            return contribution.get_visibility_display()
        return format_html("<strong>{}</strong>", contribution.get_visibility_display())

    @admin.display(description=_("items"), ordering="item_count")
    def item_count(self, contribution: Contribution) -> int:
        return contribution.item_count

    @admin.display(description=_("created by"))
    def author(self, contribution: Contribution) -> str:
        return member_name(contribution.created_by, contribution.organisation)

    @admin.display(description=_("general part"))
    def rendered_general_text(self, contribution: Contribution) -> str:
        return rendered(contribution.general_text)

    @admin.display(description=_("original document"))
    def original_document(self, contribution: Contribution) -> str:
        if not contribution.document:
            return "—"
        url = reverse("admin:civil_society_contribution_document", args=[contribution.pk])
        return format_html(
            '<a href="{}">{}</a>', url, contribution.document_name or contribution.document.name
        )

    @admin.action(description=_("Acknowledge"), permissions=["change"])
    def acknowledge_selected(self, request, queryset):
        act_on_each(
            self,
            request,
            queryset,
            lambda contribution: contribution_acknowledge(contribution=contribution, by=request.user),
            _("%(contribution)s acknowledged."),
        )

    @admin.action(description=_("Make confidential"), permissions=["change"])
    def make_confidential_selected(self, request, queryset):
        act_on_each(
            self,
            request,
            queryset,
            lambda contribution: contribution_make_confidential(contribution=contribution, by=request.user),
            _("%(contribution)s is now confidential."),
        )

    @admin.action(
        description=_("Make public (with the organisation's recorded consent)"), permissions=["change"]
    )
    def make_public_selected(self, request, queryset):
        act_on_each(
            self,
            request,
            queryset,
            lambda contribution: contribution_make_public(contribution=contribution, by=request.user),
            _("%(contribution)s is now public."),
        )

    def change_view(self, request, object_id, form_url="", extra_context=None):
        # The page itself is read-only; its buttons lead to the moderation screens for those who may act.
        extra_context = {**(extra_context or {}), "can_moderate": self.has_change_permission(request)}
        return super().change_view(request, object_id, form_url, extra_context)

    def get_urls(self):
        own = [
            path(
                "<int:pk>/acknowledge/",
                self.admin_site.admin_view(self.acknowledge_view),
                name="civil_society_contribution_acknowledge",
            ),
            path(
                "<int:pk>/make-confidential/",
                self.admin_site.admin_view(self.make_confidential_view),
                name="civil_society_contribution_make_confidential",
            ),
            path(
                "<int:pk>/request-information/",
                self.admin_site.admin_view(self.request_information_view),
                name="civil_society_contribution_request_information",
            ),
            path(
                "<int:pk>/document/",
                self.admin_site.admin_view(self.document_view),
                name="civil_society_contribution_document",
            ),
        ]
        return own + super().get_urls()

    def document_view(self, request, pk):
        """The organisation's original .docx, for the Secretariat only (media files are not served)."""
        contribution = self.get_object(request, pk)
        if contribution is None or not contribution.document:
            raise Http404
        if not self.has_view_permission(request, contribution):
            raise PermissionDenied
        return FileResponse(
            contribution.document.open("rb"),
            as_attachment=True,
            filename=contribution.document_name or "document.docx",
        )

    def _action_view(self, request, pk, form_class, title, perform, done):
        """A moderation screen of one contribution: its form (or just the confirmation), the service, and
        the service's refusal shown on the form."""
        contribution = self.get_object(request, pk)
        if contribution is None or not self.has_change_permission(request):
            return self._get_obj_does_not_exist_redirect(request, self.opts, str(pk))
        form = form_class(request.POST if request.method == "POST" else None)
        if request.method == "POST" and form.is_valid():
            with refusal_shown(request, form=form):
                perform(contribution, form.cleaned_data)
                self.message_user(request, done % {"contribution": contribution})
                return redirect(reverse("admin:civil_society_contribution_change", args=[contribution.pk]))
        context = {
            **self.admin_site.each_context(request),
            "title": title,
            "form": form,
            "contribution": contribution,
            "opts": self.opts,
        }
        return render(request, "admin/civil_society/contribution/action.html", context)

    def acknowledge_view(self, request, pk):
        return self._action_view(
            request,
            pk,
            AcknowledgeForm,
            _("Acknowledge the contribution"),
            lambda contribution, data: contribution_acknowledge(contribution=contribution, by=request.user),
            _("%(contribution)s acknowledged."),
        )

    def make_confidential_view(self, request, pk):
        return self._action_view(
            request,
            pk,
            MakeConfidentialForm,
            _("Make the contribution confidential"),
            lambda contribution, data: contribution_make_confidential(
                contribution=contribution, by=request.user, note=data["note"]
            ),
            _("%(contribution)s is now confidential."),
        )

    def request_information_view(self, request, pk):
        return self._action_view(
            request,
            pk,
            RequestInformationForm,
            _("Request additional information"),
            lambda contribution, data: information_request_create(
                contribution=contribution, by=request.user, **data
            ),
            _("%(contribution)s: additional information requested."),
        )
