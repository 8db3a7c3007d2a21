"""Rapporteurs, appointed here by the Secretariat, and the observations, written on the internal pages by
their Rapporteurs and read here; the Secretariat records that the Committee examined them."""

from django import forms
from django.contrib import admin, messages
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from core.admin_actions import act_on_each
from core.audit_admin import HistoryAdmin
from questionnaires.models import Question

from ..models import Citation, Observation, ObservationComment, Rapporteur
from ..services import observation_examine, rapporteur_appoint
from .common import ReadOnlyInline, RefusalShown, rendered, service_created


class RapporteurForm(forms.ModelForm):
    class Meta:
        model = Rapporteur
        fields = ("round", "question", "member")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "question" in self.fields:
            self.fields["question"].queryset = Question.objects.select_related(
                "questionnaire__round"
            ).order_by("questionnaire__round_id", "position")
            self.fields["question"].label_from_instance = lambda question: (
                f"{question.questionnaire.round} — {question}"
            )

    def clean(self):
        cleaned = super().clean()
        round_ = cleaned.get("round") or (self.instance.round if self.instance.round_id else None)
        question = cleaned.get("question") or (self.instance.question if self.instance.question_id else None)
        if round_ is None or question is None:
            return cleaned
        if question.questionnaire.round_id != round_.pk:
            self.add_error(
                "question",
                _("Question %(numbers)s is not part of this round's questionnaire.")
                % {"numbers": question.number},
            )
        elif self.instance.pk is None:
            # Appointing replaces the question's Rapporteur: the form changes that row, if there is one.
            current = Rapporteur.objects.filter(round=round_, question=question).first()
            if current is not None:
                self.instance.pk, self.instance._state.adding = current.pk, False
        return cleaned


@admin.register(Rapporteur)
class RapporteurAdmin(RefusalShown, HistoryAdmin):
    """Appointing a Rapporteur on a question replaces the one before (rapporteur_appoint)."""

    form = RapporteurForm
    list_display = ("question_number", "round", "member", "party", "updated_at")
    list_select_related = ("round", "question", "member__user", "member__party")
    list_filter = ("round", "member__party", "member")
    search_fields = ("member__user__username", "member__user__last_name", "question__number")
    ordering = ("round", "question__position")

    def get_readonly_fields(self, request, obj=None):
        return ("round", "question") if obj else ()

    def has_delete_permission(self, request, obj=None):
        return False  # another member is appointed in their place

    @admin.display(description=_("question"), ordering="question__position")
    def question_number(self, rapporteur: Rapporteur) -> str:
        return rapporteur.question.number

    @admin.display(description=_("Party"), ordering="member__party__code")
    def party(self, rapporteur: Rapporteur) -> str:
        return rapporteur.member.party.code

    def save_model(self, request, obj, form, change):
        appointed = rapporteur_appoint(
            round=obj.round, question=obj.question, member=form.cleaned_data["member"], by=request.user
        )
        service_created(obj, appointed)


class CitationInline(ReadOnlyInline):
    model = Citation
    fields = ("source", "passage", "confidentiality", "created_by", "created_at")
    readonly_fields = fields

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related(
                "answer__reply__party",
                "answer__question",
                "item__question",
                "item__contribution__organisation",
                "created_by",
            )
        )

    @admin.display(description=_("source"))
    def source(self, citation: Citation) -> str:
        if citation.answer_id:
            answer = citation.answer
            return _("Reply of %(party)s, question %(number)s") % {
                "party": answer.reply.party.code,
                "number": answer.question.number,
            }
        item = citation.item
        return _("%(organisation)s, question %(number)s") % {
            "organisation": item.contribution.organisation,
            "number": item.question.number,
        }

    @admin.display(description=_("confidential"))
    def confidentiality(self, citation: Citation) -> str:
        if citation.is_confidential:
            return format_html("<strong>{}</strong>", _("Confidential: never published"))
        return "—"


class CommentInline(ReadOnlyInline):
    model = ObservationComment
    fields = ("author", "text", "created_at")
    readonly_fields = fields

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("author")


@admin.register(Observation)
class ObservationAdmin(HistoryAdmin):
    """Read here; written by their Rapporteurs (or the Secretariat) on the internal pages."""

    list_display = ("title", "round", "question_numbers", "rapporteur", "state", "version", "updated_at")
    list_select_related = ("round", "rapporteur__user", "rapporteur__party")
    list_filter = ("state", "round", "rapporteur")
    search_fields = ("title", "body")
    fields = (
        "round",
        "question_numbers",
        "title",
        "rapporteur",
        "language",
        "state",
        "version",
        "rendered_body",
        "created_by",
        "updated_by",
        "agenda",
    )
    readonly_fields = fields
    inlines = (CitationInline, CommentInline)
    actions = ("mark_examined",)

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("questions")

    def has_add_permission(self, request):
        return False  # begun on a question's workspace

    def has_delete_permission(self, request, obj=None):
        return False  # their versions, citations and comments are the evaluation's record

    def has_change_permission(self, request, obj=None):
        # The list's action for those who may change observations; the page of one is read-only.
        return obj is None and super().has_change_permission(request)

    @admin.display(description=_("questions"))
    def question_numbers(self, observation: Observation) -> str:
        return ", ".join(question.number for question in observation.questions.all())

    @admin.display(description=_("text"))
    def rendered_body(self, observation: Observation) -> str:
        return rendered(observation.body)

    @admin.display(description=_("on the agenda of"))
    def agenda(self, observation: Observation) -> str:
        items = observation.agenda_items.select_related("meeting").order_by("meeting__number")
        return format_html_join(", ", "{}", ((item.meeting,) for item in items)) or "—"

    @admin.action(description=_("Mark examined"), permissions=["change"])
    def mark_examined(self, request, queryset):
        act_on_each(
            self,
            request,
            queryset,
            lambda observation: observation_examine(observation=observation, by=request.user),
            _("%(observation)s examined."),
            level=messages.SUCCESS,
        )
