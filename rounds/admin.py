from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin, TranslationTabularInline

from core.audit_admin import HistoryAdmin

from .models import FocalPoint, Language, Participation, Party, PartyStatement, Round

User = get_user_model()


@admin.register(Language)
class LanguageAdmin(TabbedTranslationAdmin):
    list_display = ("code", "name")
    search_fields = ("code", "name_en", "name_fr")


class PartyStatementInline(TranslationTabularInline):
    model = PartyStatement
    extra = 0


class FocalPointInline(admin.TabularInline):
    model = FocalPoint
    extra = 0
    autocomplete_fields = ("user",)


@admin.register(Party)
class PartyAdmin(HistoryAdmin, TabbedTranslationAdmin):
    list_display = ("code", "name", "languages", "signed_on", "ratified_on", "in_force_on")
    list_display_links = ("code", "name")
    search_fields = ("code", "name_en", "name_fr")
    list_filter = ("national_languages",)
    filter_horizontal = ("national_languages",)
    date_hierarchy = "ratified_on"
    inlines = (PartyStatementInline, FocalPointInline)

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("national_languages")

    @admin.display(description=_("national languages"))
    def languages(self, party: Party) -> str:
        return ", ".join(language.code for language in party.national_languages.all())


class ParticipationInline(admin.TabularInline):
    model = Participation
    extra = 0
    autocomplete_fields = ("party",)
    fields = ("party", "deadline_extended_to", "comment_window_extended_to")


@admin.register(Round)
class RoundAdmin(HistoryAdmin, TabbedTranslationAdmin):
    list_display = ("__str__", "kind", "status", "questionnaire_adopted_on", "reply_deadline", "party_count")
    list_filter = ("kind", "status")
    search_fields = ("slug", "theme_en", "theme_fr")
    prepopulated_fields = {"slug": ("theme_en",)}
    inlines = (ParticipationInline,)
    fieldsets = (
        (None, {"fields": ("number", "kind", "slug", "theme", "summary", "status")}),
        (
            _("Key dates"),
            {
                "fields": (
                    "questionnaire_adopted_on",
                    "reply_deadline",
                    "reminder_days",
                    "report_adopted_on",
                    "factsheets_published_on",
                )
            },
        ),
        (_("Civil society"), {"fields": ("comment_window_months", "civil_society_deadline")}),
    )

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(party_count=Count("participations"))

    @admin.display(description=_("Parties"), ordering="party_count")
    def party_count(self, round_: Round) -> int:
        return round_.party_count


@admin.register(FocalPoint)
class FocalPointAdmin(HistoryAdmin):
    list_display = ("user", "party", "created_at")
    list_select_related = ("user", "party")
    list_filter = ("party",)
    search_fields = ("user__username", "user__email", "party__code", "party__name_en", "party__name_fr")
    autocomplete_fields = ("user", "party")


admin.site.unregister(User)


@admin.register(User)
class PortalUserAdmin(HistoryAdmin, UserAdmin):
    """The stock user admin, with the Party a focal point answers for."""

    inlines = (*UserAdmin.inlines, FocalPointInline)
    list_display = (*UserAdmin.list_display, "party")
    list_select_related = ("focal_point__party",)

    @admin.display(description=_("Party"), ordering="focal_point__party__code")
    def party(self, user) -> str:
        focal_point = getattr(user, "focal_point", None)
        return focal_point.party.code if focal_point else "—"
