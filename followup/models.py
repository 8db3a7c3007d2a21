"""The follow-up of a round's recommendations (DESIGN §2 "Follow-up"; process-notes.md).

A compliance exercise is a `rounds.Round` of the kind "follow-up" (`Round.follows` names the round followed
up): its questionnaire asks one question per recommendation followed up, addressed to the Parties it
concerns, and each Party answers it in a reply like any other. What only the follow-up has lives here: which
recommendation each question asks about (`Item`), the Committee's assessment of each Party's compliance
(`Assessment`, proposed, then adopted at a meeting; every one kept and dated), and the additional
clarifications asked of a Party not (yet) in compliance (`Clarification`, a new cycle on the item).

Proposals are internal until adopted (`selectors.py` holds the rule).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.deadlines import end_of_day
from evaluation.models import Meeting, Statement
from questionnaires.models import Question
from reports.models import Finding
from rounds.models import Party, Round, TimeStampedModel
from submissions.models import Answer

LANGUAGES = [("en", _("English")), ("fr", _("French"))]


class Item(TimeStampedModel):
    """A recommendation followed up in an exercise: the question of the follow-up's questionnaire that asks
    the Parties concerned what they did about it."""

    question = models.OneToOneField(
        Question, on_delete=models.CASCADE, related_name="followup_item", verbose_name=_("question")
    )
    finding = models.ForeignKey(
        Finding, on_delete=models.PROTECT, related_name="followup_items", verbose_name=_("recommendation")
    )
    statement = models.ForeignKey(
        Statement,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="followup_items",
        verbose_name=_("statement of the report"),
        help_text=_("Empty when the recommendation was adopted without a report."),
    )

    class Meta:
        ordering = ["question__questionnaire", "question__position"]
        verbose_name = _("recommendation followed up")
        verbose_name_plural = _("recommendations followed up")

    def __str__(self) -> str:
        return f"{self.reference}: {self.finding.title}"

    @property
    def reference(self) -> str:
        """The report's reference of the recommendation (R-3), else the question's number."""
        return self.statement.reference if self.statement_id else self.question.number


class Level(models.TextChoices):
    COMPLIED = "complied", _("complied")
    PARTIALLY_COMPLIED = "partially_complied", _("partially complied")
    NOT_COMPLIED = "not_complied", _("not complied")
    NO_INFORMATION = "no_information", _("no information")


class Assessment(TimeStampedModel):
    """The Committee's assessment of one Party's compliance with one recommendation, in one cycle:
    proposed by the Secretariat or the Rapporteur, adopted at a meeting. The current level of an item for a
    Party is its latest adopted assessment."""

    Level = Level

    class State(models.TextChoices):
        # An assessment: "évaluation" is feminine in French.
        PROPOSED = "proposed", pgettext_lazy("assessment", "proposed")
        ADOPTED = "adopted", pgettext_lazy("assessment", "adopted")

    round = models.ForeignKey(
        Round, on_delete=models.PROTECT, related_name="assessments", verbose_name=_("follow-up")
    )
    question = models.ForeignKey(
        Question, on_delete=models.PROTECT, related_name="assessments", verbose_name=_("question")
    )
    party = models.ForeignKey(
        Party, on_delete=models.PROTECT, related_name="assessments", verbose_name=_("Party")
    )
    cycle = models.PositiveSmallIntegerField(
        _("cycle"), default=1, help_text=_("1, then one more after each request for clarifications.")
    )
    level = models.CharField(_("level"), max_length=20, choices=Level.choices)
    reasoning = models.TextField(_("reasoning"))
    language = models.CharField(_("language"), max_length=2, choices=LANGUAGES, default="en")
    evidence = models.ManyToManyField(
        Answer, related_name="assessments", blank=True, verbose_name=_("answers it rests on")
    )
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.PROPOSED)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("proposed by")
    )
    adopted_at_meeting = models.ForeignKey(
        Meeting,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="adopted_assessments",
        verbose_name=_("adopted at"),
    )
    adopted_on = models.DateField(_("adopted on"), null=True, blank=True)

    class Meta:
        ordering = ["round", "question__position", "party__code", "cycle", "pk"]
        verbose_name = _("assessment of compliance")
        verbose_name_plural = _("assessments of compliance")
        constraints = [
            models.CheckConstraint(
                condition=Q(level__in=["complied", "partially_complied", "not_complied", "no_information"]),
                name="assessment_level_known",
            ),
            models.CheckConstraint(condition=Q(cycle__gte=1), name="assessment_cycle_from_one"),
            models.CheckConstraint(
                condition=Q(state="proposed", adopted_on__isnull=True, adopted_at_meeting__isnull=True)
                | Q(state="adopted", adopted_on__isnull=False, adopted_at_meeting__isnull=False),
                name="assessment_adopted_at_a_meeting",
            ),
        ]
        indexes = [models.Index(fields=["round", "state"], name="assessment_round_state")]

    def __str__(self) -> str:
        return f"{self.question.number} {self.party.code} ({self.cycle}): {self.get_level_display()}"

    @property
    def is_adopted(self) -> bool:
        return self.state == self.State.ADOPTED


class Clarification(TimeStampedModel):
    """Additional clarifications asked of a Party not (yet) in compliance with a recommendation: a new cycle
    on the item, with its own deadline. The next assessment of the item for the Party is of this cycle."""

    round = models.ForeignKey(
        Round, on_delete=models.PROTECT, related_name="clarifications", verbose_name=_("follow-up")
    )
    question = models.ForeignKey(
        Question, on_delete=models.PROTECT, related_name="clarifications", verbose_name=_("question")
    )
    party = models.ForeignKey(
        Party, on_delete=models.PROTECT, related_name="clarifications", verbose_name=_("Party")
    )
    cycle = models.PositiveSmallIntegerField(_("cycle"))
    requested_on = models.DateField(_("requested on"))
    due_on = models.DateField(_("due on"))
    request = models.TextField(_("request"))
    language = models.CharField(_("language"), max_length=2, choices=LANGUAGES, default="en")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("requested by")
    )
    # The Party's response, written by its focal points: saved like an answer (compare-and-set on the
    # version), then submitted once; evidence for the cycle's assessment.
    response = models.TextField(_("response"), blank=True, help_text=_("Sanitised HTML."))
    version = models.PositiveIntegerField(_("version"), default=0, help_text=_("0 until first saved."))
    responded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("response saved by"),
    )
    submitted_at = models.DateTimeField(_("response submitted at"), null=True, blank=True)

    class Meta:
        ordering = ["round", "question__position", "party__code", "cycle"]
        verbose_name = _("request for clarifications")
        verbose_name_plural = _("requests for clarifications")
        constraints = [
            models.UniqueConstraint(
                fields=["round", "question", "party", "cycle"], name="one_clarification_per_cycle"
            ),
            models.CheckConstraint(condition=Q(cycle__gte=2), name="clarification_opens_a_cycle"),
            models.CheckConstraint(
                condition=Q(due_on__gte=models.F("requested_on")), name="clarification_due_after_request"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.question.number} {self.party.code} ({self.cycle})"

    @property
    def is_submitted(self) -> bool:
        return self.submitted_at is not None

    @property
    def is_late(self) -> bool:
        """Submitted after the end of its due day in Strasbourg (accepted all the same, and marked)."""
        return self.submitted_at is not None and self.submitted_at >= end_of_day(self.due_on)


class Exercise(Round):
    """A follow-up round as the Secretariat opens it: the admin's list of exercises and its form."""

    class Meta:
        proxy = True
        verbose_name = _("follow-up exercise")
        verbose_name_plural = _("follow-up exercises")
