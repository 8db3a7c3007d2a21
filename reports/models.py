"""What the Committee finds in a round: recommendations (graded), promising practices and challenges, each
resting on questions and on public evidence, concerning some Parties or all of them.

A finding's figure ("N Parties ...") is never typed: it is the number of Parties linked, or of every Party
monitored in the round when the finding concerns them all (`selectors.with_figures`).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from civil_society.models import Contribution
from questionnaires.models import Question, Theme
from rounds.models import Party, Round, TimeStampedModel
from submissions.models import Answer


class Finding(TimeStampedModel):
    class Kind(models.TextChoices):
        RECOMMENDATION = "recommendation", _("recommendation")
        PROMISING_PRACTICE = "promising_practice", _("promising practice")
        CHALLENGE = "challenge", _("challenge")

    class Grade(models.TextChoices):
        """The Committee's words, strongest first."""

        URGES = "urges", _("urges / requires")
        CONSIDERS = "considers", _("considers")
        INVITES = "invites", _("invites")

    class State(models.TextChoices):
        DRAFT = "draft", _("draft")
        ADOPTED = "adopted", _("adopted")

    round = models.ForeignKey(
        Round, on_delete=models.PROTECT, related_name="findings", verbose_name=_("round")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    grade = models.CharField(
        _("grade"),
        max_length=10,
        choices=Grade.choices,
        blank=True,
        help_text=_("Recommendations only: how strongly the Committee asks."),
    )
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("text"))
    theme = models.CharField(
        _("theme"),
        max_length=30,
        choices=Theme.choices,
        blank=True,
        help_text=_("Leave empty to take the theme of the questions cited, when they share one."),
    )
    questions = models.ManyToManyField(
        Question, related_name="findings", blank=True, verbose_name=_("questions it rests on")
    )
    parties = models.ManyToManyField(
        Party, related_name="findings", blank=True, verbose_name=_("Parties concerned")
    )
    applies_to_all = models.BooleanField(
        _("concerns all Parties"),
        default=False,
        help_text=_("Every Party monitored in the round; leave the list of Parties empty."),
    )
    answers = models.ManyToManyField(
        Answer, related_name="findings", blank=True, verbose_name=_("answers cited as evidence")
    )
    contributions = models.ManyToManyField(
        Contribution, related_name="findings", blank=True, verbose_name=_("public comments cited as evidence")
    )
    figure_label = models.CharField(
        _("figure label"),
        max_length=200,
        blank=True,
        help_text=_(
            "What the Parties counted have in common, e.g. “Parties referring explicitly to "
            "self-generated material”. The number is counted from the Parties concerned."
        ),
    )
    position = models.PositiveIntegerField(_("position"), default=0, help_text=_("Order within the round."))
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.DRAFT)
    adopted_at = models.DateTimeField(_("adopted at"), null=True, blank=True)
    adopted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("adopted by"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("created by")
    )

    class Meta:
        ordering = ["round_id", "position", "pk"]
        verbose_name = _("finding")
        verbose_name_plural = _("findings")
        # The public data's version reads the latest change of the large tables (public/cache.py).
        indexes = [models.Index(fields=["updated_at"], name="finding_updated_at")]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="recommendation", grade__in=["urges", "considers", "invites"])
                | (~Q(kind="recommendation") & Q(grade="")),
                name="finding_grade_iff_recommendation",
                violation_error_message=_("A recommendation has a grade; other findings have none."),
            ),
            models.CheckConstraint(
                condition=Q(state="draft", adopted_at__isnull=True)
                | Q(state="adopted", adopted_at__isnull=False),
                name="finding_adopted_has_date",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_adopted(self) -> bool:
        return self.state == self.State.ADOPTED


def _factsheet_path(factsheet: "Factsheet", filename: str) -> str:
    """The server chooses the name: never a name typed or uploaded by anyone."""
    key = factsheet.party.code.lower() if factsheet.party_id else factsheet.theme
    return f"factsheets/{factsheet.round.slug}/{factsheet.kind}-{key}-{factsheet.language}.pdf"


class Factsheet(TimeStampedModel):
    """A rendered PDF: a country factsheet per Party, or a thematic one per theme, per round and language.

    `data_version` is a hash of the public data it was built from; a factsheet whose data changed since is
    stale and is rendered again once the data has held still for FACTSHEET_REFRESH_DEBOUNCE_SECONDS.
    """

    class Kind(models.TextChoices):
        COUNTRY = "country", _("country factsheet")
        THEMATIC = "thematic", _("thematic factsheet")

    class Language(models.TextChoices):
        EN = "en", _("English")
        FR = "fr", _("French")

    round = models.ForeignKey(
        Round, on_delete=models.CASCADE, related_name="factsheets", verbose_name=_("round")
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    party = models.ForeignKey(
        Party,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="factsheets",
        verbose_name=_("Party"),
    )
    theme = models.CharField(_("theme"), max_length=30, choices=Theme.choices, blank=True)
    language = models.CharField(_("language"), max_length=2, choices=Language.choices)
    file = models.FileField(_("file"), upload_to=_factsheet_path, blank=True)
    sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True)
    rendered_at = models.DateTimeField(_("rendered at"), null=True, blank=True)
    data_version = models.CharField(_("data version"), max_length=64, blank=True)
    pages = models.PositiveIntegerField(_("pages"), default=0)
    is_stale = models.BooleanField(_("stale"), default=False)
    # The debounce of re-rendering: the version last seen changing, and when; rendered once it holds still.
    pending_version = models.CharField(_("pending data version"), max_length=64, blank=True)
    stale_since = models.DateTimeField(_("stale since"), null=True, blank=True)
    # A rendering asked for and not yet done: the refresh queues it again when a killed worker never did it
    # (reports.refresh). `rendering_since` claims the rendering, so that two never run at once.
    queued_at = models.DateTimeField(_("queued at"), null=True, blank=True)
    rendering_since = models.DateTimeField(_("rendering since"), null=True, blank=True)

    class Meta:
        ordering = ["round_id", "kind", "party__code", "theme", "language"]
        verbose_name = _("factsheet")
        verbose_name_plural = _("factsheets")
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="country", party__isnull=False, theme="")
                | Q(kind="thematic", party__isnull=True) & ~Q(theme=""),
                name="factsheet_party_iff_country_theme_iff_thematic",
            ),
            models.UniqueConstraint(
                fields=["round", "party", "language"],
                condition=Q(kind="country"),
                name="unique_country_factsheet",
            ),
            models.UniqueConstraint(
                fields=["round", "theme", "language"],
                condition=Q(kind="thematic"),
                name="unique_thematic_factsheet",
            ),
        ]

    def __str__(self) -> str:
        subject = self.party.name if self.party_id else self.get_theme_display()
        return f"{self.get_kind_display()}: {subject} ({self.language}), {self.round}"

    @property
    def key(self) -> str:
        """The Party's ISO code or the theme: what the task and the command name a factsheet by."""
        return self.party.code if self.party_id else self.theme
