from modeltranslation.translator import TranslationOptions, register

from .models import Language, Party, PartyStatement, Round


@register(Language)
class LanguageTranslation(TranslationOptions):
    fields = ("name",)


@register(Party)
class PartyTranslation(TranslationOptions):
    fields = ("name",)
    required_languages = ("en", "fr")


@register(PartyStatement)
class PartyStatementTranslation(TranslationOptions):
    fields = ("text",)


@register(Round)
class RoundTranslation(TranslationOptions):
    fields = ("theme", "summary")
    required_languages = ("en", "fr")
