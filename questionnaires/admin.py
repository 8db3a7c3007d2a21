from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin

from .models import LinguisticVersion, Question, Questionnaire, QuestionText


@admin.register(Questionnaire)
class QuestionnaireAdmin(TabbedTranslationAdmin):
    list_display = ("title", "round", "question_count")
    list_select_related = ("round",)
    search_fields = ("title_en", "title_fr", "round__slug")

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(question_count=Count("questions"))

    @admin.display(description=_("questions"), ordering="question_count")
    def question_count(self, questionnaire: Questionnaire) -> int:
        return questionnaire.question_count


@admin.register(Question)
class QuestionAdmin(TabbedTranslationAdmin):
    list_display = ("number", "short_text", "kind", "theme", "articles", "asks_for_data", "questionnaire")
    list_display_links = ("number", "short_text")
    list_select_related = ("questionnaire",)
    list_filter = ("questionnaire__round", "kind", "theme", "asks_for_data")
    search_fields = ("number", "text_en", "text_fr", "articles")
    autocomplete_fields = ("parent",)
    filter_horizontal = ("parties",)
    list_per_page = 100
    fields = (
        "questionnaire",
        "parent",
        "number",
        "position",
        "kind",
        "theme",
        "articles",
        "required",
        "asks_for_data",
        "parties",
        "text",
        "guidance",
    )

    @admin.display(description=_("text"))
    def short_text(self, question: Question) -> str:
        return question.text if len(question.text) <= 90 else f"{question.text[:89]}…"


class QuestionTextInline(admin.StackedInline):
    model = QuestionText
    extra = 0
    autocomplete_fields = ("question",)


@admin.register(LinguisticVersion)
class LinguisticVersionAdmin(admin.ModelAdmin):
    list_display = ("questionnaire", "language", "document", "text_count")
    list_select_related = ("questionnaire", "language")
    list_filter = ("language",)
    inlines = (QuestionTextInline,)

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(text_count=Count("texts"))

    @admin.display(description=_("translated questions"), ordering="text_count")
    def text_count(self, version: LinguisticVersion) -> int:
        return version.text_count
