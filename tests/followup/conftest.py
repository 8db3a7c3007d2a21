"""The evaluation's world (tests/evaluation/conftest.py) with an adopted report: R-1 urges Party A
(resting on Question 1, whose Rapporteur is member-a), R-2 considers and R-3 urges every Party (both
resting on Question 2, which has no Rapporteur)."""

import datetime
from types import SimpleNamespace

import pytest
from django.utils import timezone

from evaluation.models import Report
from followup.services import assessment_adopt, assessment_propose, clarification_request, exercise_create
from reports.models import Finding
from tests.evaluation.conftest import make_evaluation_world
from tests.evaluation.factories import ChapterFactory, MeetingFactory, ReportFactory, StatementFactory
from tests.factories import FindingFactory, FocalPointFactory, UserFactory

ADOPTED_ON = datetime.date(2026, 3, 4)


def _recommendation(world, chapter, reference, *, grade, parties=(), questions=(), everyone=False):
    finding = FindingFactory(
        round=world.round,
        grade=grade,
        state=Finding.State.ADOPTED,
        adopted_at=timezone.now(),
        applies_to_all=everyone,
        parties=list(parties),
        questions=list(questions),
        title_en=f"Recommendation {reference}",
        title_fr=f"Recommandation {reference}",
    )
    return StatementFactory(
        chapter=chapter,
        reference=reference,
        grade=grade,
        finding=finding,
        applies_to_all=everyone,
        parties=list(parties),
    )


def make_followup_world() -> SimpleNamespace:
    world = make_evaluation_world()
    report = ReportFactory(
        round=world.round, state=Report.State.ADOPTED, adopted_on=ADOPTED_ON, title_en="The Framework"
    )
    chapter = ChapterFactory(report=report)
    world.report = report
    world.r1 = _recommendation(
        world, chapter, "R-1", grade="urges", parties=[world.party_a], questions=[world.q1]
    )
    world.r2 = _recommendation(world, chapter, "R-2", grade="considers", questions=[world.q2], everyone=True)
    world.r3 = _recommendation(world, chapter, "R-3", grade="urges", questions=[world.q2], everyone=True)
    world.meeting = MeetingFactory(starts_on=datetime.date(2026, 9, 1), ends_on=datetime.date(2026, 9, 3))
    return world


@pytest.fixture
def world(db):
    return make_followup_world()


@pytest.fixture
def exercise(world):
    """The follow-up of the report's "urges" recommendations (R-1 and R-3), its questionnaire sent."""
    follow_up = exercise_create(
        round=world.round, report=world.report, reply_deadline=datetime.date(2026, 8, 1), by=world.staff
    )
    follow_up.questionnaire_adopted_on = datetime.date(2026, 5, 1)
    follow_up.status = follow_up.Status.REPLIES
    follow_up.save()
    questions = {q.number: q for q in follow_up.questionnaire.questions.all()}
    return SimpleNamespace(round=follow_up, q_r1=questions["1"], q_r3=questions["3"])


REQUESTED_AT = timezone.make_aware(datetime.datetime(2026, 9, 10, 12))
CLARIFICATION_DUE = datetime.date(2026, 10, 1)


@pytest.fixture
def clarification(world, exercise):
    """Party A, assessed "not complied" with R-3 at the meeting, asked for clarifications by 1 October; its
    focal point is `world.focal`, Party B's `world.focal_b`."""
    assessment = assessment_propose(
        round=exercise.round,
        question=exercise.q_r3,
        party=world.party_a,
        level="not_complied",
        reasoning="REASONING-R3 no law defines the offence yet.",
        by=world.staff,
    )
    assessment_adopt(
        assessment=assessment, meeting=world.meeting, adopted_on=datetime.date(2026, 9, 2), by=world.staff
    )
    world.focal_b = FocalPointFactory(user=UserFactory(username="focal-b"), party=world.party_b).user
    return clarification_request(
        round=exercise.round,
        question=exercise.q_r3,
        party=world.party_a,
        request="REQUEST-R3 Which bill is before Parliament?",
        due_on=CLARIFICATION_DUE,
        by=world.staff,
        now=REQUESTED_AT,
    )
