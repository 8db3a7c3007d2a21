"""A round's questionnaire, its numbered questions, and its national-language versions."""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from rounds.models import Language, Party, Round, TimeStampedModel

QUESTION_NUMBER = RegexValidator(r"^\d+(\.\d+)*(\.[a-z])?$", _("Number questions like 6, 6.1 or 6.1.a."))
ARTICLE_REFERENCES = RegexValidator(
    r"^(\d+(§\d+)?(\.[a-z])?)(, \d+(§\d+)?(\.[a-z])?)*$",
    _("List articles separated by a comma and a space, e.g. “20§1.a, 23”."),
)


class Theme(models.TextChoices):
    PREVENTION = "prevention", _("prevention")
    PROTECTION = "protection", _("protection")
    PROSECUTION = "prosecution", _("prosecution")
    INTERNATIONAL_COOPERATION = "international_cooperation", _("international cooperation")


class Questionnaire(TimeStampedModel):
    round = models.OneToOneField(
        Round, on_delete=models.CASCADE, related_name="questionnaire", verbose_name=_("round")
    )
    title = models.CharField(_("title"), max_length=300)
    introduction = models.TextField(
        _("preliminary remarks"),
        blank=True,
        help_text=_(
            "What the questionnaire says before its questions (definitions, scope). Shown on the round's "
            "page, in the reply editor and in the Word file; a blank line separates paragraphs."
        ),
    )

    class Meta:
        ordering = ["round"]
        verbose_name = _("questionnaire")
        verbose_name_plural = _("questionnaires")

    def __str__(self) -> str:
        return self.title


class Question(TimeStampedModel):
    class Kind(models.TextChoices):
        MONITORING = "monitoring", _("monitoring")
        CAPACITY_BUILDING = "capacity_building", _("capacity-building")

    questionnaire = models.ForeignKey(
        Questionnaire, on_delete=models.CASCADE, related_name="questions", verbose_name=_("questionnaire")
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        related_name="subparts",
        null=True,
        blank=True,
        verbose_name=_("part of"),
    )
    number = models.CharField(_("number"), max_length=20, validators=[QUESTION_NUMBER])
    position = models.PositiveIntegerField(_("position"), help_text=_("Order within the questionnaire."))
    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=Kind.choices,
        help_text=_(
            "Monitoring questions lead to recommendations, capacity-building ones to promising practices."
        ),
    )
    theme = models.CharField(_("theme"), max_length=30, choices=Theme.choices)
    articles = models.CharField(
        _("Convention articles"), max_length=200, blank=True, validators=[ARTICLE_REFERENCES]
    )
    required = models.BooleanField(
        _("answer required"), default=True, help_text=_("A reply cannot be complete without an answer to it.")
    )
    asks_for_data = models.BooleanField(
        _("asks for data"), default=False, help_text=_("The question asks for figures (victims, cases, …).")
    )
    text = models.TextField(_("text"))
    guidance = models.TextField(_("guidance"), blank=True)
    parties = models.ManyToManyField(
        Party,
        blank=True,
        related_name="questions_addressed",
        verbose_name=_("addressed to"),
        help_text=_("Leave empty for every Party monitored."),
    )

    class Meta:
        ordering = ["questionnaire", "position"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        constraints = [
            models.UniqueConstraint(
                fields=["questionnaire", "number"],
                name="unique_question_number",
                violation_error_message=_("This questionnaire already has a question with this number."),
            ),
        ]

    def __str__(self) -> str:
        return _("Question %(number)s") % {"number": self.number}

    def clean(self) -> None:
        if self.parent_id is None:
            return
        if self.parent.questionnaire_id != self.questionnaire_id:
            raise ValidationError(
                {"parent": _("A sub-part belongs to the same questionnaire as its question.")}
            )
        if not self.number.startswith(f"{self.parent.number}."):
            raise ValidationError(
                {
                    "number": _("A sub-part of question %(parent)s is numbered %(parent)s.…")
                    % {"parent": self.parent.number}
                }
            )

    @property
    def article_list(self) -> list[str]:
        return self.articles.split(", ") if self.articles else []

    @property
    def depth(self) -> int:
        return self.number.count(".")


class LinguisticVersion(TimeStampedModel):
    """The questionnaire in a Party's national language: a document, texts per question, or both.

    Any number of languages without a column per language: one row here, one `QuestionText` per question.
    """

    questionnaire = models.ForeignKey(
        Questionnaire, on_delete=models.CASCADE, related_name="versions", verbose_name=_("questionnaire")
    )
    language = models.ForeignKey(
        Language, on_delete=models.PROTECT, related_name="+", verbose_name=_("language")
    )
    document = models.FileField(_("document"), upload_to="questionnaires/versions/", blank=True)

    class Meta:
        ordering = ["questionnaire", "language"]
        verbose_name = _("linguistic version")
        verbose_name_plural = _("linguistic versions")
        constraints = [
            models.UniqueConstraint(fields=["questionnaire", "language"], name="unique_version_language"),
        ]

    def __str__(self) -> str:
        return f"{self.questionnaire} ({self.language.code})"


class QuestionText(models.Model):
    version = models.ForeignKey(
        LinguisticVersion, on_delete=models.CASCADE, related_name="texts", verbose_name=_("version")
    )
    question = models.ForeignKey(
        Question, on_delete=models.CASCADE, related_name="national_texts", verbose_name=_("question")
    )
    text = models.TextField(_("text"))
    guidance = models.TextField(_("guidance"), blank=True)

    class Meta:
        ordering = ["version", "question__position"]
        verbose_name = _("question text")
        verbose_name_plural = _("question texts")
        constraints = [
            models.UniqueConstraint(fields=["version", "question"], name="unique_question_text_per_version"),
        ]

    def __str__(self) -> str:
        return f"{self.question.number} ({self.version.language.code})"

    def clean(self) -> None:
        if (
            self.question_id
            and self.version_id
            and self.question.questionnaire_id != self.version.questionnaire_id
        ):
            raise ValidationError({"question": _("Choose a question of this version's questionnaire.")})
