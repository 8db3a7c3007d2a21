"""The one gate for the follow-up (DESIGN §3): who reads assessments and clarifications, and the compliance
table an exercise is read as.

- Adopted assessments, in the rounds the viewer may see, are everyone's: they are the Committee's decisions.
- Proposed ones are internal: the Secretariat and the Committee's members read them, nobody else.
- Requests for clarifications are read by the Secretariat, the members, and the focal points of the Party
  asked (who answer them).
"""

import dataclasses
from collections import defaultdict

from django.db.models import Prefetch, Q, QuerySet

from core.viewers import Viewer
from evaluation.selectors import is_evaluator
from rounds.models import Party, Round
from rounds.names import party_sort_key
from rounds.selectors import in_rounds_visible_to, party_of

from .models import Assessment, Clarification, Item


def assessments_visible_to(viewer: Viewer) -> QuerySet[Assessment]:
    visible = Q() if is_evaluator(viewer) else Q(state=Assessment.State.ADOPTED)
    return Assessment.objects.filter(visible, in_rounds_visible_to(viewer)).select_related(
        "round", "question", "party", "adopted_at_meeting"
    )


def clarifications_visible_to(viewer: Viewer) -> QuerySet[Clarification]:
    clarifications = Clarification.objects.select_related("round", "question", "party")
    if is_evaluator(viewer):
        return clarifications.filter(in_rounds_visible_to(viewer))
    party = party_of(viewer)
    if party is None:
        return Clarification.objects.none()
    return clarifications.filter(in_rounds_visible_to(viewer), party=party)


def items_of(viewer: Viewer, round: Round) -> QuerySet[Item]:
    """The recommendations an exercise follows up, in the questionnaire's order, each with its question,
    finding and statement; none of a round the viewer may not see."""
    return (
        Item.objects.filter(
            in_rounds_visible_to(viewer, via="question__questionnaire__round"),
            question__questionnaire__round=round,
        )
        .select_related("question", "finding", "statement")
        .order_by("question__position", "pk")
    )


@dataclasses.dataclass(frozen=True)
class ComplianceCell:
    """One Party's compliance with one recommendation: whether it is asked at all, and its adopted
    assessments, oldest first (the last is the current level)."""

    party: Party
    asked: bool
    history: tuple[Assessment, ...] = ()

    @property
    def current(self) -> Assessment | None:
        return self.history[-1] if self.history else None

    @property
    def level(self) -> str | None:
        return self.current.level if self.current else None


@dataclasses.dataclass(frozen=True)
class ComplianceRow:
    item: Item
    cells: tuple[ComplianceCell, ...]


@dataclasses.dataclass(frozen=True)
class ComplianceTable:
    round: Round
    parties: tuple[Party, ...]
    rows: tuple[ComplianceRow, ...]


def compliance_table(viewer: Viewer, round: Round) -> ComplianceTable:
    """Rows: the recommendations followed up; columns: the Parties monitored in the exercise, by name in the
    reader's language; each cell the adopted assessments, dated, the latest being the current level. In
    four queries whatever the number of Parties, items and assessments. Adopted assessments only, for every
    viewer: a proposal is no level until the Committee adopts it."""
    items = list(
        items_of(viewer, round).prefetch_related(Prefetch("question__parties", Party.objects.only("pk")))
    )
    parties = sorted(
        Party.objects.filter(participations__round=round, participations__round__in=_visible(viewer)),
        key=party_sort_key,
    )
    history: dict[tuple[int, int], list[Assessment]] = defaultdict(list)
    adopted = (
        assessments_visible_to(viewer)
        .filter(round=round, state=Assessment.State.ADOPTED)
        .order_by("adopted_on", "cycle", "pk")
    )
    for assessment in adopted:
        history[(assessment.question_id, assessment.party_id)].append(assessment)
    rows = []
    for item in items:
        addressed = {party.pk for party in item.question.parties.all()}
        rows.append(
            ComplianceRow(
                item=item,
                cells=tuple(
                    ComplianceCell(
                        party=party,
                        asked=not addressed or party.pk in addressed,
                        history=tuple(history[(item.question_id, party.pk)]),
                    )
                    for party in parties
                ),
            )
        )
    return ComplianceTable(round=round, parties=tuple(parties), rows=tuple(rows))


def _visible(viewer: Viewer) -> QuerySet[Round]:
    return Round.objects.filter(in_rounds_visible_to(viewer, via="")).values("pk")
