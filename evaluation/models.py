"""The Committee's evaluation of a round (process-notes.md): Rapporteurs appointed per question, their
observations on the replies and contributions, the numbered meetings that examine them, and the
implementation report drafted chapter by chapter and adopted at a meeting.

Everything here is internal until a report is adopted (`selectors.py` holds the rule). A citation is a link
to its source, never a copy of its text, so whether it may be shown is read from the source each time.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from civil_society.models import ContributionItem
from questionnaires.models import Question, Theme
from reports.models import Finding
from rounds.models import CommitteeMember, Party, Round, TimeStampedModel
from submissions.models import Answer


class Rapporteur(TimeStampedModel):
    """A Committee member appointed to report on one question of a round."""

    round = models.ForeignKey(
        Round, on_delete=models.CASCADE, related_name="rapporteurs", verbose_name=_("round")
    )
    question = models.ForeignKey(
        Question, on_delete=models.CASCADE, related_name="rapporteurs", verbose_name=_("question")
    )
    member = models.ForeignKey(
        CommitteeMember, on_delete=models.PROTECT, related_name="rapporteurships", verbose_name=_("member")
    )

    class Meta:
        ordering = ["round", "question__position"]
        verbose_name = _("Rapporteur")
        verbose_name_plural = _("Rapporteurs")
        constraints = [
            models.UniqueConstraint(fields=["round", "question"], name="one_rapporteur_per_question"),
        ]

    def __str__(self) -> str:
        return f"{self.question.number}: {self.member}"


class Observation(TimeStampedModel):
    """Observations on the replies and contributions to one question or a group of questions, drafted by
    their Rapporteur or by the Secretariat (`rapporteur` empty)."""

    class State(models.TextChoices):
        DRAFT = "draft", _("draft")
        TABLED = "tabled", _("tabled for a meeting")
        EXAMINED = "examined", _("examined")

    round = models.ForeignKey(
        Round, on_delete=models.CASCADE, related_name="observations", verbose_name=_("round")
    )
    questions = models.ManyToManyField(Question, related_name="observations", verbose_name=_("questions"))
    rapporteur = models.ForeignKey(
        CommitteeMember,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="observations",
        verbose_name=_("Rapporteur"),
        help_text=_("Empty when the Secretariat prepares the observations."),
    )
    title = models.CharField(_("title"), max_length=200)
    language = models.CharField(
        _("language"), max_length=2, choices=[("en", _("English")), ("fr", _("French"))], default="en"
    )
    body = models.TextField(_("text"), blank=True, help_text=_("Sanitised HTML."))
    version = models.PositiveIntegerField(_("version"), default=0)
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.DRAFT)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("created by")
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("last saved by"),
    )

    class Meta:
        ordering = ["round", "pk"]
        verbose_name = _("observation")
        verbose_name_plural = _("observations")

    def __str__(self) -> str:
        return self.title


class ObservationVersion(models.Model):
    """Each saved text of an observation, with its author: the observation's history."""

    observation = models.ForeignKey(
        Observation, on_delete=models.CASCADE, related_name="versions", verbose_name=_("observation")
    )
    number = models.PositiveIntegerField(_("version"))
    body = models.TextField(_("text"), blank=True)
    saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("saved by")
    )
    saved_at = models.DateTimeField(_("saved at"), auto_now_add=True)

    class Meta:
        ordering = ["observation", "-number"]
        verbose_name = _("version of an observation")
        verbose_name_plural = _("versions of observations")
        constraints = [
            models.UniqueConstraint(fields=["observation", "number"], name="unique_observation_version"),
        ]

    def __str__(self) -> str:
        return f"{self.observation} v{self.number}"


class ObservationComment(TimeStampedModel):
    """A Committee member's or the Secretariat's comment on an observation."""

    observation = models.ForeignKey(
        Observation, on_delete=models.CASCADE, related_name="comments", verbose_name=_("observation")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("author")
    )
    text = models.TextField(_("comment"))

    class Meta:
        ordering = ["observation", "created_at", "pk"]
        verbose_name = _("comment on an observation")
        verbose_name_plural = _("comments on observations")

    def __str__(self) -> str:
        return f"{self.author}: {self.text[:40]}"


class Citation(TimeStampedModel):
    """A passage of an answer or of a contribution's item, quoted in an observation by reference: the
    source's text and confidentiality are read from the source whenever the citation is shown."""

    observation = models.ForeignKey(
        Observation, on_delete=models.CASCADE, related_name="citations", verbose_name=_("observation")
    )
    answer = models.ForeignKey(
        Answer, on_delete=models.CASCADE, null=True, blank=True, related_name="+", verbose_name=_("answer")
    )
    item = models.ForeignKey(
        ContributionItem,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("contribution's item"),
    )
    passage = models.TextField(_("passage"), help_text=_("The words quoted, as the source has them."))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("quoted by")
    )

    class Meta:
        ordering = ["observation", "pk"]
        verbose_name = _("citation")
        verbose_name_plural = _("citations")
        constraints = [
            models.CheckConstraint(
                condition=Q(answer__isnull=False, item__isnull=True)
                | Q(answer__isnull=True, item__isnull=False),
                name="citation_cites_one_source",
            ),
        ]

    def __str__(self) -> str:
        return self.passage[:60]

    @property
    def is_confidential(self) -> bool:
        return self.item_id is not None and not self.item.contribution.is_public


class Meeting(TimeStampedModel):
    """A numbered meeting of the Committee of the Parties (e.g. the 29th, online, 23 November 2020)."""

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    place = models.CharField(_("place"), max_length=100, help_text=_("A city, or “online”."))
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    papers_sent_at = models.DateTimeField(_("papers sent at"), null=True, blank=True)

    class Meta:
        ordering = ["-number"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="meeting_ends_after"
            ),
        ]

    def __str__(self) -> str:
        return _("Meeting %(number)s") % {"number": self.number}


class AgendaItem(TimeStampedModel):
    """An item on a meeting's agenda: observations or a report's chapter to examine, or a decision to take;
    its document by reference (e.g. T-ES(2020)22) and the decision recorded."""

    class Kind(models.TextChoices):
        OBSERVATION = "observation", _("observations to examine")
        CHAPTER = "chapter", _("report chapter to examine")
        DECISION = "decision", _("decision to take")

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="items", verbose_name=_("meeting")
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=300)
    observation = models.ForeignKey(
        Observation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="agenda_items",
        verbose_name=_("observation"),
    )
    chapter = models.ForeignKey(
        "Chapter",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="agenda_items",
        verbose_name=_("chapter"),
    )
    document_ref = models.CharField(
        _("document"), max_length=40, blank=True, help_text=_("e.g. T-ES(2020)22")
    )
    decision = models.TextField(_("decision"), blank=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)

    class Meta:
        ordering = ["meeting", "position", "pk"]
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="observation", observation__isnull=False, chapter__isnull=True)
                | Q(kind="chapter", chapter__isnull=False, observation__isnull=True)
                | Q(kind="decision", observation__isnull=True, chapter__isnull=True),
                name="agenda_item_names_what_it_examines",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class Report(TimeStampedModel):
    """An implementation report of a round (a round may have several), drafted by the Secretariat and
    adopted by the Committee at a meeting."""

    class State(models.TextChoices):
        DRAFT = "draft", _("draft")
        ADOPTED = "adopted", _("adopted")

    round = models.ForeignKey(
        Round, on_delete=models.PROTECT, related_name="reports", verbose_name=_("round")
    )
    title = models.CharField(_("title"), max_length=300)
    document_ref = models.CharField(
        _("document"), max_length=40, blank=True, help_text=_("e.g. T-ES(2022)02")
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.DRAFT)
    adopted_at_meeting = models.ForeignKey(
        Meeting,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="adopted_reports",
        verbose_name=_("adopted at"),
    )
    adopted_on = models.DateField(_("adopted on"), null=True, blank=True)

    class Meta:
        ordering = ["round", "position", "pk"]
        verbose_name = _("implementation report")
        verbose_name_plural = _("implementation reports")
        indexes = [models.Index(fields=["updated_at"], name="report_updated_at")]
        constraints = [
            models.CheckConstraint(
                condition=Q(state="draft", adopted_on__isnull=True)
                | Q(state="adopted", adopted_on__isnull=False),
                name="report_adopted_has_date",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_adopted(self) -> bool:
        return self.state == self.State.ADOPTED


class Chapter(TimeStampedModel):
    """A numbered chapter or section of a report ("I", "I.2"), in English and French, versioned."""

    report = models.ForeignKey(
        Report, on_delete=models.CASCADE, related_name="chapters", verbose_name=_("report")
    )
    number = models.CharField(_("number"), max_length=20, help_text=_("e.g. I, or I.2 for a section."))
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    title = models.CharField(_("title"), max_length=300)
    body = models.TextField(_("text"), blank=True, help_text=_("Sanitised HTML."))
    questions = models.ManyToManyField(
        Question, related_name="chapters", blank=True, verbose_name=_("questions it covers")
    )
    version = models.PositiveIntegerField(_("version"), default=0)

    class Meta:
        ordering = ["report", "position", "pk"]
        verbose_name = _("chapter")
        verbose_name_plural = _("chapters")
        constraints = [
            models.UniqueConstraint(fields=["report", "number"], name="unique_chapter_number"),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"

    @property
    def anchor(self) -> str:
        return "chapter-" + self.number.replace(".", "-")

    @property
    def depth(self) -> int:
        return self.number.count(".")


class ChapterVersion(models.Model):
    chapter = models.ForeignKey(
        Chapter, on_delete=models.CASCADE, related_name="versions", verbose_name=_("chapter")
    )
    number = models.PositiveIntegerField(_("version"))
    title_en = models.CharField(_("title (English)"), max_length=300)
    title_fr = models.CharField(_("title (French)"), max_length=300, blank=True)
    body_en = models.TextField(_("text (English)"), blank=True)
    body_fr = models.TextField(_("text (French)"), blank=True)
    saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("saved by")
    )
    saved_at = models.DateTimeField(_("saved at"), auto_now_add=True)

    class Meta:
        ordering = ["chapter", "-number"]
        verbose_name = _("version of a chapter")
        verbose_name_plural = _("versions of chapters")
        constraints = [
            models.UniqueConstraint(fields=["chapter", "number"], name="unique_chapter_version"),
        ]

    def __str__(self) -> str:
        return f"{self.chapter} v{self.number}"


class Statement(TimeStampedModel):
    """A recommendation, promising practice or challenge structured in a chapter, with a stable reference
    (R-1, P-1, C-1 within its report) that the follow-up of recommendations uses. At the report's adoption
    it becomes the round's adopted finding (`finding`), with the same evidence."""

    PREFIX = {
        Finding.Kind.RECOMMENDATION: "R",
        Finding.Kind.PROMISING_PRACTICE: "P",
        Finding.Kind.CHALLENGE: "C",
    }

    chapter = models.ForeignKey(
        Chapter, on_delete=models.CASCADE, related_name="statements", verbose_name=_("chapter")
    )
    reference = models.CharField(_("reference"), max_length=12, editable=False)
    kind = models.CharField(_("kind"), max_length=20, choices=Finding.Kind.choices)
    grade = models.CharField(_("grade"), max_length=10, choices=Finding.Grade.choices, blank=True)
    theme = models.CharField(
        _("theme"),
        max_length=30,
        choices=Theme.choices,
        blank=True,
        help_text=_("Leave empty to take the theme of the questions cited, when they share one."),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("text"))
    parties = models.ManyToManyField(
        Party, related_name="report_statements", blank=True, verbose_name=_("Parties concerned")
    )
    applies_to_all = models.BooleanField(_("concerns all Parties"), default=False)
    questions = models.ManyToManyField(
        Question, related_name="report_statements", blank=True, verbose_name=_("questions it rests on")
    )
    answers = models.ManyToManyField(
        Answer, related_name="report_statements", blank=True, verbose_name=_("answers cited as evidence")
    )
    contributions = models.ManyToManyField(
        "civil_society.Contribution",
        related_name="report_statements",
        blank=True,
        verbose_name=_("public comments cited as evidence"),
    )
    finding = models.OneToOneField(
        Finding,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="statement",
        verbose_name=_("finding"),
    )

    class Meta:
        ordering = ["chapter", "position", "pk"]
        verbose_name = _("statement of a report")
        verbose_name_plural = _("statements of a report")
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="recommendation", grade__in=["urges", "considers", "invites"])
                | (~Q(kind="recommendation") & Q(grade="")),
                name="statement_grade_iff_recommendation",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reference} {self.title}"

    @property
    def anchor(self) -> str:
        return self.reference.lower()


def _report_pdf_path(document: "ReportDocument", filename: str) -> str:
    """The server chooses the name."""
    return f"reports/{document.report.round.slug}/report-{document.report.pk}-{document.language}.pdf"


class ReportDocument(TimeStampedModel):
    """The adopted report rendered to PDF in one language by the PDF worker; `data_version` is the hash of
    what it shows, so that a rendering that is current is never done twice."""

    report = models.ForeignKey(
        Report, on_delete=models.CASCADE, related_name="documents", verbose_name=_("report")
    )
    language = models.CharField(
        _("language"), max_length=2, choices=[("en", _("English")), ("fr", _("French"))]
    )
    file = models.FileField(_("file"), upload_to=_report_pdf_path, blank=True)
    sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True)
    pages = models.PositiveIntegerField(_("pages"), default=0)
    data_version = models.CharField(_("data version"), max_length=64, blank=True)
    rendered_at = models.DateTimeField(_("rendered at"), null=True, blank=True)
    queued_at = models.DateTimeField(_("queued at"), null=True, blank=True)

    class Meta:
        ordering = ["report", "language"]
        verbose_name = _("report PDF")
        verbose_name_plural = _("report PDFs")
        constraints = [
            models.UniqueConstraint(fields=["report", "language"], name="unique_report_document"),
        ]

    def __str__(self) -> str:
        return f"{self.report} ({self.language})"
