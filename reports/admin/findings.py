"""The Secretariat records findings here: every save goes through the services, whose rules the form runs
first so that a refusal shows beside the field at fault; crossing the monitoring / capacity-building line
is said as a warning after the save, not refused."""

from django import forms
from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin

from civil_society.selectors import contributions_visible_to
from core.admin_actions import act_on_each
from core.audit_admin import HistoryAdmin
from core.errors import TextTooLong
from core.viewers import PUBLIC
from questionnaires.models import Question
from rounds.models import Party
from submissions.selectors import answers_visible_to

from ..errors import InvalidFinding
from ..models import Finding
from ..selectors import finding_parties_count, with_figures
from ..services import (
    finding_adopt,
    finding_check,
    finding_create,
    finding_texts_check,
    finding_update,
    finding_withdraw,
    kind_mismatch_warnings,
)

# What the services take from the form, besides the round (fixed once created) and the author.
SERVICE_FIELDS = (
    "kind",
    "grade",
    "title_en",
    "title_fr",
    "text_en",
    "text_fr",
    "theme",
    "questions",
    "parties",
    "applies_to_all",
    "answers",
    "contributions",
    "figure_label_en",
    "figure_label_fr",
    "position",
)
TEXT_FIELDS = ("title_en", "title_fr", "text_en", "text_fr")
CHECKED_FIELDS = (
    "kind",
    "grade",
    "theme",
    "questions",
    "parties",
    "applies_to_all",
    "answers",
    "contributions",
)


def _choices(field_name: str):
    """Only what may be cited: published answers, public acknowledged comments."""
    if field_name == "answers":
        return (
            answers_visible_to(PUBLIC)
            .select_related("reply__round", "reply__party", "question")
            .order_by("reply__round_id", "reply__party__code", "question__position")
        )
    if field_name == "contributions":
        return (
            contributions_visible_to(PUBLIC)
            .select_related("round", "organisation")
            .order_by("round_id", "pk")
        )
    if field_name == "questions":
        return Question.objects.select_related("questionnaire__round").order_by(
            "questionnaire__round_id", "position"
        )
    return Party.objects.order_by("code")


LABELS = {
    "answers": lambda answer: (
        _("%(party)s, question %(number)s — %(round)s")
        % {"party": answer.reply.party.code, "number": answer.question.number, "round": answer.reply.round}
    ),
    "contributions": lambda contribution: (
        f"{contribution.organisation} — {contribution} ({contribution.round})"
    ),
    "questions": lambda question: f"{question} — {question.questionnaire.round}",
    "parties": lambda party: f"{party.code} — {party}",
}


class FindingForm(forms.ModelForm):
    class Meta:
        model = Finding
        fields = (
            "round",
            "kind",
            "grade",
            "theme",
            "position",
            "title",
            "text",
            "applies_to_all",
            "parties",
            "figure_label",
            "questions",
            "answers",
            "contributions",
        )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:  # the round is fixed: offer only its questions, Parties and evidence
            narrow = {
                "questions": {"questionnaire__round": self.instance.round_id},
                "parties": {"participations__round": self.instance.round_id},
                "answers": {"reply__round": self.instance.round_id},
                "contributions": {"round": self.instance.round_id},
            }
            for name, lookup in narrow.items():
                if name in self.fields:
                    self.fields[name].queryset = self.fields[name].queryset.filter(**lookup)

    def clean(self):
        cleaned = super().clean()
        try:
            finding_texts_check(**{name: cleaned.get(name) for name in TEXT_FIELDS})
        except TextTooLong as error:
            self.add_error(error.context["field"], error.message)
        round_ = self.instance.round if self.instance.pk else cleaned.get("round")
        if round_ is None or any(name in self.errors for name in CHECKED_FIELDS):
            return cleaned
        try:
            finding_check(
                round=round_,
                kind=cleaned.get("kind") or "",
                grade=cleaned.get("grade") or "",
                theme=cleaned.get("theme") or "",
                questions=cleaned.get("questions") or [],
                parties=cleaned.get("parties") or [],
                applies_to_all=bool(cleaned.get("applies_to_all")),
                answers=cleaned.get("answers") or [],
                contributions=cleaned.get("contributions") or [],
            )
        except InvalidFinding as error:
            # On its field, so that the model's own check of the same rule is not shown a second time.
            self.add_error(error.context.get("field"), error.message)
        return cleaned


@admin.register(Finding)
class FindingAdmin(HistoryAdmin, TabbedTranslationAdmin):
    form = FindingForm
    list_display = (
        "title",
        "round",
        "kind",
        "grade",
        "theme",
        "parties_display",
        "figure_display",
        "state",
    )
    list_select_related = ("round",)
    list_filter = ("round", "kind", "grade", "theme", "state")
    search_fields = ("title_en", "title_fr", "text_en", "text_fr", "figure_label_en", "figure_label_fr")
    filter_horizontal = ("questions", "parties", "answers", "contributions")
    actions = ("adopt_selected", "withdraw_selected")
    fieldsets = (
        (None, {"fields": ("round", "kind", "grade", "theme", "position")}),
        (_("Text"), {"fields": ("title", "text")}),
        (_("Parties and figure"), {"fields": ("applies_to_all", "parties", "figure_label", "figure")}),
        (_("What it rests on"), {"fields": ("questions", "answers", "contributions")}),
        (_("Adoption"), {"fields": ("state", "adopted_at", "adopted_by", "created_by")}),
    )

    def get_queryset(self, request):
        return with_figures(super().get_queryset(request))

    def get_readonly_fields(self, request, obj=None):
        fields = ("state", "adopted_at", "adopted_by", "created_by", "figure")
        return ("round", *fields) if obj else fields

    def get_actions(self, request):
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)  # adopted findings are withdrawn, not deleted
        return actions

    def has_delete_permission(self, request, obj=None):
        return (obj is None or not obj.is_adopted) and super().has_delete_permission(request, obj)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        kwargs["queryset"] = _choices(db_field.name)
        field = super().formfield_for_manytomany(db_field, request, **kwargs)
        field.label_from_instance = LABELS[db_field.name]
        return field

    @admin.display(description=_("Parties"), ordering="figure_count")
    def parties_display(self, finding: Finding) -> str:
        return _("all") if finding.applies_to_all else str(finding.figure_count)

    @admin.display(description=_("figure"))
    def figure_display(self, finding: Finding) -> str:
        return f"{finding.figure_count} {finding.figure_label}" if finding.figure_label else "—"

    @admin.display(description=_("figure (counted)"))
    def figure(self, finding: Finding) -> str:
        if finding.pk is None:
            return _("Counted from the Parties concerned once saved.")
        return _("%(count)s Parties: %(label)s") % {
            "count": finding_parties_count(finding),
            "label": finding.figure_label or "—",
        }

    def save_model(self, request, obj, form, change):
        data = {name: form.cleaned_data[name] for name in SERVICE_FIELDS}
        data["theme"], data["grade"] = data["theme"] or "", data["grade"] or ""
        if change:
            finding = finding_update(finding=obj, **data)
        else:
            finding = finding_create(round=form.cleaned_data["round"], by=request.user, **data)
            # The admin's log and redirect name the finding the service created.
            obj.pk, obj._state.adding, obj._state.db = finding.pk, False, finding._state.db
        for warning in kind_mismatch_warnings(finding):
            self.message_user(request, warning, messages.WARNING)

    def save_related(self, request, form, formsets, change):
        """The service wrote the finding's links with it; the form has nothing left to save."""

    @admin.action(description=_("Adopt"), permissions=["change"])
    def adopt_selected(self, request, queryset):
        act_on_each(
            self,
            request,
            queryset,
            lambda finding: finding_adopt(finding=finding, by=request.user),
            _("%(finding)s adopted."),
            level=messages.SUCCESS,
        )

    @admin.action(description=_("Withdraw to draft"), permissions=["change"])
    def withdraw_selected(self, request, queryset):
        act_on_each(
            self,
            request,
            queryset,
            lambda finding: finding_withdraw(finding=finding, by=request.user),
            _("%(finding)s withdrawn to draft."),
            level=messages.SUCCESS,
        )
