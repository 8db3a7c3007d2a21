"""Civil society: organisations and their members, contributions (comments on a Party's published reply or
replies to the questionnaire), coalitions of co-signers, the moderation trail and information requests.
"""

import datetime
import uuid
from pathlib import PurePath

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.languages import OfficialLanguage
from questionnaires.models import Question
from rounds.models import Party, Round, TimeStampedModel


class Organisation(TimeStampedModel):
    name = models.CharField(_("name"), max_length=300, unique=True)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    country = models.CharField(_("country"), max_length=100, blank=True, help_text=_("Where it is based."))
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("contact e-mail"))
    description = models.TextField(_("description"), blank=True)
    verified_at = models.DateTimeField(_("verified at"), null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("verified by"),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return self.name

    @property
    def is_verified(self) -> bool:
        return self.verified_at is not None


class Membership(TimeStampedModel):
    """A user speaks for one organisation."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("organisation")
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="ngo_membership",
        verbose_name=_("user"),
    )

    class Meta:
        ordering = ["organisation", "user"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")

    def __str__(self) -> str:
        return f"{self.user} — {self.organisation}"


class Invitation(TimeStampedModel):
    LIFETIME = datetime.timedelta(days=14)

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="invitations", verbose_name=_("organisation")
    )
    email = models.EmailField(_("e-mail"))
    token = models.UUIDField(_("token"), default=uuid.uuid4, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("invited by")
    )
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)

    class Meta:
        ordering = ["organisation", "-created_at"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self) -> str:
        return self.email


def contribution_document_path(contribution: "Contribution", filename: str) -> str:
    return f"contributions/{contribution.pk}/{uuid.uuid4().hex}{PurePath(filename).suffix.lower()[:8]}"


class Contribution(TimeStampedModel):
    class Kind(models.TextChoices):
        COMMENT = "comment", _("comment on a State reply")
        QUESTIONNAIRE_REPLY = "questionnaire_reply", _("reply to the questionnaire")

    class Visibility(models.TextChoices):
        PUBLIC = "public", _("public")
        CONFIDENTIAL = "confidential", _("confidential")

    class State(models.TextChoices):
        DRAFT = "draft", _("draft")
        SUBMITTED = "submitted", _("submitted")
        ACKNOWLEDGED = "acknowledged", _("acknowledged")

    round = models.ForeignKey(
        Round, on_delete=models.PROTECT, related_name="contributions", verbose_name=_("round")
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="contributions",
        verbose_name=_("lead organisation"),
    )
    parties = models.ManyToManyField(Party, related_name="contributions", verbose_name=_("Parties concerned"))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    # No default: the organisation chooses, every time (DESIGN §2).
    visibility = models.CharField(_("visibility"), max_length=12, choices=Visibility.choices)
    language = models.CharField(_("language"), max_length=2, choices=OfficialLanguage.choices)
    title = models.CharField(_("title"), max_length=200, blank=True)
    general_text = models.TextField(_("general part"), blank=True, help_text=_("Sanitised HTML."))
    children_involved = models.BooleanField(_("children took part in drafting"), default=False)
    children_involvement = models.TextField(_("how children took part"), blank=True)
    state = models.CharField(_("state"), max_length=12, choices=State.choices, default=State.DRAFT)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("created by")
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    acknowledged_at = models.DateTimeField(_("acknowledged at"), null=True, blank=True)
    party_notified_at = models.DateTimeField(_("Party notified at"), null=True, blank=True)
    document = models.FileField(_("original document"), upload_to=contribution_document_path, blank=True)
    document_name = models.CharField(_("original file name"), max_length=255, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("civil-society contribution")
        verbose_name_plural = _("civil-society contributions")
        # The public data's version reads the latest change of the large tables (public/cache.py).
        indexes = [
            models.Index(fields=["updated_at"], name="contribution_updated_at"),
            # The moderation queue: one state, newest first, a page at a time.
            models.Index(fields=["state", "-created_at", "-id"], name="contribution_queue"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(visibility__in=["public", "confidential"]), name="visibility_chosen"
            ),
        ]

    def __str__(self) -> str:
        return self.title or _("Contribution %(number)s") % {"number": self.pk}

    @property
    def is_editable(self) -> bool:
        return self.state == self.State.DRAFT

    @property
    def is_public(self) -> bool:
        return self.visibility == self.Visibility.PUBLIC


class ContributionItem(TimeStampedModel):
    contribution = models.ForeignKey(
        Contribution, on_delete=models.CASCADE, related_name="items", verbose_name=_("contribution")
    )
    question = models.ForeignKey(
        Question, on_delete=models.PROTECT, related_name="contribution_items", verbose_name=_("question")
    )
    text = models.TextField(_("text"), help_text=_("Sanitised HTML."))

    class Meta:
        ordering = ["contribution", "question__position"]
        verbose_name = _("item")
        verbose_name_plural = _("items")
        indexes = [models.Index(fields=["updated_at"], name="contribution_item_updated_at")]
        constraints = [
            models.UniqueConstraint(fields=["contribution", "question"], name="one_item_per_question"),
        ]

    def __str__(self) -> str:
        return f"{self.contribution} — {self.question}"


class CoSignature(TimeStampedModel):
    class State(models.TextChoices):
        PENDING = "pending", _("awaiting confirmation")
        CONFIRMED = "confirmed", _("confirmed")
        DECLINED = "declined", _("declined")

    contribution = models.ForeignKey(
        Contribution, on_delete=models.CASCADE, related_name="co_signatures", verbose_name=_("contribution")
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="co_signatures", verbose_name=_("organisation")
    )
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.PENDING)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)

    class Meta:
        ordering = ["contribution", "organisation__name"]
        verbose_name = _("co-signature")
        verbose_name_plural = _("co-signatures")
        constraints = [
            models.UniqueConstraint(fields=["contribution", "organisation"], name="one_signature_each"),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} — {self.get_state_display()}"


class ContributionEvent(models.Model):
    """The audit trail of a contribution: who did what, when, and why."""

    class Action(models.TextChoices):
        SUBMITTED = "submitted", _("submitted")
        ACKNOWLEDGED = "acknowledged", _("acknowledged")
        MADE_CONFIDENTIAL = "made_confidential", _("made confidential")
        PUBLICITY_CONSENTED = "publicity_consented", _("organisation consented to publication")
        MADE_PUBLIC = "made_public", _("made public")
        CO_SIGNER_REMOVED = "co_signer_removed", _("co-signer removed")

    contribution = models.ForeignKey(
        Contribution, on_delete=models.CASCADE, related_name="events", verbose_name=_("contribution")
    )
    action = models.CharField(_("action"), max_length=20, choices=Action.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("by")
    )
    at = models.DateTimeField(_("at"), auto_now_add=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["contribution", "at", "pk"]
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def __str__(self) -> str:
        return f"{self.contribution}: {self.get_action_display()}"


class InformationRequest(TimeStampedModel):
    """The Secretariat asks an organisation for more on a contribution, by a date of its own."""

    contribution = models.ForeignKey(
        Contribution,
        on_delete=models.CASCADE,
        related_name="information_requests",
        verbose_name=_("contribution"),
    )
    question = models.TextField(_("request"))
    due_on = models.DateField(_("due on"))
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("requested by")
    )
    answer = models.TextField(_("answer"), blank=True, help_text=_("Sanitised HTML."))
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("answered by"),
    )

    class Meta:
        ordering = ["contribution", "due_on"]
        verbose_name = _("request for additional information")
        verbose_name_plural = _("requests for additional information")

    def __str__(self) -> str:
        return _("Request on %(contribution)s") % {"contribution": self.contribution}


class WindowEvent(models.Model):
    """A Party's comment window opened, is about to close, or closed: recorded once each, by the sweep,
    which sends what follows from it (subscribers' e-mails) in the same transaction."""

    class Kind(models.TextChoices):
        OPENED = "opened", _("opened")
        CLOSING_SOON = "closing_soon", _("closes in a week")
        CLOSED = "closed", _("closed")

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="+", verbose_name=_("round"))
    party = models.ForeignKey(Party, on_delete=models.CASCADE, related_name="+", verbose_name=_("Party"))
    kind = models.CharField(_("event"), max_length=12, choices=Kind.choices)
    closes_on = models.DateField(_("last day"))
    at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("comment window event")
        verbose_name_plural = _("comment window events")
        constraints = [
            # With the last day in the key, a window extended after it closed closes (and is announced) again.
            models.UniqueConstraint(fields=["round", "party", "kind", "closes_on"], name="one_window_event"),
        ]

    def __str__(self) -> str:
        return f"{self.party.code} {self.round}: {self.get_kind_display()}"


class Subscription(TimeStampedModel):
    """A registered reader follows a round or a Party: e-mailed when a reply is published (a window opens)
    and a week before that window closes. `token` makes the one-click unsubscribe link."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="subscriptions",
        verbose_name=_("user"),
    )
    round = models.ForeignKey(
        Round, on_delete=models.CASCADE, null=True, blank=True, related_name="+", verbose_name=_("round")
    )
    party = models.ForeignKey(
        Party, on_delete=models.CASCADE, null=True, blank=True, related_name="+", verbose_name=_("Party")
    )
    language = models.CharField(_("language"), max_length=2, choices=OfficialLanguage.choices, default="en")
    token = models.UUIDField(_("token"), default=uuid.uuid4, unique=True, editable=False)

    class Meta:
        ordering = ["user", "-created_at"]
        verbose_name = _("subscription")
        verbose_name_plural = _("subscriptions")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(round__isnull=False) ^ models.Q(party__isnull=False),
                name="subscription_to_a_round_or_a_party",
            ),
            models.UniqueConstraint(fields=["user", "round"], name="one_subscription_per_round"),
            models.UniqueConstraint(fields=["user", "party"], name="one_subscription_per_party"),
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.round or self.party}"
