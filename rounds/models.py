"""Parties to the Convention, monitoring rounds, and who takes part in them.

This is the lowest app: every other app may import it, it imports none of them.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from core.dates import date_display

from . import names


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        abstract = True


class Language(models.Model):
    """A national language in which Parties may write (ISO 639-1), beside the official EN and FR."""

    code = models.CharField(
        _("code"),
        max_length=3,
        unique=True,
        validators=[RegexValidator(r"^[a-z]{2,3}$", _("Use the ISO 639-1 code in lower case, e.g. “de”."))],
    )
    name = models.CharField(_("name"), max_length=60)

    class Meta:
        ordering = ["code"]
        verbose_name = _("language")
        verbose_name_plural = _("languages")

    def __str__(self) -> str:
        return self.name


class Party(TimeStampedModel):
    """A State bound by the Convention."""

    code = models.CharField(
        _("ISO code"),
        max_length=2,
        unique=True,
        validators=[
            RegexValidator(r"^[A-Z]{2}$", _("Use the ISO 3166-1 alpha-2 code in capitals, e.g. “FR”."))
        ],
        help_text=_("ISO 3166-1 alpha-2, e.g. FR."),
    )
    name = models.CharField(_("name"), max_length=100)
    # How the name stands in a sentence, as data: no rule can tell "la Hongrie" from "l'Allemagne".
    article_en = models.CharField(
        _("article in English"),
        max_length=3,
        blank=True,
        choices=[("the", "the")],
        help_text=_("“the” for the Netherlands, the United Kingdom, the Republic of Moldova."),
    )
    article_fr = models.CharField(
        _("article in French"),
        max_length=3,
        blank=True,
        choices=[("le", _("le (masculine)")), ("la", _("la (feminine)")), ("les", _("les (plural)"))],
        help_text=_("Empty for names without an article, such as Malte or Monaco."),
    )
    elided_fr = models.BooleanField(
        _("elided in French"),
        default=False,
        help_text=_("The French name begins with a vowel sound: l'Allemagne, d'Andorre (not la Hongrie)."),
    )
    national_languages = models.ManyToManyField(
        Language, verbose_name=_("national languages"), related_name="parties", blank=True
    )
    signed_on = models.DateField(_("signature"), null=True, blank=True)
    ratified_on = models.DateField(_("ratification or accession"), null=True, blank=True)
    in_force_on = models.DateField(_("entry into force"), null=True, blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("Party")
        verbose_name_plural = _("Parties")
        constraints = [
            models.CheckConstraint(
                condition=Q(ratified_on__isnull=True)
                | Q(in_force_on__isnull=True)
                | Q(in_force_on__gte=models.F("ratified_on")),
                name="party_in_force_after_ratification",
                violation_error_message=_("Entry into force cannot precede ratification."),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def name_with_article(self) -> str:
        """In the active language: "the Netherlands", "l'Allemagne", "le Luxembourg", "Malte"."""
        return names.name_with_article(self)

    @property
    def of_name(self) -> str:
        """In the active language: "of Germany", "de l'Allemagne", "du Luxembourg", "des Pays-Bas"."""
        return names.of_name(self)


class PartyStatement(TimeStampedModel):
    """A reservation or declaration a Party made on an article of the Convention."""

    class Kind(models.TextChoices):
        RESERVATION = "reservation", _("reservation")
        DECLARATION = "declaration", _("declaration")

    party = models.ForeignKey(
        Party, on_delete=models.CASCADE, related_name="statements", verbose_name=_("Party")
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    article = models.CharField(
        _("article"),
        max_length=20,
        validators=[
            RegexValidator(r"^\d+(§\d+)?(\.[a-z])?$", _("Write the article as 20 or 20§3 or 20§1.a."))
        ],
        help_text=_("For example 20§3."),
    )
    text = models.TextField(_("text"))

    class Meta:
        ordering = ["party", "article"]
        verbose_name = _("reservation or declaration")
        verbose_name_plural = _("reservations and declarations")
        constraints = [
            models.UniqueConstraint(
                fields=["party", "kind", "article"], name="unique_party_statement_per_article"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.party.code} {self.get_kind_display()} {self.article}"


class FocalPoint(TimeStampedModel):
    """A user who writes replies on behalf of exactly one Party."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="focal_point", verbose_name=_("user")
    )
    party = models.ForeignKey(
        Party, on_delete=models.PROTECT, related_name="focal_points", verbose_name=_("Party")
    )

    class Meta:
        ordering = ["party", "user__username"]
        verbose_name = _("focal point")
        verbose_name_plural = _("focal points")

    def __str__(self) -> str:
        return f"{self.user} ({self.party.code})"


class CommitteeMember(TimeStampedModel):
    """A user who sits on the Committee for one Party's delegation; never also that Party's focal point
    (`rounds.services.committee_member_appoint` refuses it)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="committee_member",
        verbose_name=_("user"),
    )
    party = models.ForeignKey(
        Party, on_delete=models.PROTECT, related_name="committee_members", verbose_name=_("Party")
    )

    class Meta:
        ordering = ["party", "user__username"]
        verbose_name = _("Committee member")
        verbose_name_plural = _("Committee members")

    def __str__(self) -> str:
        name = self.user.get_full_name() or self.user.username
        return f"{name} ({self.party.code})"


class Round(TimeStampedModel):
    """A thematic monitoring round: every Party monitored answers the same questionnaire."""

    class Kind(models.TextChoices):
        REGULAR = "regular", _("regular")
        URGENT = "urgent", _("urgent")
        FOLLOW_UP = "follow_up", _("follow-up")

    class Status(models.TextChoices):
        PREPARATION = "preparation", _("in preparation")
        REPLIES = "replies", _("collecting replies")
        EVALUATION = "evaluation", _("evaluation")
        REPORT_ADOPTED = "report_adopted", _("report adopted")
        CLOSED = "closed", _("closed")

    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    number = models.PositiveSmallIntegerField(
        _("number"),
        null=True,
        blank=True,
        help_text=_("Regular rounds are numbered; urgent ones need not be."),
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.REGULAR)
    # A follow-up exercise is a round of its own (followup.services.exercise_create): its questions ask what
    # was done about the recommendations of the round it follows.
    follows = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="follow_ups",
        verbose_name=_("follows up"),
        help_text=_("For a follow-up: the round whose recommendations it follows up."),
    )
    theme = models.CharField(_("theme"), max_length=300)
    summary = models.TextField(_("summary"), blank=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=Status.choices,
        default=Status.PREPARATION,
        help_text=_(
            "The round's phase. It follows the key dates below: the periodic check moves the round as they "
            "pass, and saving new dates moves it at once. Closing a round is the Secretariat's decision. To "
            "keep the round at another phase, hold it."
        ),
    )
    # The Secretariat's explicit override of the dates (rounds.phases): a held round stays at its status.
    phase_held = models.BooleanField(
        _("phase held"),
        default=False,
        help_text=_(
            "Keep the round at the status chosen above: neither the periodic check nor new dates move it. "
            "Untick to let the dates lead again."
        ),
    )
    phase_held_reason = models.CharField(
        _("why the phase is held"),
        max_length=300,
        blank=True,
        help_text=_("Required when the phase is held; shown to the Secretariat beside the round."),
    )
    questionnaire_adopted_on = models.DateField(_("questionnaire adopted"), null=True, blank=True)
    reply_deadline = models.DateField(_("reply deadline"), null=True, blank=True)
    report_adopted_on = models.DateField(_("report adopted"), null=True, blank=True)
    factsheets_published_on = models.DateField(_("factsheets published"), null=True, blank=True)
    comment_window_months = models.PositiveSmallIntegerField(
        _("comment window (months)"),
        default=2,
        validators=[MinValueValidator(1)],
        help_text=_("How long civil society may comment after a Party's reply is published."),
    )
    reminder_days = models.CharField(
        _("reminders (days before the deadline)"),
        max_length=40,
        default="14,7,1",
        validators=[
            RegexValidator(r"^\d{1,3}(,\d{1,3})*$", _("Numbers of days separated by commas, e.g. 14,7,1."))
        ],
        help_text=_("When focal points are reminded of a reply not yet submitted."),
    )
    civil_society_deadline = models.DateField(
        _("civil-society reply deadline"),
        null=True,
        blank=True,
        help_text=_("Last day for organisations to reply to the questionnaire itself."),
    )
    demonstration = models.BooleanField(
        _("demonstration"),
        default=False,
        help_text=_(
            "A round for trying the portal, with dates relative to when it was seeded: kept out of open data "
            "and of statistics about the real rounds."
        ),
    )
    parties = models.ManyToManyField(
        Party, through="Participation", related_name="rounds", verbose_name=_("Parties monitored")
    )

    class Meta:
        # Newest first, by the earliest date known of each round (some historic dates are not sourced).
        ordering = [
            Coalesce("questionnaire_adopted_on", "reply_deadline", "report_adopted_on").desc(nulls_last=True),
            "-pk",
        ]
        verbose_name = _("monitoring round")
        verbose_name_plural = _("monitoring rounds")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "number"],
                condition=Q(number__isnull=False),
                name="unique_round_number_per_kind",
            ),
            models.CheckConstraint(
                condition=Q(kind__in=["urgent", "follow_up"])
                | Q(number__isnull=False)
                | Q(demonstration=True),
                name="regular_round_has_number",
                violation_error_message=_("A regular round needs a number."),
            ),
            models.CheckConstraint(
                condition=Q(kind="follow_up", follows__isnull=False)
                | (~Q(kind="follow_up") & Q(follows=None)),
                name="follow_up_follows_a_round",
                violation_error_message=_("A follow-up names the round it follows up; other rounds do not."),
            ),
            models.CheckConstraint(
                condition=Q(comment_window_months__gte=1), name="comment_window_at_least_one_month"
            ),
            models.CheckConstraint(
                condition=Q(phase_held=False) | ~Q(phase_held_reason=""),
                name="held_phase_has_reason",
                violation_error_message=_("Say why the round's phase is held."),
            ),
            models.CheckConstraint(
                condition=Q(questionnaire_adopted_on__isnull=True)
                | Q(reply_deadline__isnull=True)
                | Q(reply_deadline__gte=models.F("questionnaire_adopted_on")),
                name="reply_deadline_after_questionnaire",
                violation_error_message=_("The reply deadline cannot precede the questionnaire's adoption."),
            ),
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def is_over(self) -> bool:
        """Its report adopted or the round closed: no Party starts a reply any more (late ones are taken while
        replies are collected and evaluated)."""
        return self.status in (self.Status.REPORT_ADOPTED, self.Status.CLOSED)

    @property
    def reminder_offsets(self) -> list[int]:
        return sorted({int(days) for days in self.reminder_days.split(",") if days.strip()}, reverse=True)

    @property
    def label(self) -> str:
        if self.kind == self.Kind.FOLLOW_UP and self.follows_id:
            return _("Follow-up of %(round)s") % {"round": self.follows.label}
        if self.demonstration:  # its theme, shown beside the label, says what it demonstrates
            return str(_("Demonstration round"))
        if self.kind == self.Kind.URGENT:
            return _("Urgent monitoring round: %(theme)s") % {"theme": self.theme}
        return _("Monitoring round %(number)s") % {"number": self.number}

    @property
    def theme_beside_label(self) -> str:
        """The theme, unless the label says it already (an urgent round's, and its follow-up's)."""
        labelled = self.follows if self.kind == self.Kind.FOLLOW_UP and self.follows_id else self
        return "" if labelled.kind == self.Kind.URGENT else self.theme

    @property
    def label_and_theme(self) -> str:
        theme = self.theme_beside_label
        return f"{self.label} — {theme}" if theme else str(self.label)


class Participation(TimeStampedModel):
    """A Party monitored in a round, with the Secretariat's deadline extension if any."""

    round = models.ForeignKey(
        Round, on_delete=models.CASCADE, related_name="participations", verbose_name=_("round")
    )
    party = models.ForeignKey(
        Party, on_delete=models.PROTECT, related_name="participations", verbose_name=_("Party")
    )
    deadline_extended_to = models.DateField(_("deadline extended to"), null=True, blank=True)
    comment_window_extended_to = models.DateField(
        _("comment window extended to"),
        null=True,
        blank=True,
        help_text=_("Last day civil society may comment on this Party's reply, when later than usual."),
    )

    class Meta:
        ordering = ["round", "party"]
        verbose_name = _("participation")
        verbose_name_plural = _("participations")
        constraints = [
            models.UniqueConstraint(fields=["round", "party"], name="unique_participation"),
        ]

    def __str__(self) -> str:
        return f"{self.party.code} — {self.round}"

    @property
    def reply_deadline(self):
        return self.deadline_extended_to or self.round.reply_deadline

    def clean(self) -> None:
        deadline = self.round.reply_deadline if self.round_id else None
        if self.deadline_extended_to and deadline and self.deadline_extended_to <= deadline:
            raise ValidationError(
                {
                    "deadline_extended_to": _("An extension must end after the round's deadline (%(day)s).")
                    % {"day": date_display(deadline)}
                }
            )
