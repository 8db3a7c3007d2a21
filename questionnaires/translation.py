from modeltranslation.translator import TranslationOptions, register

from .models import Question, Questionnaire


@register(Questionnaire)
class QuestionnaireTranslation(TranslationOptions):
    fields = ("title", "introduction")
    required_languages = ("en", "fr")


@register(Question)
class QuestionTranslation(TranslationOptions):
    fields = ("text", "guidance")
    required_languages = {"en": ("text",), "fr": ("text",)}
