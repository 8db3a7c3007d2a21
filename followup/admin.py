"""The Secretariat's admin for the follow-up: the recommendations each exercise follows up (read), the
assessments proposed and adopted at a meeting, the requests for clarifications. Every write goes through
the services; an exercise is opened by its form here (`exercise_create`), then reviewed and sent as a
round."""

from django import forms
from django.contrib import admin
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.audit_admin import HistoryAdmin
from core.viewers import PUBLIC
from evaluation.admin.common import AdoptionForm, RefusalShown, adoption_action, rendered, service_created
from evaluation.selectors import reports_visible_to
from questionnaires.models import Question
from reports.models import Finding
from rounds.models import Round
from submissions.selectors import answers_visible_to

from .models import Assessment, Clarification, Exercise, Item
from .selectors import clarification_of
from .services import assessment_adopt, assessment_propose, clarification_request, exercise_create


def _follow_ups():
    return Round.objects.filter(kind=Round.Kind.FOLLOW_UP).select_related("follows")


def _followed_up_questions():
    return Question.objects.filter(followup_item__isnull=False).select_related("questionnaire__round")


class ExerciseForm(forms.ModelForm):
    """What the Secretariat chooses: the round followed up, the grades of its recommendations to follow up
    (from an adopted report's statements when one is chosen), and the day the Parties' replies are due."""

    follows = forms.ModelChoiceField(label=_("round followed up"), queryset=None)  # see __init__
    report = forms.ModelChoiceField(
        label=_("adopted report"),
        queryset=None,  # the adopted ones, chosen per form: see __init__
        required=False,
        help_text=_("Leave empty to follow up the round's adopted findings (a round without a report)."),
    )
    grades = forms.MultipleChoiceField(
        label=_("grades followed up"),
        choices=Finding.Grade.choices,
        initial=[Finding.Grade.URGES],
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Exercise
        fields = ("follows", "reply_deadline")
        widgets = {"reply_deadline": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "reply_deadline" in self.fields:  # not on the read-only page of an exercise opened
            self.fields["reply_deadline"].required = True
            # Not in the class body: a query built on the rounds or the reports while the admin is imported
            # breaks their history models' columns (their fields are copied from the models' as apps load).
            self.fields["follows"].queryset = Round.objects.exclude(kind=Round.Kind.FOLLOW_UP).order_by(
                "-created_at"
            )
            self.fields["report"].queryset = reports_visible_to(PUBLIC).select_related("round")


@admin.register(Exercise)
class ExerciseAdmin(RefusalShown, admin.ModelAdmin):
    """Opened here (the add form calls `exercise_create`); the round it makes is then reviewed and sent in
    the rounds' admin, where its questionnaire's adoption is dated."""

    form = ExerciseForm
    list_display = ("__str__", "follows", "status", "questionnaire_adopted_on", "reply_deadline")
    list_select_related = ("follows",)

    def get_queryset(self, request):
        return super().get_queryset(request).filter(kind=Round.Kind.FOLLOW_UP)

    def has_change_permission(self, request, obj=None):
        return False  # a round: changed in the rounds' admin

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        data = form.cleaned_data
        created = exercise_create(
            round=data["follows"],
            grades=data["grades"],
            reply_deadline=data["reply_deadline"],
            report=data.get("report"),
            by=request.user,
        )
        service_created(obj, created)

    def response_add(self, request, obj, post_url_continue=None):
        """On to the round it made: its questions to review, its questionnaire's adoption to date."""
        super().response_add(request, obj, post_url_continue)  # the admin's message
        return HttpResponseRedirect(reverse("admin:rounds_round_change", args=[obj.pk]))


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
        return adoption if obj is None else (*adoption, *AssessmentForm.Meta.fields, "clarification_response")

    def get_fields(self, request, obj=None):
        fields = (
            *AssessmentForm.Meta.fields,
            "cycle",
            "state",
            "proposed_by",
            "adopted_at_meeting",
            "adopted_on",
        )
        return fields if obj is None else (*fields, "clarification_response")

    @admin.display(description=_("the Party's response to the request for clarifications"))
    def clarification_response(self, assessment: Assessment) -> str:
        """The evidence of a later cycle: the submitted response to the request that opened it."""
        clarification = clarification_of(assessment)
        if clarification is None or not clarification.is_submitted:
            return "—"
        return rendered(clarification.response)

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
    list_display = (
        "question",
        "party",
        "round",
        "cycle",
        "requested_on",
        "due_on",
        "requested_by",
        "submitted_at",
        "late",
    )
    list_select_related = ("round__follows", "question", "party", "requested_by")
    list_filter = (("round", admin.RelatedOnlyFieldListFilter),)
    search_fields = ("party__code", "party__name_en", "party__name_fr", "question__number")

    # The Party's response, written by its focal points on their page (`views.py`), read here.
    responded = ("party_response", "responded_by", "submitted_at", "late")

    def get_readonly_fields(self, request, obj=None):
        recorded = ("cycle", "requested_on", "requested_by")
        return recorded if obj is None else (*recorded, *ClarificationForm.Meta.fields, *self.responded)

    def get_fields(self, request, obj=None):
        fields = (*ClarificationForm.Meta.fields, "cycle", "requested_on", "requested_by")
        return fields if obj is None else (*fields, *self.responded)

    @admin.display(description=_("response"))
    def party_response(self, clarification: Clarification) -> str:
        return rendered(clarification.response) if clarification.response else "—"

    @admin.display(description=_("late"), boolean=True)
    def late(self, clarification: Clarification) -> bool | None:
        return clarification.is_late if clarification.is_submitted else None

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
