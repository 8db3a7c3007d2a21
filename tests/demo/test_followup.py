"""The follow-up in `seed_demo`: the urgent round's "urge" recommendations followed up, with assessments
adopted at the 23rd meeting in each level and one clarification cycle assessed again at the 31st; the
demonstration round's follow-up open for replies with one proposed assessment; a second seed changes
nothing."""

import datetime

import pytest
from django.apps import apps
from django.core.management import call_command
from django.utils import timezone

from core.deadlines import STRASBOURG
from core.viewers import PUBLIC
from demo.data import followup as data
from followup.models import Assessment, Clarification, Item, Level
from followup.selectors import assessments_visible_to, compliance_table
from reports.models import Finding
from rounds.models import Round
from tests.transactions import rolled_back_after_module

pytestmark = pytest.mark.django_db

SNAPSHOT_APPS = ("followup", "rounds", "reports", "questionnaires")


@pytest.fixture(scope="module", autouse=True)
def demo(django_db_setup, django_db_blocker):
    """The demo data, seeded once for the module inside a transaction rolled back at its end."""
    with rolled_back_after_module(django_db_blocker):
        call_command("seed_demo", "--force", verbosity=0)
        yield


def urgent_follow_up() -> Round:
    return Round.objects.get(kind=Round.Kind.FOLLOW_UP, follows__slug=data.URGENT_ROUND)


def snapshot() -> dict[str, list[dict]]:
    rows = {}
    for app_label in SNAPSHOT_APPS:
        for model in apps.get_app_config(app_label).get_models(include_auto_created=True):
            rows[model._meta.label] = list(model.objects.order_by("pk").values())
    return rows


def test_the_urgent_round_follows_up_its_five_urge_recommendations_party_by_party():
    urgent = Round.objects.get(slug=data.URGENT_ROUND)
    urges = Finding.objects.filter(
        round=urgent, state=Finding.State.ADOPTED, kind=Finding.Kind.RECOMMENDATION, grade="urges"
    )
    assert urges.count() == 5
    assert all(finding.adopted_at.date() == datetime.date(2017, 3, 3) for finding in urges)

    follow_up = urgent_follow_up()
    assert follow_up.status == Round.Status.EVALUATION  # public, past its replies
    items = Item.objects.filter(question__questionnaire__round=follow_up).order_by("question__position")
    assert [item.finding.title_en for item in items] == [entry["title_en"] for entry in data.URGES]
    for item, entry in zip(items, data.URGES, strict=True):
        assert set(item.question.parties.values_list("code", flat=True)) == set(entry["parties"])
    concerned = {code for entry in data.URGES for code in entry["parties"]}
    assert set(follow_up.parties.values_list("code", flat=True)) == concerned
    assert concerned <= set(urgent.parties.values_list("code", flat=True))


def test_the_23rd_meeting_adopted_assessments_in_each_level():
    first = Assessment.objects.filter(round=urgent_follow_up(), cycle=1)

    assert first.count() == len(data.LEVELS)
    assert not first.exclude(state=Assessment.State.ADOPTED).exists()
    assert set(first.values_list("adopted_at_meeting__number", "adopted_on")) == {(23, data.ASSESSED_ON)}
    assert set(first.values_list("level", flat=True)) == set(Level.values)
    # Adopted, in a public round: everyone reads them.
    assert assessments_visible_to(PUBLIC).filter(round=urgent_follow_up()).count() == len(data.LEVELS) + 1


def test_a_party_not_in_compliance_was_asked_for_clarifications_and_assessed_again():
    follow_up = urgent_follow_up()
    entry = data.CLARIFICATION
    clarification = Clarification.objects.get(round=follow_up)
    assert (clarification.party.code, clarification.question.position) == (
        entry["party"],
        entry["recommendation"],
    )
    assert clarification.cycle == 2
    assert clarification.requested_on == datetime.date(2019, 3, 7)
    assert clarification.due_on == entry["due_on"]
    # Answered by Greece's focal point, on time, before the cycle was assessed.
    assert clarification.responded_by.username == "focal-gr" and "412 of the 480" in clarification.response
    assert clarification.is_submitted and not clarification.is_late
    assert clarification.submitted_at.date() == datetime.date(2019, 11, 28)

    history = Assessment.objects.filter(
        round=follow_up, question=clarification.question, party=clarification.party
    ).order_by("adopted_on")
    assert [(a.cycle, a.level, a.adopted_at_meeting.number, a.adopted_on) for a in history] == [
        (1, Level.NOT_COMPLIED, 23, data.ASSESSED_ON),
        (2, entry["level"], 31, data.CLARIFIED_ON),
    ]
    assert [a.created_at.date() for a in history] == [data.ASSESSED_ON, data.CLARIFIED_ON]

    table = compliance_table(PUBLIC, follow_up)
    row = next(row for row in table.rows if row.item.question_id == clarification.question_id)
    cell = next(cell for cell in row.cells if cell.party.code == entry["party"])
    assert [a.cycle for a in cell.history] == [1, 2] and cell.level == entry["level"]


def test_the_demonstration_round_has_a_follow_up_in_progress_with_one_proposed_assessment():
    follow_up = Round.objects.get(kind=Round.Kind.FOLLOW_UP, follows__slug="demonstration")

    # Sent on the round's first day: Portugal, the Party concerned, can write its follow-up reply.
    assert follow_up.status == Round.Status.REPLIES and follow_up.demonstration
    assert follow_up.questionnaire_adopted_on == timezone.localdate(
        Round.objects.get(slug="demonstration").created_at, STRASBOURG
    )
    item = Item.objects.get(question__questionnaire__round=follow_up)
    assert item.finding.grade == "considers" and item.statement is None
    assessment = Assessment.objects.get(round=follow_up)
    assert (assessment.party.code, assessment.state) == ("PT", Assessment.State.PROPOSED)
    assert assessment.evidence.filter(reply__party__code="PT").exists()
    assert not assessments_visible_to(PUBLIC).filter(round=follow_up).exists()


def test_a_second_seed_writes_no_follow_up_row():
    before = snapshot()
    call_command("seed_demo", "--force", verbosity=0)
    assert snapshot() == before
