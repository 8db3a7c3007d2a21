from modeltranslation.translator import TranslationOptions, register

from .models import Finding


@register(Finding)
class FindingTranslation(TranslationOptions):
    fields = ("title", "text", "figure_label")
    required_languages = {"en": ("title", "text"), "fr": ("title", "text")}
