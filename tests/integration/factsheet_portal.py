"""What the factsheet refresh test does inside the portal, in a process of its own with the portal's
settings (`python -c`), as a person or `make run` would: the data, and the steps taken on it."""

import datetime

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone

from civil_society.models import Contribution
from civil_society.services import contribution_acknowledge
from reports.factsheets import factsheet_render
from rounds.models import Party, Round
from submissions.models import Reply
from tests.factories import (
    ContributionFactory,
    ContributionItemFactory,
    MembershipFactory,
    ParticipationFactory,
    PartyFactory,
    QuestionFactory,
    QuestionnaireFactory,
    ReplyFactory,
    RoundFactory,
    UserFactory,
)

ROUND = "round-refresh"
# Another round's factsheets, of this many Parties, keep the PDF worker busy, as the 2nd round's do under
# `make run` (it queues them at start).
BUSY_ROUND, BUSY_PARTIES = "round-busy", 8


def seed() -> None:
    """The database made as `make run` makes it (`migrate`); Albania's reply published, a public comment on
    it awaiting the Secretariat, Albania's factsheets rendered in both languages (no public contribution
    yet); another round's Parties."""
    call_command("migrate", "--noinput", verbosity=0)
    round_ = RoundFactory(slug=ROUND, status=Round.Status.EVALUATION)
    question = QuestionFactory(questionnaire=QuestionnaireFactory(round=round_), number="1")
    albania = PartyFactory(code="AL", name_en="Albania", name_fr="Albanie")
    ReplyFactory(round=round_, party=albania, state=Reply.State.PUBLISHED, published_on=timezone.localdate())
    member = MembershipFactory(user__username="ngo-member").user
    comment = ContributionFactory(
        round=round_,
        organisation=member.ngo_membership.organisation,
        created_by=member,
        state=Contribution.State.SUBMITTED,
        submitted_at=timezone.now() - datetime.timedelta(hours=1),
        parties=[albania],
    )
    ContributionItemFactory(contribution=comment, question=question)
    UserFactory(username="secretariat", is_staff=True)
    for language in ("en", "fr"):
        factsheet_render(round=round_, kind="country", party=albania, language=language)
    busy = RoundFactory(slug=BUSY_ROUND, status=Round.Status.EVALUATION)
    for _ in range(BUSY_PARTIES):
        ParticipationFactory(round=busy)


def render_busy_round_then_acknowledge() -> None:
    """Queue the other round's factsheets for the PDF worker, as `make run` does at start, then acknowledge
    the comment on Albania's reply while the worker renders them (the admin's action calls this service)."""
    call_command("render_factsheets", "--round", BUSY_ROUND, "--no-wait")
    contribution_acknowledge(
        contribution=Contribution.objects.get(parties=Party.objects.get(code="AL")),
        by=get_user_model().objects.get(username="secretariat"),
    )
