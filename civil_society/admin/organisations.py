"""Verifying organisations and seeing their members."""

from django.contrib import admin
from django.db import models
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from core.admin_actions import act_on_each
from core.audit_admin import HistoryAdmin

from ..models import (
    Invitation,
    Membership,
    Organisation,
)
from ..services import (
    organisation_verify,
)
from .common import ReadOnlyInline

# Organisations


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ("user",)
    fields = ("user", "created_at")
    readonly_fields = ("created_at",)


class InvitationInline(ReadOnlyInline):
    model = Invitation
    fields = ("email", "invited_by", "created_at", "accepted_at")
    readonly_fields = fields


class VerifiedFilter(admin.SimpleListFilter):
    title = _("verified")
    parameter_name = "verified"

    def lookups(self, request, model_admin):
        return (("yes", _("verified")), ("no", _("awaiting verification")))

    def queryset(self, request, queryset):
        if self.value() in ("yes", "no"):
            return queryset.filter(verified_at__isnull=self.value() == "no")
        return queryset


@admin.register(Organisation)
class OrganisationAdmin(HistoryAdmin):
    list_display = ("name", "acronym", "country", "is_verified", "member_count", "created_at")
    list_filter = (VerifiedFilter,)
    search_fields = ("name", "acronym", "country", "email")
    fields = (
        "name",
        "acronym",
        "country",
        "website",
        "email",
        "description",
        "verified_at",
        "verified_by",
    )
    readonly_fields = ("verified_at", "verified_by")  # set by the "verify" action only
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    inlines = (MembershipInline, InvitationInline)
    actions = ("verify_selected",)

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(member_count=Count("memberships"))

    @admin.display(description=_("verified"), boolean=True, ordering="verified_at")
    def is_verified(self, organisation: Organisation) -> bool:
        return organisation.is_verified

    @admin.display(description=_("members"), ordering="member_count")
    def member_count(self, organisation: Organisation) -> int:
        return organisation.member_count

    @admin.action(description=_("Verify selected organisations"), permissions=["change"])
    def verify_selected(self, request, queryset):
        act_on_each(
            self,
            request,
            queryset,
            lambda organisation: organisation_verify(organisation=organisation, by=request.user),
            _("%(organisation)s verified."),
        )


# Contributions
