"""A Party's reply to a round's questionnaire: its answers, their history, attachments and audit trail."""

import uuid
from pathlib import PurePath

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

from core.languages import OfficialLanguage
from questionnaires.models import Question
from rounds.models import Language, Party, Round, TimeStampedModel


class Reply(TimeStampedModel):
    class State(models.TextChoices):
        DRAFT = "draft", _("draft")
        RETURNED = "returned", _("sent back for corrections")
        SUBMITTED = "submitted", _("submitted")
        REGISTERED = "registered", _("registered")
        PUBLISHED = "published", _("published")

    EDITABLE_STATES = (State.DRAFT, State.RETURNED)

    round = models.ForeignKey(
        Round, on_delete=models.PROTECT, related_name="replies", verbose_name=_("round")
    )
    party = models.ForeignKey(
        Party, on_delete=models.PROTECT, related_name="replies", verbose_name=_("Party")
    )
    state = models.CharField(_("state"), max_length=12, choices=State.choices, default=State.DRAFT)
    language = models.CharField(
        _("official language"), max_length=2, choices=OfficialLanguage.choices, default=OfficialLanguage.EN
    )
    national_language = models.ForeignKey(
        Language,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("national language"),
    )
    submitted_at = models.DateTimeField(_("first submitted"), null=True, blank=True)
    is_late = models.BooleanField(_("late"), default=False)
    registered_at = models.DateTimeField(_("registered"), null=True, blank=True)
    published_on = models.DateField(_("published on"), null=True, blank=True)
    overdue_at = models.DateTimeField(
        _("overdue since"),
        null=True,
        blank=True,
        help_text=_("Set once, by the sweep, when the deadline passed."),
    )

    class Meta:
        ordering = ["round", "party"]
        verbose_name = _("State reply")
        verbose_name_plural = _("State replies")
        constraints = [
            models.UniqueConstraint(fields=["round", "party"], name="one_reply_per_party_per_round"),
            models.CheckConstraint(
                condition=~Q(state="published") | Q(published_on__isnull=False),
                name="published_reply_has_date",
            ),
        ]

    def __str__(self) -> str:
        return _("Reply %(of_party)s, %(round)s") % {"of_party": self.party.of_name, "round": self.round}

    @property
    def is_editable(self) -> bool:
        return self.state in self.EDITABLE_STATES


class Answer(TimeStampedModel):
    """The current text of one answer; every saved version is kept in `AnswerVersion`.

    An answer marked `no_information` completes its question without an answer: its texts, if any, say why.

    `version` counts saves: a writer states the version it read, and a save against a newer one is refused.
    """

    reply = models.ForeignKey(
        Reply, on_delete=models.CASCADE, related_name="answers", verbose_name=_("reply")
    )
    question = models.ForeignKey(
        Question, on_delete=models.PROTECT, related_name="answers", verbose_name=_("question")
    )
    text = models.TextField(_("text"), blank=True)
    national_text = models.TextField(_("national-language text"), blank=True)
    # Each text as the pages show it (escaped, in paragraphs), rendered once by whoever writes the text
    # (`submissions.answer_html.answer_with_html`) rather than at every page: the pages of a round repeat
    # megabytes of answers.
    text_html = models.TextField(_("text as HTML"), blank=True, editable=False)
    national_text_html = models.TextField(_("national-language text as HTML"), blank=True, editable=False)
    no_information = models.BooleanField(
        _("no information available"),
        default=False,
        help_text=_("The Party has no information on this question; the texts, if any, explain why."),
    )
    version = models.PositiveIntegerField(_("version"), default=1)
    saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("last saved by")
    )

    class Meta:
        ordering = ["reply", "question__position"]
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(fields=["reply", "question"], name="one_answer_per_question"),
        ]

    def __str__(self) -> str:
        return f"{self.reply.party.code} {self.question.number}"

    @property
    def shown_text(self) -> SafeString:
        """The official text as the pages show it."""
        return mark_safe(self.text_html)  # noqa: S308 (escaped when the text was written: answer_html)

    @property
    def shown_national_text(self) -> SafeString:
        return mark_safe(self.national_text_html)  # noqa: S308 (escaped when written: answer_html)


class AnswerVersion(models.Model):
    answer = models.ForeignKey(
        Answer, on_delete=models.CASCADE, related_name="versions", verbose_name=_("answer")
    )
    version = models.PositiveIntegerField(_("version"))
    text = models.TextField(_("text"), blank=True)
    national_text = models.TextField(_("national-language text"), blank=True)
    no_information = models.BooleanField(_("no information available"), default=False)
    saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("saved by")
    )
    saved_at = models.DateTimeField(_("saved at"), auto_now_add=True)

    class Meta:
        ordering = ["answer", "-version"]
        verbose_name = _("answer version")
        verbose_name_plural = _("answer versions")
        constraints = [
            models.UniqueConstraint(fields=["answer", "version"], name="unique_answer_version"),
        ]

    def __str__(self) -> str:
        return f"{self.answer} v{self.version}"


def attachment_path(attachment: "Attachment", filename: str) -> str:
    """A name the server chooses: the uploader's file name is kept as data, never used as a path."""
    suffix = PurePath(filename).suffix.lower()[:8]
    return f"replies/{attachment.reply_id}/{uuid.uuid4().hex}{suffix}"


class Attachment(TimeStampedModel):
    class Kind(models.TextChoices):
        PDF = "pdf", "PDF"
        DOCX = "docx", "Word (DOCX)"
        ODT = "odt", "OpenDocument (ODT)"

    reply = models.ForeignKey(
        Reply, on_delete=models.CASCADE, related_name="attachments", verbose_name=_("reply")
    )
    question = models.ForeignKey(
        Question,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("question"),
        help_text=_("Empty for a document about the whole reply."),
    )
    title = models.CharField(_("title"), max_length=200)
    language = models.CharField(_("language"), max_length=3)
    file = models.FileField(_("file"), upload_to=attachment_path)
    original_name = models.CharField(_("original file name"), max_length=255)
    kind = models.CharField(_("type"), max_length=4, choices=Kind.choices)
    size = models.PositiveIntegerField(_("size in bytes"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("uploaded by")
    )

    class Meta:
        ordering = ["reply", "created_at"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self) -> str:
        return self.title


class ReplyTransition(models.Model):
    """The audit trail: every change of a reply's state, by whom, when, and why."""

    reply = models.ForeignKey(
        Reply, on_delete=models.CASCADE, related_name="transitions", verbose_name=_("reply")
    )
    from_state = models.CharField(_("from"), max_length=12, choices=Reply.State.choices, blank=True)
    to_state = models.CharField(_("to"), max_length=12, choices=Reply.State.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("by")
    )
    at = models.DateTimeField(_("at"), auto_now_add=True)
    message = models.TextField(_("message"), blank=True)

    class Meta:
        ordering = ["reply", "at", "pk"]
        verbose_name = _("state change")
        verbose_name_plural = _("state changes")

    def __str__(self) -> str:
        return f"{self.reply}: {self.from_state or '—'} → {self.to_state}"


class WordImport(models.Model):
    """An uploaded Word file, read and matched to questions, waiting for the user to confirm the changes.

    `entries` holds, per matched question, the text read and the answer version it was compared with, so
    applying it later refuses to overwrite what a colleague saved in between.
    """

    reply = models.ForeignKey(
        Reply, on_delete=models.CASCADE, related_name="word_imports", verbose_name=_("reply")
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("uploaded by")
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    original_name = models.CharField(_("original file name"), max_length=255)
    entries = models.JSONField(_("matched answers"), default=list)
    unmatched = models.JSONField(_("unmatched parts"), default=list)
    applied_at = models.DateTimeField(_("applied at"), null=True, blank=True)

    class Meta:
        ordering = ["-uploaded_at"]
        verbose_name = _("Word import")
        verbose_name_plural = _("Word imports")

    def __str__(self) -> str:
        return f"{self.reply} — {self.original_name}"
