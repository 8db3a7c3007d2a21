"""Recording, correcting, adopting and withdrawing findings: each rule refused with its message, and
nothing written on a refusal."""

import datetime

import pytest
from django.db import IntegrityError, transaction

from civil_society.models import Contribution
from civil_society.services import contribution_make_confidential
from reports.errors import EvidenceNotPublic, InvalidFinding, InvalidTransition
from reports.models import Finding
from reports.services import finding_adopt, finding_update, finding_withdraw, kind_mismatch_warnings
from tests.factories import FindingFactory

from .conftest import arguments, create

pytestmark = pytest.mark.django_db

NOT_PUBLIC = "Only published answers and public acknowledged contributions can be cited as evidence."


# The database's own guard


@pytest.mark.parametrize(
    ("kind", "grade"),
    [
        ("recommendation", ""),
        ("recommendation", "strongly"),
        ("challenge", "urges"),
        ("promising_practice", "invites"),
    ],
)
def test_the_database_refuses_a_grade_without_a_recommendation_or_a_recommendation_without_one(
    world, kind, grade
):
    with pytest.raises(IntegrityError), transaction.atomic():
        FindingFactory(round=world.round, kind=kind, grade=grade, created_by=world.staff)
    assert not Finding.objects.exists()


def test_the_database_refuses_an_adopted_finding_without_its_date(world):
    with pytest.raises(IntegrityError), transaction.atomic():
        FindingFactory(round=world.round, state="adopted", adopted_at=None)
    assert not Finding.objects.exists()


# Creating


def test_a_finding_is_recorded_as_a_draft_with_its_links_and_the_theme_of_its_questions(world):
    finding = create(world)

    finding.refresh_from_db()
    assert finding.state == Finding.State.DRAFT and finding.adopted_at is None
    assert finding.theme == "prevention"  # taken from question 1
    assert finding.title_fr == "Définir le matériel d'abus sexuels sur enfants"
    assert list(finding.parties.all()) == [world.party_a]
    assert list(finding.questions.all()) == [world.questions["1"]]
    assert list(finding.answers.all()) == [world.published_answer]
    assert list(finding.contributions.all()) == [world.public_comment]
    assert finding.created_by == world.staff


def test_findings_are_placed_last_in_their_round(world):
    first, second = create(world), create(world, kind="challenge", grade="")
    assert (first.position, second.position) == (0, 1)


REFUSALS = [
    ({"grade": ""}, "A recommendation needs a grade", "grade"),
    ({"kind": "challenge", "grade": "urges"}, "Only a recommendation has a grade", "grade"),
    ({"kind": "promising_practice", "grade": "considers"}, "Only a recommendation has a grade", "grade"),
    ({"questions": "other_question"}, "Question 9 belongs to another round", "questions"),
    ({"parties": "stranger_party"}, "ZC is not monitored in this round.", "parties"),
    (
        {"parties": []},
        "Name the Parties concerned, or mark the finding as concerning all Parties.",
        "parties",
    ),
    ({"applies_to_all": True}, "A finding concerning all Parties lists none in particular", "parties"),
    ({"answers": "draft_answer"}, NOT_PUBLIC, "answers"),
    ({"contributions": "confidential_comment"}, NOT_PUBLIC, "contributions"),
    ({"contributions": "unacknowledged_comment"}, NOT_PUBLIC, "contributions"),
    ({"answers": "other_answer"}, "Cite answers given in this round only.", "answers"),
    ({"contributions": "other_comment"}, "Cite comments made in this round only.", "contributions"),
    ({"questions": "question 3 too"}, "Choose a theme: the questions cited do not share one.", "theme"),
    ({"questions": []}, "Choose a theme, or cite the questions the finding rests on.", "theme"),
]


def _resolve(world, overrides: dict) -> dict:
    """Name the world's objects in the table above by attribute."""
    resolved = {}
    for name, value in overrides.items():
        if value == "question 3 too":
            value = [world.questions["1"], world.questions["3"]]
        elif isinstance(value, str) and hasattr(world, value):
            value = [getattr(world, value)]
        resolved[name] = value
    return resolved


@pytest.mark.parametrize(("overrides", "message", "field"), REFUSALS)
def test_a_finding_breaking_a_rule_is_refused_and_nothing_is_written(world, overrides, message, field):
    with pytest.raises(InvalidFinding) as refused:
        create(world, **_resolve(world, overrides))

    assert message in refused.value.message
    assert refused.value.context["field"] == field
    assert not Finding.objects.exists()
    assert not Finding.parties.through.objects.exists()


def test_evidence_not_public_has_its_own_code(world):
    with pytest.raises(EvidenceNotPublic) as refused:
        create(world, answers=[world.draft_answer])
    assert refused.value.code == "evidence_not_public" and refused.value.message == NOT_PUBLIC


def test_a_finding_may_concern_all_parties_monitored(world):
    finding = create(world, parties=[], applies_to_all=True)
    assert finding.applies_to_all and not finding.parties.exists()


def test_a_theme_given_is_kept_even_when_the_questions_differ(world):
    finding = create(world, theme="protection", questions=[world.questions["1"], world.questions["3"]])
    assert finding.theme == "protection"


# Correcting


def test_a_finding_is_corrected_draft_or_adopted_and_keeps_its_state(world):
    finding = finding_adopt(finding=create(world), by=world.staff)
    data = arguments(
        world, kind="challenge", grade="", parties=[world.party_a, world.party_b], title_en="New"
    )
    del data["round"], data["by"]

    finding_update(finding=finding, **data)

    finding.refresh_from_db()
    assert (finding.kind, finding.grade, finding.title_en, finding.state) == (
        "challenge",
        "",
        "New",
        "adopted",
    )
    assert set(finding.parties.all()) == {world.party_a, world.party_b}


def test_a_refused_correction_changes_nothing(world):
    finding = create(world)
    data = arguments(
        world, parties=[world.party_a, world.stranger_party], title_en="Changed", grade="invites"
    )
    del data["round"], data["by"]

    with pytest.raises(InvalidFinding, match="ZC is not monitored"):
        finding_update(finding=finding, **data)

    finding.refresh_from_db()
    assert (finding.title_en, finding.grade) == ("Define child sexual abuse material", "urges")
    assert list(finding.parties.all()) == [world.party_a]


# Adopting and withdrawing


def test_adopting_records_who_and_when_and_withdrawing_undoes_it(world):
    now = datetime.datetime(2026, 3, 10, 12, tzinfo=datetime.UTC)
    finding = finding_adopt(finding=create(world), by=world.staff, now=now)

    finding.refresh_from_db()
    assert (finding.state, finding.adopted_at, finding.adopted_by) == ("adopted", now, world.staff)

    finding_withdraw(finding=finding, by=world.staff)

    finding.refresh_from_db()
    assert (finding.state, finding.adopted_at, finding.adopted_by) == ("draft", None, None)


def test_adopting_twice_or_withdrawing_a_draft_is_refused(world):
    finding = create(world)
    with pytest.raises(InvalidTransition, match="a draft already"):
        finding_withdraw(finding=finding, by=world.staff)
    finding_adopt(finding=finding, by=world.staff)
    adopted_at = Finding.objects.get().adopted_at
    with pytest.raises(InvalidTransition, match="already adopted"):
        finding_adopt(finding=finding, by=world.staff)
    assert Finding.objects.get().adopted_at == adopted_at


def test_a_finding_whose_comment_became_confidential_is_not_adopted(world):
    finding = create(world)
    contribution_make_confidential(contribution=world.public_comment, by=world.staff)
    assert Contribution.objects.get(pk=world.public_comment.pk).visibility == "confidential"

    with pytest.raises(EvidenceNotPublic, match=NOT_PUBLIC):
        finding_adopt(finding=finding, by=world.staff)

    assert Finding.objects.get().state == Finding.State.DRAFT


# Crossing the monitoring / capacity-building line


def test_a_recommendation_on_a_capacity_building_question_is_warned_about_not_refused(world):
    finding = create(world, questions=[world.questions["1"], world.questions["2"]])
    assert kind_mismatch_warnings(finding) == [
        "“Define child sexual abuse material” is a recommendation but rests on capacity-building question 2; "
        "capacity-building questions usually lead to promising practices."
    ]


def test_a_promising_practice_on_a_monitoring_question_is_warned_about(world):
    finding = create(world, kind="promising_practice", grade="")
    [warning] = kind_mismatch_warnings(finding)
    assert "promising practice but rests on monitoring question 1" in warning


@pytest.mark.parametrize(
    ("kind", "grade", "question"),
    [("recommendation", "urges", "1"), ("promising_practice", "", "2"), ("challenge", "", "2")],
)
def test_findings_on_their_own_side_of_the_line_have_no_warning(world, kind, grade, question):
    finding = create(world, kind=kind, grade=grade, questions=[world.questions[question]])
    assert kind_mismatch_warnings(finding) == []
