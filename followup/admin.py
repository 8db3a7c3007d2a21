"""The Secretariat's admin for the follow-up: the recommendations each exercise follows up (read), the
assessments proposed and adopted at a meeting, the requests for clarifications. Every write goes through
the services; an exercise is opened with `followup.services.exercise_create`."""

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from core.audit_admin import HistoryAdmin
from core.viewers import PUBLIC
from evaluation.admin.common import AdoptionForm, RefusalShown, adoption_action, service_created
from questionnaires.models import Question
from rounds.models import Round
from submissions.selectors import answers_visible_to

from .models import Assessment, Clarification, Item
from .services import assessment_adopt, assessment_propose, clarification_request


def _follow_ups():
    return Round.objects.filter(kind=Round.Kind.FOLLOW_UP).select_related("follows")


def _followed_up_questions():
    return Question.objects.filter(followup_item__isnull=False).select_related("questionnaire__round")


class ReadOnlyAfterwards:
    """Added through a service, then read: a proposal is replaced by a new one, never edited."""

    def has_change_permission(self, request, obj=None):
        return obj is None and super().has_change_permission(request)

    def has_delete_permission(self, request, obj=None):
        return False

    def save_related(self, request, form, formsets, change):
        """The service wrote the links with the row; the form has nothing left to save."""


@admin.register(Item)
class ItemAdmin(HistoryAdmin):
    list_display = ("reference", "question", "round", "finding")
    list_select_related = ("question__questionnaire__round__follows", "finding", "statement")
    list_filter = (("question__questionnaire__round", admin.RelatedOnlyFieldListFilter),)
    readonly_fields = ("question", "finding", "statement")

    def has_add_permission(self, request):
        return False  # opened with its exercise

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("follow-up"))
    def round(self, item: Item) -> str:
        return str(item.question.questionnaire.round)

    @admin.display(description=_("reference"))
    def reference(self, item: Item) -> str:
        return item.reference


class AssessmentForm(forms.ModelForm):
    class Meta:
        model = Assessment
        fields = ("round", "question", "party", "level", "reasoning", "language", "evidence")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "round" in self.fields:
            self.fields["round"].queryset = _follow_ups()
            self.fields["question"].queryset = _followed_up_questions()
            self.fields["question"].label_from_instance = lambda q: f"{q.questionnaire.round} — {q}"
            # Published answers only: what the service accepts as evidence.
            self.fields["evidence"].queryset = answers_visible_to(PUBLIC).select_related(
                "reply__round", "reply__party", "question"
            )
            self.fields["evidence"].label_from_instance = lambda a: (
                f"{a.reply.round} — {a.reply.party.code} — {a.question}"
            )

    def clean(self):
        cleaned = super().clean()
        round_, question = cleaned.get("round"), cleaned.get("question")
        if round_ and question and question.questionnaire.round_id != round_.pk:
            self.add_error("question", _("Choose a question of this follow-up."))
        return cleaned


class AdoptForm(AdoptionForm):
    outside = _("An assessment is adopted during the meeting: choose a day from its first to its last.")


@admin.register(Assessment)
class AssessmentAdmin(RefusalShown, ReadOnlyAfterwards, HistoryAdmin):
    """Proposed here (the add form calls `assessment_propose`), adopted at a meeting by the action."""

    form = AssessmentForm
    list_display = (
        "question",
        "party",
        "round",
        "cycle",
        "level",
        "state",
        "proposed_by",
        "adopted_at_meeting",
        "adopted_on",
    )
    list_select_related = ("round__follows", "question", "party", "proposed_by", "adopted_at_meeting")
    list_filter = (("round", admin.RelatedOnlyFieldListFilter), "level", "state")
    search_fields = ("party__code", "party__name_en", "party__name_fr", "question__number")
    filter_horizontal = ("evidence",)
    actions = ("adopt_at_meeting",)

    def get_readonly_fields(self, request, obj=None):
        adoption = ("cycle", "state", "proposed_by", "adopted_at_meeting", "adopted_on")
        return adoption if obj is None else (*adoption, *AssessmentForm.Meta.fields)

    def get_fields(self, request, obj=None):
        return (
            *AssessmentForm.Meta.fields,
            "cycle",
            "state",
            "proposed_by",
            "adopted_at_meeting",
            "adopted_on",
        )

    def save_model(self, request, obj, form, change):
        data = form.cleaned_data
        created = assessment_propose(
            round=data["round"],
            question=data["question"],
            party=data["party"],
            level=data["level"],
            reasoning=data["reasoning"],
            language=data["language"],
            evidence=data.get("evidence") or [],
            by=request.user,
        )
        service_created(obj, created)

    @admin.action(description=_("Adopt at a meeting"), permissions=["change"])
    def adopt_at_meeting(self, request, queryset):
        """Choose the meeting and the day first (an intermediate page), then adopt each one selected."""
        return adoption_action(
            self,
            request,
            queryset,
            form_class=AdoptForm,
            adopt=lambda assessment, **chosen: assessment_adopt(
                assessment=assessment, by=request.user, **chosen
            ),
            done=_("%(assessment)s adopted."),
            template="admin/followup/assessment/adopt.html",
            listed={"assessments": queryset.select_related("round__follows", "question", "party")},
        )


class ClarificationForm(forms.ModelForm):
    class Meta:
        model = Clarification
        fields = ("round", "question", "party", "request", "language", "due_on")
        widgets = {"due_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "round" in self.fields:
            self.fields["round"].queryset = _follow_ups()
            self.fields["question"].queryset = _followed_up_questions()
            self.fields["question"].label_from_instance = lambda q: f"{q.questionnaire.round} — {q}"


@admin.register(Clarification)
class ClarificationAdmin(RefusalShown, ReadOnlyAfterwards, HistoryAdmin):
    """Requested here (the add form calls `clarification_request`), then read."""

    form = ClarificationForm
    list_display = ("question", "party", "round", "cycle", "requested_on", "due_on", "requested_by")
    list_select_related = ("round__follows", "question", "party", "requested_by")
    list_filter = (("round", admin.RelatedOnlyFieldListFilter),)
    search_fields = ("party__code", "party__name_en", "party__name_fr", "question__number")

    def get_readonly_fields(self, request, obj=None):
        recorded = ("cycle", "requested_on", "requested_by")
        return recorded if obj is None else (*recorded, *ClarificationForm.Meta.fields)

    def get_fields(self, request, obj=None):
        return (*ClarificationForm.Meta.fields, "cycle", "requested_on", "requested_by")

    def save_model(self, request, obj, form, change):
        data = form.cleaned_data
        created = clarification_request(
            round=data["round"],
            question=data["question"],
            party=data["party"],
            request=data["request"],
            language=data["language"],
            due_on=data["due_on"],
            by=request.user,
        )
        service_created(obj, created)
