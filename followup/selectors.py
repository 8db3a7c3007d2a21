"""The one gate for the follow-up (DESIGN §3): who reads assessments and clarifications, and the compliance
table an exercise is read as.

- Adopted assessments, in the rounds the viewer may see, are everyone's: they are the Committee's decisions.
- Proposed ones are internal: the Secretariat and the Committee's members read them, nobody else.
- Requests for clarifications are read by the Secretariat, the members, and the focal points of the Party
  asked (who answer them); only those focal points write the Party's response.
"""

import dataclasses
from collections import defaultdict

from django.db.models import F, Prefetch, Q, QuerySet
from django.utils.translation import gettext

from core.viewers import PUBLIC, Viewer
from evaluation.models import Rapporteur
from evaluation.publication import anchor_prefix
from evaluation.selectors import is_evaluator, reports_visible_to
from questionnaires.models import Question
from rounds.models import Party, Round
from rounds.names import party_sort_key
from rounds.selectors import in_rounds_visible_to, party_of
from submissions.models import Answer, Reply
from submissions.selectors import answers_visible_to, replies_visible_to

from .models import Assessment, Clarification, Item, Level


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


def clarifications_to_answer(viewer: Viewer) -> QuerySet[Clarification]:
    """The requests a focal point answers: its own Party's, in rounds under way, those still open first.
    Nobody else answers them, the Secretariat and the members included (they read them in the admin)."""
    party = party_of(viewer)
    if party is None:
        return Clarification.objects.none()
    return (
        clarifications_visible_to(viewer)
        .filter(party=party)
        .select_related("round__follows", "responded_by")
        .order_by(F("submitted_at").asc(nulls_first=True), "due_on", "pk")
    )


def clarification_for_focal_point(viewer: Viewer, pk: int) -> Clarification | None:
    return clarifications_to_answer(viewer).filter(pk=pk).first()


def assessment_before(viewer: Viewer, clarification: Clarification) -> Assessment | None:
    """The adopted assessment that led to the request: the latest of an earlier cycle."""
    return (
        assessments_visible_to(viewer)
        .filter(
            round=clarification.round_id,
            question=clarification.question_id,
            party=clarification.party_id,
            state=Assessment.State.ADOPTED,
            cycle__lt=clarification.cycle,
        )
        .order_by("-adopted_on", "-cycle", "-pk")
        .first()
    )


def clarification_of(assessment: Assessment) -> Clarification | None:
    """The request whose cycle the assessment is of (none for the first cycle): its response is evidence."""
    if assessment.cycle < 2:
        return None
    return Clarification.objects.filter(
        round=assessment.round_id,
        question=assessment.question_id,
        party=assessment.party_id,
        cycle=assessment.cycle,
    ).first()


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


class _Adopted:
    """The current level of an item for a Party: its latest adopted assessment (`history` is in order)."""

    history: tuple[Assessment, ...]

    @property
    def current(self) -> Assessment | None:
        return self.history[-1] if self.history else None

    @property
    def level(self) -> str | None:
        return self.current.level if self.current else None


@dataclasses.dataclass(frozen=True)
class ComplianceCell(_Adopted):
    """One Party's compliance with one recommendation: whether it is asked at all, and its adopted
    assessments, oldest first (the last is the current level)."""

    party: Party
    asked: bool
    history: tuple[Assessment, ...] = ()


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


@dataclasses.dataclass(frozen=True)
class EditorItem:
    """What the focal point writing a follow-up reply reads above one answer box: the recommendation, the
    Party's published answers in the round followed up to the questions it rests on, its latest adopted
    assessment, and the request for clarifications on it, if any."""

    item: Item
    followed: Round
    earlier: tuple[Answer, ...]
    assessment: Assessment | None
    clarification: Clarification | None


def editor_context(viewer: Viewer, reply: Reply) -> dict[int, EditorItem]:
    """By question id, for a reply to a follow-up (empty for any other reply, without a query). In five
    queries, whatever the number of items, answers, assessments and requests."""
    round = reply.round
    if round.kind != Round.Kind.FOLLOW_UP or not round.follows_id:
        return {}
    items = list(
        items_of(viewer, round).prefetch_related(
            Prefetch("finding__questions", Question.objects.only("pk", "number", "position"))
        )
    )
    rests_on = {item.pk: [q.pk for q in item.finding.questions.all()] for item in items}
    answers: dict[int, Answer] = {
        answer.question_id: answer
        for answer in answers_visible_to(PUBLIC)
        .filter(
            reply__round=round.follows_id,
            reply__party=reply.party_id,
            question__in={pk for pks in rests_on.values() for pk in pks},
        )
        .select_related("question")
    }
    latest: dict[int, Assessment] = {}
    for assessment in (
        assessments_visible_to(viewer)
        .filter(round=round, party=reply.party_id, state=Assessment.State.ADOPTED)
        .order_by("adopted_on", "cycle", "pk")
    ):
        latest[assessment.question_id] = assessment
    requested: dict[int, Clarification] = {
        clarification.question_id: clarification
        for clarification in clarifications_visible_to(viewer)
        .filter(round=round, party=reply.party_id)
        .order_by("cycle")
    }
    return {
        item.question_id: EditorItem(
            item=item,
            followed=round.follows,
            earlier=tuple(
                sorted(
                    (answers[pk] for pk in rests_on[item.pk] if pk in answers),
                    key=lambda answer: answer.question.position,
                )
            ),
            assessment=latest.get(item.question_id),
            clarification=requested.get(item.question_id),
        )
        for item in items
    }


@dataclasses.dataclass(frozen=True)
class PartyItem(_Adopted):
    """A recommendation followed up, as it concerns one Party: its adopted assessments, oldest first, and
    where the report states it (`statement_anchor`, "" without a report)."""

    item: Item
    history: tuple[Assessment, ...]
    statement_anchor: str = ""


@dataclasses.dataclass(frozen=True)
class PartyExercise:
    """One follow-up of a round (`round.follows`) as it concerns the Party, and its published reply."""

    round: Round
    items: tuple[PartyItem, ...]
    reply: Reply | None


@dataclasses.dataclass(frozen=True)
class LevelCount:
    level: str  # a Level, or "" for the items not assessed yet
    label: str
    count: int


@dataclasses.dataclass(frozen=True)
class PartyFollowUp:
    party: Party
    exercises: tuple[PartyExercise, ...]

    @property
    def items(self) -> list[PartyItem]:
        return [entry for exercise in self.exercises for entry in exercise.items]

    @property
    def counts(self) -> list[LevelCount]:
        """How many items stand at each current level, then those without an adopted assessment."""
        levels = [entry.level for entry in self.items]
        counts = [LevelCount(level, str(label), levels.count(level)) for level, label in Level.choices]
        return [*counts, LevelCount("", gettext("not assessed yet"), levels.count(None))]


def party_follow_up(viewer: Viewer, party: Party) -> PartyFollowUp:
    """Every recommendation followed up that is asked of the Party, in every exercise the viewer may see
    (the newest first; items in the questionnaire's order), each with its adopted assessments, the Party's
    published follow-up reply and the anchor of the report's statement. Adopted assessments only, for
    every viewer, as in `compliance_table`. Four queries, whatever the number of exercises and items."""
    items = list(
        _items_asked_of(viewer, party)
        .select_related("question__questionnaire__round__follows", "finding", "statement__chapter__report")
        .order_by(
            F("question__questionnaire__round__questionnaire_adopted_on").desc(nulls_last=True),
            "-question__questionnaire__round__pk",
            "question__position",
            "pk",
        )
    )
    history: dict[tuple[int, int], list[Assessment]] = defaultdict(list)
    adopted = (
        assessments_visible_to(viewer)
        .filter(party=party, state=Assessment.State.ADOPTED, round__kind=Round.Kind.FOLLOW_UP)
        .order_by("adopted_on", "cycle", "pk")
    )
    for assessment in adopted:
        history[(assessment.round_id, assessment.question_id)].append(assessment)
    replies = {
        reply.round_id: reply
        for reply in replies_visible_to(PUBLIC).filter(party=party, round__kind=Round.Kind.FOLLOW_UP)
    }
    followed = {item.question.questionnaire.round.follows_id for item in items}
    first_reports: dict[int, int] = {}
    for report in reports_visible_to(PUBLIC).filter(round__in=followed).order_by("-position", "-pk"):
        first_reports[report.round_id] = report.pk  # the last written is the first in order
    exercises: dict[int, PartyExercise] = {}
    entries: dict[int, list[PartyItem]] = defaultdict(list)
    for item in items:
        round_ = item.question.questionnaire.round
        exercises.setdefault(round_.pk, PartyExercise(round=round_, items=(), reply=replies.get(round_.pk)))
        entries[round_.pk].append(
            PartyItem(
                item=item,
                history=tuple(history[(round_.pk, item.question_id)]),
                statement_anchor=_statement_anchor(item, first_reports),
            )
        )
    return PartyFollowUp(
        party=party,
        exercises=tuple(
            dataclasses.replace(exercise, items=tuple(entries[pk])) for pk, exercise in exercises.items()
        ),
    )


def party_has_follow_up(viewer: Viewer, party: Party) -> bool:
    """Whether the Party has a follow-up page: a recommendation followed up is asked of it."""
    return _items_asked_of(viewer, party).exists()


def _items_asked_of(viewer: Viewer, party: Party) -> QuerySet[Item]:
    """Items of the exercises the viewer may see that monitor the Party and ask it (a question addressed to
    no Party in particular is asked of every Party monitored)."""
    return Item.objects.filter(
        Q(question__parties=party) | Q(question__parties__isnull=True),
        in_rounds_visible_to(viewer, via="question__questionnaire__round"),
        question__questionnaire__round__kind=Round.Kind.FOLLOW_UP,
        question__questionnaire__round__participations__party=party,
    )


def _statement_anchor(item: Item, first_reports: dict[int, int]) -> str:
    """The statement's anchor on its round's report page, as `evaluation.publication` writes it."""
    if not item.statement_id:
        return ""
    report = item.statement.chapter.report
    return anchor_prefix(report, first_reports.get(report.round_id)) + item.statement.anchor


# --- The evaluators' desk --------------------------------------------------------------------------------


def questions_proposable_by(viewer: Viewer, round: Round) -> QuerySet[Question]:
    """The follow-up's questions on which the viewer may propose an assessment: every one for the
    Secretariat; for a member, those whose recommendation rests on a question of the followed round they are
    the Rapporteur of; none for anyone else. `assessment_propose` checks the same rule."""
    questions = Question.objects.filter(questionnaire__round=round, followup_item__isnull=False)
    if viewer.is_authenticated and viewer.is_staff:
        return questions
    if not viewer.is_authenticated or not round.follows_id:
        return Question.objects.none()
    reported_on = Rapporteur.objects.filter(round=round.follows_id, member__user=viewer).values("question")
    return questions.filter(followup_item__finding__questions__in=reported_on).distinct()


@dataclasses.dataclass(frozen=True)
class DeskCell:
    """One Party on one recommendation, as the evaluators work on it: the current adopted level, the
    proposals not adopted yet, the request for clarifications of the latest cycle, and whether the Party's
    follow-up answer is published."""

    party: Party
    asked: bool
    current: Assessment | None = None
    proposals: tuple[Assessment, ...] = ()
    clarification: Clarification | None = None
    answered: bool = False


@dataclasses.dataclass(frozen=True)
class DeskRow:
    item: Item
    may_propose: bool
    cells: tuple[DeskCell, ...]


@dataclasses.dataclass(frozen=True)
class Desk:
    round: Round
    parties: tuple[Party, ...]
    rows: tuple[DeskRow, ...]

    @property
    def may_propose(self) -> bool:
        return any(row.may_propose for row in self.rows)


def desk(viewer: Viewer, round: Round) -> Desk:
    """The evaluators' view of a follow-up: per recommendation and Party asked, the current level, the
    proposals, the latest request for clarifications and its response. Empty for anyone but an evaluator.
    In eight queries whatever the number of Parties, items, assessments and requests."""
    if not is_evaluator(viewer):
        return Desk(round=round, parties=(), rows=())
    items = list(
        items_of(viewer, round).prefetch_related(Prefetch("question__parties", Party.objects.only("pk")))
    )
    parties = sorted(
        Party.objects.filter(participations__round=round, participations__round__in=_visible(viewer)),
        key=party_sort_key,
    )
    current: dict[tuple[int, int], Assessment] = {}
    proposals: dict[tuple[int, int], list[Assessment]] = defaultdict(list)
    for assessment in (
        assessments_visible_to(viewer)
        .filter(round=round)
        .select_related("proposed_by")
        .order_by("adopted_on", "cycle", "pk")
    ):
        key = (assessment.question_id, assessment.party_id)
        if assessment.is_adopted:
            current[key] = assessment
        else:
            proposals[key].append(assessment)
    latest: dict[tuple[int, int], Clarification] = {
        (clarification.question_id, clarification.party_id): clarification
        for clarification in clarifications_visible_to(viewer).filter(round=round).order_by("cycle")
    }
    answered = set(
        answers_visible_to(PUBLIC).filter(reply__round=round).values_list("question_id", "reply__party_id")
    )
    proposable = set(questions_proposable_by(viewer, round).values_list("pk", flat=True))
    rows = []
    for item in items:
        addressed = {party.pk for party in item.question.parties.all()}
        cells = []
        for party in parties:
            key = (item.question_id, party.pk)
            cells.append(
                DeskCell(
                    party=party,
                    asked=not addressed or party.pk in addressed,
                    current=current.get(key),
                    proposals=tuple(proposals[key]),
                    clarification=latest.get(key),
                    answered=key in answered,
                )
            )
        rows.append(DeskRow(item=item, may_propose=item.question_id in proposable, cells=tuple(cells)))
    return Desk(round=round, parties=tuple(parties), rows=tuple(rows))
