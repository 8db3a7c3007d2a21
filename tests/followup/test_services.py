"""The follow-up's services: each change of state, and each refusal with its code and nothing changed."""

import datetime

import pytest
from django.utils import timezone, translation

from followup.errors import InvalidFollowUp, InvalidTransition, NotFound, NotPermitted
from followup.models import Assessment, Clarification, Item
from followup.services import (
    assessment_adopt,
    assessment_propose,
    clarification_request,
    current_assessment,
    exercise_create,
)
from questionnaires.models import Question
from reports.models import Finding
from rounds.models import Participation, Round
from submissions.models import Reply
from tests.factories import AnswerFactory, FindingFactory, ReplyFactory, RoundFactory

pytestmark = pytest.mark.django_db

DEADLINE = datetime.date(2026, 8, 1)
DURING = datetime.date(2026, 9, 2)
NOW = timezone.make_aware(datetime.datetime(2026, 6, 1, 12))


def _propose(world, exercise, *, party=None, level="not_complied", by=None, question=None, **kwargs):
    return assessment_propose(
        round=exercise.round,
        question=question or exercise.q_r3,
        party=party or world.party_b,
        level=level,
        reasoning="No provision was adopted.",
        by=by or world.staff,
        **kwargs,
    )


def _adopted(world, exercise, **kwargs):
    assessment = _propose(world, exercise, **kwargs)
    return assessment_adopt(assessment=assessment, meeting=world.meeting, adopted_on=DURING, by=world.staff)


# --- The exercise ----------------------------------------------------------------------------------------


def test_an_exercise_asks_one_question_per_urge_recommendation_of_the_parties_concerned(world):
    follow_up = exercise_create(
        round=world.round, report=world.report, reply_deadline=DEADLINE, by=world.staff
    )

    assert follow_up.kind == Round.Kind.FOLLOW_UP and follow_up.follows == world.round
    assert follow_up.slug == f"{world.round.slug}-follow-up" and follow_up.number is None
    assert follow_up.status == Round.Status.PREPARATION and follow_up.reply_deadline == DEADLINE
    with translation.override("en"):
        assert follow_up.label == f"Follow-up of Monitoring round {world.round.number}"
    items = list(Item.objects.filter(question__questionnaire__round=follow_up).order_by("question__position"))
    assert [(item.reference, item.question.number, item.finding) for item in items] == [
        ("R-1", "1", world.r1.finding),
        ("R-3", "3", world.r3.finding),
    ]
    r1, r3 = (item.question for item in items)
    assert list(r1.parties.all()) == [world.party_a] and not r3.parties.exists()  # every Party
    assert "since 4 March 2026" in r1.text_en and r1.guidance_en.startswith("R-1. Recommendation R-1")
    assert r1.text_fr and r1.guidance_fr.startswith("R-1. Recommandation R-1")
    assert set(Participation.objects.filter(round=follow_up).values_list("party", flat=True)) == {
        world.party_a.pk,
        world.party_b.pk,
    }
    again = exercise_create(round=world.round, report=world.report, reply_deadline=DEADLINE, by=world.staff)
    assert again.slug == f"{world.round.slug}-follow-up-2"


def test_without_a_report_an_exercise_follows_the_rounds_adopted_findings(world):
    urgent = RoundFactory(kind=Round.Kind.URGENT, number=None, slug="urgent")
    party = world.party_a
    ReplyFactory(round=urgent, party=party)
    FindingFactory(round=urgent, grade="urges", parties=[party])  # a draft: not followed up
    adopted = FindingFactory(
        round=urgent, grade="urges", parties=[party], state="adopted", adopted_at=timezone.now()
    )
    follow_up = exercise_create(round=urgent, reply_deadline=DEADLINE, by=world.staff)

    item = Item.objects.get(question__questionnaire__round=follow_up)
    assert (item.finding, item.statement, item.reference) == (adopted, None, "1")
    assert list(Participation.objects.filter(round=follow_up).values_list("party", flat=True)) == [party.pk]


@pytest.mark.parametrize("grades", [("invites",), ()])
def test_an_exercise_with_nothing_to_follow_up_is_refused(world, grades):
    rounds = Round.objects.count()
    with pytest.raises(InvalidFollowUp) as refusal:
        exercise_create(
            round=world.round, report=world.report, grades=grades, reply_deadline=DEADLINE, by=world.staff
        )
    assert refusal.value.code == "invalid" and refusal.value.status == 400
    assert refusal.value.context["field"] == "grades" and refusal.value.message
    assert Round.objects.count() == rounds and not Item.objects.exists()
    assert not Question.objects.filter(questionnaire__round__kind="follow_up").exists()


def test_a_draft_report_or_a_follow_up_is_not_followed_up(world, exercise):
    world.report.state, world.report.adopted_on = "draft", None
    world.report.save()
    rounds = Round.objects.count()
    with pytest.raises(InvalidFollowUp) as refusal:
        exercise_create(round=world.round, report=world.report, reply_deadline=DEADLINE, by=world.staff)
    assert refusal.value.context["field"] == "report"
    with pytest.raises(InvalidFollowUp) as refusal:
        exercise_create(round=exercise.round, reply_deadline=DEADLINE, by=world.staff)
    assert refusal.value.context["field"] == "round"
    assert Round.objects.count() == rounds


def test_only_the_secretariat_opens_an_exercise(world):
    with pytest.raises(NotPermitted) as refusal:
        exercise_create(round=world.round, reply_deadline=DEADLINE, by=world.rapporteur)
    assert refusal.value.code == "not_permitted" and refusal.value.status == 403
    with pytest.raises(NotFound):
        exercise_create(round=world.round, reply_deadline=DEADLINE, by=world.focal)
    assert not Round.objects.filter(kind=Round.Kind.FOLLOW_UP).exists()


# --- Assessments -----------------------------------------------------------------------------------------


def test_the_secretariat_proposes_with_evidence_and_the_committee_adopts(world, exercise):
    earlier = world.answer_b1  # Party B's published answer in the round followed up
    assessment = _propose(world, exercise, level="partially_complied", evidence=[earlier])
    assert (assessment.state, assessment.cycle, assessment.proposed_by) == ("proposed", 1, world.staff)
    assert list(assessment.evidence.all()) == [earlier]
    assert current_assessment(round=exercise.round, question=exercise.q_r3, party=world.party_b) is None

    adopted = assessment_adopt(
        assessment=assessment, meeting=world.meeting, adopted_on=DURING, by=world.staff
    )
    assert (adopted.state, adopted.adopted_at_meeting, adopted.adopted_on) == (
        "adopted",
        world.meeting,
        DURING,
    )
    assert current_assessment(round=exercise.round, question=exercise.q_r3, party=world.party_b) == adopted
    assert adopted.history.latest().history_change_reason == "assessment_adopt"


def test_the_rapporteur_of_the_question_a_recommendation_rests_on_proposes(world, exercise):
    # R-1 rests on Question 1, whose Rapporteur is member-a.
    assessment = _propose(world, exercise, question=exercise.q_r1, party=world.party_a, by=world.rapporteur)
    assert assessment.proposed_by == world.rapporteur


@pytest.mark.parametrize(
    ("who", "question", "error", "code"),
    [
        ("member", "q_r1", NotPermitted, "not_permitted"),  # another member
        ("rapporteur", "q_r3", NotPermitted, "not_permitted"),  # R-3 rests on Question 2: not theirs
        ("focal", "q_r1", NotFound, "not_found"),
        ("ngo", "q_r1", NotFound, "not_found"),
    ],
)
def test_who_may_not_propose_is_refused(world, exercise, who, question, error, code):
    with pytest.raises(error) as refusal:
        _propose(
            world, exercise, question=getattr(exercise, question), party=world.party_a, by=getattr(world, who)
        )
    assert refusal.value.code == code
    assert not Assessment.objects.exists()


def test_a_level_outside_the_four_is_refused(world, exercise):
    with pytest.raises(InvalidFollowUp) as refusal:
        _propose(world, exercise, level="mostly_complied")
    assert refusal.value.code == "invalid" and refusal.value.context["field"] == "level"
    assert "complied, partially complied, not complied or no information" in refusal.value.message
    assert not Assessment.objects.exists()


def test_a_party_not_asked_or_evidence_of_another_party_is_refused(world, exercise):
    with pytest.raises(InvalidFollowUp) as refusal:  # R-1 concerns Party A only
        _propose(world, exercise, question=exercise.q_r1, party=world.party_b)
    assert refusal.value.context["field"] == "party"
    with pytest.raises(InvalidFollowUp) as refusal:
        _propose(world, exercise, evidence=[world.answer_a1])
    assert refusal.value.context["field"] == "evidence"
    draft = AnswerFactory(
        reply=Reply.objects.create(round=exercise.round, party=world.party_b), question=exercise.q_r3
    )
    with pytest.raises(InvalidFollowUp):  # not published
        _propose(world, exercise, evidence=[draft])
    assert not Assessment.objects.exists()


def test_adopting_outside_the_meetings_days_is_refused(world, exercise):
    assessment = _propose(world, exercise)
    with pytest.raises(InvalidFollowUp) as refusal:
        assessment_adopt(
            assessment=assessment, meeting=world.meeting, adopted_on=datetime.date(2026, 9, 4), by=world.staff
        )
    assert refusal.value.code == "invalid" and refusal.value.context["field"] == "adopted_on"
    assessment.refresh_from_db()
    assert (assessment.state, assessment.adopted_on, assessment.adopted_at_meeting) == (
        "proposed",
        None,
        None,
    )


def test_adopting_twice_is_refused(world, exercise):
    adopted = _adopted(world, exercise)
    other = type(world.meeting).objects.create(
        number=99, place="online", starts_on=datetime.date(2026, 10, 1), ends_on=datetime.date(2026, 10, 1)
    )
    with pytest.raises(InvalidTransition) as refusal:
        assessment_adopt(assessment=adopted, meeting=other, adopted_on=other.starts_on, by=world.staff)
    assert refusal.value.code == "invalid_transition" and refusal.value.status == 409
    adopted.refresh_from_db()
    assert (adopted.adopted_at_meeting, adopted.adopted_on) == (world.meeting, DURING)


def test_only_the_secretariat_adopts(world, exercise):
    assessment = _propose(world, exercise)
    with pytest.raises(NotPermitted):
        assessment_adopt(assessment=assessment, meeting=world.meeting, adopted_on=DURING, by=world.rapporteur)
    assessment.refresh_from_db()
    assert assessment.state == "proposed"


# --- Clarifications --------------------------------------------------------------------------------------


def test_a_party_not_in_compliance_is_asked_for_clarifications_and_assessed_again(world, exercise):
    first = _adopted(world, exercise, level="not_complied")
    clarification = clarification_request(
        round=exercise.round,
        question=exercise.q_r3,
        party=world.party_b,
        request="Say when the bill is voted.",
        due_on=datetime.date(2026, 7, 1),
        by=world.staff,
        now=NOW,
    )
    assert (clarification.cycle, clarification.requested_on) == (2, datetime.date(2026, 6, 1))
    second = _adopted(world, exercise, level="complied")
    assert (first.cycle, second.cycle) == (1, 2)
    assert current_assessment(round=exercise.round, question=exercise.q_r3, party=world.party_b) == second


def test_no_clarification_on_a_complied_item(world, exercise):
    _adopted(world, exercise, level="complied")
    with pytest.raises(InvalidTransition) as refusal:
        clarification_request(
            round=exercise.round,
            question=exercise.q_r3,
            party=world.party_b,
            request="Anything more?",
            due_on=datetime.date(2026, 7, 1),
            by=world.staff,
            now=NOW,
        )
    assert refusal.value.code == "invalid_transition" and refusal.value.status == 409
    assert "complied" in refusal.value.message
    assert not Clarification.objects.exists()


def test_a_second_request_waits_for_the_assessment_of_the_first(world, exercise):
    arguments = {
        "round": exercise.round,
        "question": exercise.q_r3,
        "party": world.party_b,
        "request": "Say when the bill is voted.",
        "due_on": datetime.date(2026, 7, 1),
        "by": world.staff,
        "now": NOW,
    }
    clarification_request(**arguments)  # before any assessment: to finalise the first one
    with pytest.raises(InvalidTransition):
        clarification_request(**arguments)
    with pytest.raises(InvalidFollowUp) as refusal:
        clarification_request(**{**arguments, "party": world.party_a, "due_on": datetime.date(2026, 6, 1)})
    assert refusal.value.context["field"] == "due_on"
    with pytest.raises(NotPermitted):
        clarification_request(**{**arguments, "by": world.rapporteur, "party": world.party_a})
    assert Clarification.objects.count() == 1


def test_the_finding_followed_up_cannot_be_deleted(world, exercise):
    from django.db.models import ProtectedError

    with pytest.raises(ProtectedError):
        Finding.objects.filter(pk=world.r3.finding_id).delete()
