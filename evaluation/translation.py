from modeltranslation.translator import TranslationOptions, register

from .models import Chapter, Report, Statement


@register(Report)
class ReportTranslation(TranslationOptions):
    fields = ("title",)
    required_languages = {"en": ("title",)}


@register(Chapter)
class ChapterTranslation(TranslationOptions):
    fields = ("title", "body")
    required_languages = {"en": ("title",)}


@register(Statement)
class StatementTranslation(TranslationOptions):
    fields = ("title", "text")
    required_languages = {"en": ("title", "text"), "fr": ("title", "text")}
