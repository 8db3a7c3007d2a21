"""Implementation reports: begun by the Secretariat, drafted chapter by chapter (each save compared with the
version the writer read), their statements added one by one, and adopted at a meeting."""

from django import forms
from django.contrib import admin
from django.db.models import Count
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin, TranslationStackedInline

from civil_society.selectors import contributions_visible_to
from core.audit_admin import HistoryAdmin
from core.errors import TextTooLong
from core.viewers import PUBLIC
from questionnaires.models import Question
from reports.admin.findings import LABELS
from reports.errors import InvalidFinding
from reports.services import finding_check, finding_texts_check
from rounds.models import Party
from submissions.selectors import answers_visible_to

from ..models import Chapter, Report, Statement
from ..selectors import chapters_of_drafts
from ..services import chapter_create, chapter_save, report_adopt, report_create, statement_add
from .common import (
    AdoptionForm,
    RefusalShown,
    adoption_action,
    formset_saved,
    quotes_confidential,
    service_created,
)

CONFIDENTIAL_QUOTED = _(
    "This text quotes a confidential contribution, which was addressed to the Committee and is never "
    "published. Remove the passage."
)
CHAPTER_TEXTS = ("title_en", "title_fr", "body_en", "body_fr")


# --- Chapters --------------------------------------------------------------------------------------------


class ChapterForm(forms.ModelForm):
    """A new chapter is numbered and placed once; afterwards its titles and texts are saved against the
    version the page was opened with."""

    class Meta:
        model = Chapter
        fields = ("number", "position", "title", "body", "questions", "version")
        widgets = {"version": forms.HiddenInput}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            for name in ("number", "position", "questions"):
                self.fields[name].disabled = True

    def clean(self):
        cleaned = super().clean()
        if not any(name in self.changed_data for name in CHAPTER_TEXTS):
            return cleaned
        report = cleaned.get("report")  # the inline's parent, saved or not
        texts = (cleaned.get(name) or "" for name in CHAPTER_TEXTS)
        if report is not None and report.round_id is not None and quotes_confidential(report.round, *texts):
            self.add_error("body_en", CONFIDENTIAL_QUOTED)
        if (
            self.instance.pk
            and not Chapter.objects.filter(pk=self.instance.pk, version=cleaned.get("version")).exists()
        ):
            self.add_error(
                None,
                _(
                    "Someone saved chapter %(number)s since you opened this page. Open it again to read "
                    "their text, then make your change."
                )
                % {"number": self.instance.number},
            )
        return cleaned


class ChapterInline(TranslationStackedInline):
    model = Chapter
    form = ChapterForm
    extra = 0
    can_delete = False
    fields = ("number", "position", "title", "body", "questions", "version")
    filter_horizontal = ("questions",)

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        questions = formset.form.base_fields.get("questions")
        if questions is not None and obj is not None:
            questions.queryset = Question.objects.filter(questionnaire__round=obj.round_id).order_by(
                "position"
            )
        return formset

    def has_add_permission(self, request, obj=None):
        return (obj is None or not obj.is_adopted) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return (obj is None or not obj.is_adopted) and super().has_change_permission(request, obj)


# --- Reports ---------------------------------------------------------------------------------------------


class AdoptForm(AdoptionForm):
    outside = _("The report is adopted during the meeting: choose a day from its first to its last.")


@admin.register(Report)
class ReportAdmin(RefusalShown, HistoryAdmin, TabbedTranslationAdmin):
    list_display = (
        "title",
        "round",
        "document_ref",
        "state",
        "chapter_count",
        "adopted_at_meeting",
        "adopted_on",
    )
    list_select_related = ("round", "adopted_at_meeting")
    list_filter = ("state", "round")
    search_fields = ("title_en", "title_fr", "document_ref")
    fields = ("round", "title", "document_ref", "state", "adopted_at_meeting", "adopted_on")
    inlines = (ChapterInline,)
    actions = ("adopt_at_meeting",)

    def get_readonly_fields(self, request, obj=None):
        adoption = ("state", "adopted_at_meeting", "adopted_on")
        # No service changes a report's round, titles or reference once it is begun.
        return ("round", "title_en", "title_fr", "document_ref", *adoption) if obj else adoption

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(chapter_count=Count("chapters"))

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("chapters"), ordering="chapter_count")
    def chapter_count(self, report: Report) -> int:
        return report.chapter_count

    def save_model(self, request, obj, form, change):
        if change:
            return
        data = form.cleaned_data
        created = report_create(
            round=data["round"],
            title_en=data["title_en"],
            title_fr=data.get("title_fr") or "",
            document_ref=data.get("document_ref") or "",
            by=request.user,
        )
        service_created(obj, created)

    def save_formset(self, request, form, formset, change):
        """New chapters through `chapter_create`, their texts through `chapter_save`."""
        report, new, changed = form.instance, [], []
        for chapter_form in formset.forms:
            if not chapter_form.has_changed():
                continue
            data = chapter_form.cleaned_data
            texts = {name: data.get(name) or "" for name in CHAPTER_TEXTS}
            chapter = chapter_form.instance
            if chapter.pk is None:
                chapter = chapter_create(
                    report=report,
                    number=data["number"],
                    title_en=texts["title_en"],
                    title_fr=texts["title_fr"],
                    questions=data.get("questions") or [],
                    position=data["position"] if "position" in chapter_form.changed_data else None,
                    by=request.user,
                )
                new.append(chapter)
                if not (texts["body_en"] or texts["body_fr"]):
                    continue
                version = chapter.version
            elif any(name in chapter_form.changed_data for name in CHAPTER_TEXTS):
                version = data["version"]  # the version the page was opened with
                changed.append((chapter, [n for n in CHAPTER_TEXTS if n in chapter_form.changed_data]))
            else:
                continue
            chapter_save(chapter=chapter, version=version, by=request.user, **texts)
        formset_saved(formset, new=new, changed=changed)

    @admin.action(description=_("Adopt at a meeting"), permissions=["change"])
    def adopt_at_meeting(self, request, queryset):
        """Choose the meeting and the day first (an intermediate page), then adopt each report selected."""
        return adoption_action(
            self,
            request,
            queryset,
            form_class=AdoptForm,
            adopt=lambda report, **chosen: report_adopt(report=report, by=request.user, **chosen),
            done=_("%(report)s adopted."),
            template="admin/evaluation/report/adopt.html",
            listed={"reports": queryset.select_related("round")},
        )


# --- Statements ------------------------------------------------------------------------------------------

EVIDENCE = ("questions", "parties", "answers", "contributions")
TEXTS = ("title_en", "title_fr", "text_en", "text_fr")


def _choices(name: str):
    """Only what may be cited: published answers, public acknowledged comments."""
    if name == "answers":
        return answers_visible_to(PUBLIC).select_related("reply__round", "reply__party", "question")
    if name == "contributions":
        return contributions_visible_to(PUBLIC).select_related("round", "organisation")
    if name == "questions":
        return Question.objects.select_related("questionnaire__round").order_by(
            "questionnaire__round_id", "position"
        )
    return Party.objects.order_by("code")


class StatementForm(forms.ModelForm):
    class Meta:
        model = Statement
        fields = (
            "chapter",
            "kind",
            "grade",
            "theme",
            "title",
            "text",
            "applies_to_all",
            "parties",
            "questions",
            "answers",
            "contributions",
        )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "chapter" in self.fields:
            self.fields["chapter"].queryset = chapters_of_drafts()
            self.fields["chapter"].label_from_instance = lambda chapter: f"{chapter.report} — {chapter}"

    def clean(self):
        cleaned = super().clean()
        try:
            finding_texts_check(**{name: cleaned.get(name) for name in TEXTS})
        except TextTooLong as error:
            self.add_error(error.context["field"], error.message)
        chapter = cleaned.get("chapter")
        if chapter is None or any(name in self.errors for name in ("kind", "grade", "theme", *EVIDENCE)):
            return cleaned
        round_ = chapter.report.round
        try:
            finding_check(
                round=round_,
                kind=cleaned.get("kind") or "",
                grade=cleaned.get("grade") or "",
                theme=cleaned.get("theme") or "",
                applies_to_all=bool(cleaned.get("applies_to_all")),
                **{name: cleaned.get(name) or [] for name in EVIDENCE},
            )
        except InvalidFinding as error:
            self.add_error(error.context.get("field"), error.message)
        if quotes_confidential(round_, *(cleaned.get(name) or "" for name in TEXTS)):
            self.add_error("text_en", CONFIDENTIAL_QUOTED)
        return cleaned


@admin.register(Statement)
class StatementAdmin(RefusalShown, HistoryAdmin, TabbedTranslationAdmin):
    """Added here (`statement_add` numbers them R-n, P-n, C-n within their report) and read here; at the
    report's adoption each becomes an adopted finding."""

    form = StatementForm
    list_display = ("reference", "title", "report", "chapter_number", "kind", "grade", "finding_link")
    list_display_links = ("reference", "title")
    list_select_related = ("chapter__report__round", "finding")
    list_filter = ("kind", "grade", "chapter__report")
    search_fields = ("reference", "title_en", "title_fr", "text_en", "text_fr")
    filter_horizontal = EVIDENCE
    readonly_fields = ("reference", "finding_link")
    fieldsets = (
        (None, {"fields": ("chapter", "kind", "grade", "theme")}),
        (_("Text"), {"fields": ("title", "text")}),
        (_("Parties"), {"fields": ("applies_to_all", "parties")}),
        (_("What it rests on"), {"fields": ("questions", "answers", "contributions")}),
    )

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None:
            return fieldsets
        return [(None, {"fields": ("reference", "finding_link")}), *fieldsets]

    def has_change_permission(self, request, obj=None):
        # Added, then read: a statement's reference and text are what the report and its findings cite.
        return obj is None and super().has_change_permission(request)

    def has_delete_permission(self, request, obj=None):
        return False

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        kwargs["queryset"] = _choices(db_field.name)
        field = super().formfield_for_manytomany(db_field, request, **kwargs)
        field.label_from_instance = LABELS[db_field.name]
        return field

    @admin.display(description=_("report"), ordering="chapter__report")
    def report(self, statement: Statement) -> str:
        return str(statement.chapter.report)

    @admin.display(description=_("chapter"), ordering="chapter__position")
    def chapter_number(self, statement: Statement) -> str:
        return statement.chapter.number

    @admin.display(description=_("finding"))
    def finding_link(self, statement: Statement) -> str:
        if statement.finding_id is None:
            return "—"
        url = reverse("admin:reports_finding_change", args=[statement.finding_id])
        return format_html('<a href="{}">{}</a>', url, statement.finding)

    def save_model(self, request, obj, form, change):
        data = form.cleaned_data
        created = statement_add(
            chapter=data["chapter"],
            kind=data["kind"],
            grade=data.get("grade") or "",
            theme=data.get("theme") or "",
            applies_to_all=bool(data.get("applies_to_all")),
            by=request.user,
            **{name: data.get(name) or "" for name in TEXTS},
            **{name: data.get(name) or [] for name in EVIDENCE},
        )
        service_created(obj, created)

    def save_related(self, request, form, formsets, change):
        """The service wrote the statement's links with it; the form has nothing left to save."""
