"""The follow-up's gate: adopted assessments are everyone's, proposals the evaluators' only; the compliance
table's cells and their history, in a number of queries that does not grow with Parties or items."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core.viewers import PUBLIC
from followup.selectors import assessments_visible_to, clarifications_visible_to, compliance_table
from followup.services import assessment_adopt, assessment_propose, clarification_request, exercise_create
from reports.models import Finding
from rounds.models import Round
from tests.factories import FindingFactory, PartyFactory, ReplyFactory

pytestmark = pytest.mark.django_db

DURING = datetime.date(2026, 9, 2)


def _assess(world, exercise, *, party, level, question=None, adopt=True, on=DURING):
    assessment = assessment_propose(
        round=exercise.round,
        question=question or exercise.q_r3,
        party=party,
        level=level,
        reasoning=f"Reasoning {level}",
        by=world.staff,
    )
    if adopt:
        assessment_adopt(assessment=assessment, meeting=world.meeting, adopted_on=on, by=world.staff)
    return assessment


def test_the_public_reads_adopted_assessments_and_evaluators_proposals_too(world, exercise):
    adopted = _assess(world, exercise, party=world.party_a, level="complied")
    proposed = _assess(world, exercise, party=world.party_b, level="not_complied", adopt=False)

    for viewer in (PUBLIC, world.focal, world.ngo):
        assert list(assessments_visible_to(viewer)) == [adopted]
    for viewer in (world.staff, world.rapporteur, world.member):
        assert set(assessments_visible_to(viewer)) == {adopted, proposed}


def test_nothing_of_an_exercise_in_preparation_is_public(world, exercise):
    adopted = _assess(world, exercise, party=world.party_a, level="complied")
    exercise.round.status = Round.Status.PREPARATION
    exercise.round.save()
    assert not assessments_visible_to(PUBLIC).exists()
    assert list(assessments_visible_to(world.staff)) == [adopted]
    table = compliance_table(PUBLIC, exercise.round)
    assert table.rows == () and table.parties == ()


def test_clarifications_are_read_by_evaluators_and_the_party_asked(world, exercise):
    clarification = clarification_request(
        round=exercise.round,
        question=exercise.q_r1,
        party=world.party_a,
        request="Say when the bill is voted.",
        due_on=datetime.date(2026, 12, 1),
        by=world.staff,
        now=timezone.make_aware(datetime.datetime(2026, 6, 1, 12)),
    )
    for viewer in (world.staff, world.member, world.focal):  # focal-a is Party A's
        assert list(clarifications_visible_to(viewer)) == [clarification]
    for viewer in (PUBLIC, world.ngo):
        assert not clarifications_visible_to(viewer).exists()


def test_the_compliance_table_gives_each_cell_its_current_level_and_history(world, exercise):
    first = _assess(world, exercise, party=world.party_b, level="not_complied", on=datetime.date(2026, 9, 1))
    clarification_request(
        round=exercise.round,
        question=exercise.q_r3,
        party=world.party_b,
        request="Say when the bill is voted.",
        due_on=datetime.date(2026, 12, 1),
        by=world.staff,
        now=timezone.make_aware(datetime.datetime(2026, 9, 1, 18)),
    )
    second = _assess(
        world, exercise, party=world.party_b, level="partially_complied", on=datetime.date(2026, 9, 3)
    )
    _assess(world, exercise, party=world.party_a, level="complied", adopt=False)  # a proposal: no level yet

    for viewer in (PUBLIC, world.staff):
        table = compliance_table(viewer, exercise.round)
        assert [row.item.reference for row in table.rows] == ["R-1", "R-3"]
        assert {party.pk for party in table.parties} == {world.party_a.pk, world.party_b.pk}
        r1, r3 = ({cell.party.pk: cell for cell in row.cells} for row in table.rows)
        assert r1[world.party_a.pk].asked and not r1[world.party_b.pk].asked  # R-1 concerns Party A only
        assert r1[world.party_a.pk].level is None
        assert r3[world.party_a.pk].asked and r3[world.party_a.pk].history == ()
        cell = r3[world.party_b.pk]
        assert cell.history == (first, second) and cell.level == "partially_complied"
        assert [(a.cycle, a.adopted_on) for a in cell.history] == [
            (1, datetime.date(2026, 9, 1)),
            (2, datetime.date(2026, 9, 3)),
        ]


def _grow(world, *, parties: int, items: int):
    """A round with `parties` Parties and `items` urge recommendations, every one to every Party, followed
    up with an adopted assessment in each cell."""
    round_ = world.round
    for _n in range(parties):
        ReplyFactory(round=round_, party=PartyFactory())
    for _n in range(items):
        FindingFactory(
            round=round_,
            grade="urges",
            applies_to_all=True,
            state=Finding.State.ADOPTED,
            adopted_at=timezone.now(),
        )
    follow_up = exercise_create(round=round_, reply_deadline=datetime.date(2026, 8, 1), by=world.staff)
    follow_up.status = Round.Status.REPLIES
    follow_up.save()
    for question in follow_up.questionnaire.questions.all():
        addressed = set(question.parties.all())
        for participation in follow_up.participations.select_related("party"):
            if addressed and participation.party not in addressed:
                continue
            assessment = assessment_propose(
                round=follow_up,
                question=question,
                party=participation.party,
                level="no_information",
                reasoning="Nothing was sent.",
                by=world.staff,
            )
            assessment_adopt(assessment=assessment, meeting=world.meeting, adopted_on=DURING, by=world.staff)
    return follow_up


def _queries(round_) -> int:
    with CaptureQueriesContext(connection) as captured:
        table = compliance_table(PUBLIC, round_)
        cells = [(cell.level, cell.asked) for row in table.rows for cell in row.cells]
        [str(row.item.reference) + row.item.question.number for row in table.rows]
    assert cells and all(level for level, asked in cells if asked)
    return len(captured.captured_queries)


def test_the_compliance_table_takes_as_many_queries_whatever_its_size(world, django_assert_max_num_queries):
    small = _grow(world, parties=0, items=0)  # the world's R-1, R-2 (not urged), R-3: 2 items x 2 Parties
    with django_assert_max_num_queries(4):
        compliance_table(PUBLIC, small)
    few = _queries(small)
    large = _grow(world, parties=4, items=3)
    assert (
        len(compliance_table(PUBLIC, large).rows) == 5 and len(compliance_table(PUBLIC, large).parties) == 6
    )
    assert _queries(large) == few == 4
