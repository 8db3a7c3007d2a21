from django import forms
from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin, TranslationTabularInline

from core.audit_admin import HistoryAdmin
from core.deadlines import STRASBOURG

from .models import CommitteeMember, FocalPoint, Language, Participation, Party, PartyStatement, Round
from .phases import latest_extension_of, phase_due
from .services import committee_member_appoint, round_phase_follow

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


class CommitteeMemberFormSet(forms.BaseInlineFormSet):
    """Seats are added through `committee_member_appoint`, whose rule the form runs first so that a focal
    point is refused beside the name, with nothing saved."""

    def clean(self):
        super().clean()
        for form in self.forms:
            user = getattr(form, "cleaned_data", {}).get("user")
            if (
                form.instance.pk is None
                and user is not None
                and FocalPoint.objects.filter(user=user).exists()
            ):
                form.add_error(
                    "user",
                    _("%(user)s is a focal point; a focal point cannot also sit on the Committee.")
                    % {"user": user},
                )


class CommitteeMemberForm(forms.ModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["user"].disabled = True  # a seat is another user's by another appointment


class CommitteeMemberInline(admin.TabularInline):
    model = CommitteeMember
    form = CommitteeMemberForm
    formset = CommitteeMemberFormSet
    extra = 0
    can_delete = False  # a member may be a Rapporteur, an observation's author: the seat stays on record
    autocomplete_fields = ("user",)
    fields = ("user", "created_at")
    readonly_fields = ("created_at",)


@admin.register(Party)
class PartyAdmin(HistoryAdmin, TabbedTranslationAdmin):
    list_display = ("code", "name", "languages", "signed_on", "ratified_on", "in_force_on")
    list_display_links = ("code", "name")
    search_fields = ("code", "name_en", "name_fr")
    list_filter = ("national_languages",)
    filter_horizontal = ("national_languages",)
    date_hierarchy = "ratified_on"
    inlines = (PartyStatementInline, FocalPointInline, CommitteeMemberInline)

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("national_languages")

    def save_formset(self, request, form, formset, change):
        if formset.model is not CommitteeMember:
            return super().save_formset(request, form, formset, change)
        formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []
        for member_form in formset.forms:
            if member_form.instance.pk is None and member_form.has_changed():
                formset.new_objects.append(
                    committee_member_appoint(user=member_form.cleaned_data["user"], party=form.instance)
                )

    @admin.display(description=_("national languages"))
    def languages(self, party: Party) -> str:
        return ", ".join(language.code for language in party.national_languages.all())


class ParticipationInline(admin.TabularInline):
    model = Participation
    extra = 0
    autocomplete_fields = ("party",)
    fields = ("party", "deadline_extended_to", "comment_window_extended_to")


DATE_FIELDS = ("questionnaire_adopted_on", "reply_deadline", "civil_society_deadline", "report_adopted_on")


def _phase_due(round_: Round) -> str | None:
    today = timezone.localdate(timezone.now(), STRASBOURG)
    return phase_due(round=round_, on=today, latest_extension=latest_extension_of(round_))


class RoundForm(forms.ModelForm):
    """Without a hold, the status follows the dates: choosing another phase by hand is refused, with the way
    to do it (closing, a Secretariat decision no date says, is always open)."""

    def clean(self):
        cleaned = super().clean()
        held, status = cleaned.get("phase_held"), cleaned.get("status")
        if held and not cleaned.get("phase_held_reason", "").strip():
            self.add_error("phase_held_reason", _("Say why the round's phase is held."))
        if held or status in (None, Round.Status.CLOSED) or "status" not in self.changed_data:
            return cleaned
        dated = Round(pk=self.instance.pk, **{name: cleaned.get(name) for name in DATE_FIELDS})
        due = _phase_due(dated)
        if due is not None and due != status:
            self.add_error(
                "status",
                _(
                    "The dates call for “%(due)s”. Change the dates, or hold the round at “%(chosen)s” and "
                    "say why."
                )
                % {"due": Round.Status(due).label, "chosen": Round.Status(status).label},
            )
        return cleaned


@admin.register(Round)
class RoundAdmin(HistoryAdmin, TabbedTranslationAdmin):
    form = RoundForm
    list_display = (
        "__str__",
        "kind",
        "status",
        "phase_held",
        "questionnaire_adopted_on",
        "reply_deadline",
        "party_count",
    )
    list_filter = ("kind", "status", "phase_held")
    list_select_related = ("follows",)  # a follow-up's name is the followed round's
    search_fields = ("slug", "theme_en", "theme_fr")
    prepopulated_fields = {"slug": ("theme_en",)}
    inlines = (ParticipationInline,)
    # A follow-up is opened with its questions by the follow-up's service, never typed here.
    readonly_fields = ("phase_by_dates", "follows")
    fieldsets = (
        (None, {"fields": ("number", "kind", "follows", "slug", "theme", "summary")}),
        (_("Phase"), {"fields": ("status", "phase_by_dates", "phase_held", "phase_held_reason")}),
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

    @admin.display(description=_("what the dates call for"))
    def phase_by_dates(self, round_: Round) -> str:
        if round_.pk is None:
            return _("Known once the round is saved.")
        due = _phase_due(round_)
        if due is None:
            said = _("The dates do not tell yet (the questionnaire's adoption is not dated): set by hand.")
        else:
            said = _("The dates call for “%(phase)s”.") % {"phase": Round.Status(due).label}
        if round_.status == Round.Status.CLOSED:
            held = _("Closed by the Secretariat: the dates no longer move the round.")
        elif round_.phase_held:
            held = _(
                "Held at “%(phase)s”: neither the periodic check nor new dates move it. Why: %(reason)s"
            ) % {
                "phase": round_.get_status_display(),
                "reason": round_.phase_held_reason,
            }
        else:
            return said
        return f"{said} {held}"

    def save_related(self, request, form, formsets, change):
        """Once the round and its Parties' extensions are saved, the phase follows the dates at once."""
        super().save_related(request, form, formsets, change)
        moved = round_phase_follow(round=form.instance)
        if moved is not None:
            self.message_user(
                request,
                _("As its dates call for, the round is now “%(phase)s”.")
                % {"phase": Round.Status(moved).label},
                messages.INFO,
            )


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
