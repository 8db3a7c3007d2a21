"""The Secretariat's admin for the follow-up: lists filtered, a proposal through the service, adoption at a
meeting through an intermediate page."""

import datetime

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse

from followup.models import Assessment, Item
from followup.services import assessment_propose
from rounds.models import Round

pytestmark = pytest.mark.django_db


def test_the_secretariat_proposes_then_adopts_at_a_meeting(admin_client, admin_user, world, exercise):
    response = admin_client.post(
        reverse("admin:followup_assessment_add"),
        {
            "round": exercise.round.pk,
            "question": exercise.q_r3.pk,
            "party": world.party_b.pk,
            "level": "not_complied",
            "reasoning": "No provision was adopted.",
            "language": "en",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assessment = Assessment.objects.get()
    assert (assessment.state, assessment.proposed_by, assessment.cycle) == ("proposed", admin_user, 1)
    changelist = reverse("admin:followup_assessment_changelist")
    listed = admin_client.get(changelist, {"state__exact": "proposed", "level__exact": "not_complied"})
    assert listed.status_code == 200 and "1 assessment of compliance" in listed.content.decode()

    action = {"action": "adopt_at_meeting", ACTION_CHECKBOX_NAME: [assessment.pk]}
    page = admin_client.post(changelist, action)
    assert page.status_code == 200 and "Adopt at a meeting" in page.content.decode()
    admin_client.post(
        changelist, {**action, "apply": "1", "meeting": world.meeting.pk, "adopted_on": "2026-09-02"}
    )
    assessment.refresh_from_db()
    assert (assessment.state, assessment.adopted_on) == ("adopted", datetime.date(2026, 9, 2))


def test_a_refused_proposal_changes_nothing(admin_client, world, exercise):
    response = admin_client.post(
        reverse("admin:followup_assessment_add"),
        {
            "round": exercise.round.pk,
            "question": exercise.q_r1.pk,  # asked of Party A only
            "party": world.party_b.pk,
            "level": "complied",
            "reasoning": "Done.",
            "language": "en",
        },
        follow=True,
    )
    assert "is not asked about this recommendation" in response.content.decode()
    assert not Assessment.objects.exists()


def test_the_lists_open(admin_client, world, exercise):
    assessment_propose(
        round=exercise.round,
        question=exercise.q_r3,
        party=world.party_a,
        level="complied",
        reasoning="Done.",
        by=world.staff,
    )
    for name in ("item", "assessment", "clarification"):
        assert admin_client.get(reverse(f"admin:followup_{name}_changelist")).status_code == 200
        assert admin_client.get(reverse(f"admin:followup_{name}_add")).status_code in (200, 403)


def test_the_secretariat_reads_the_response_on_the_request_and_on_the_next_assessment(
    admin_client, world, clarification, exercise
):
    from followup.services import clarification_response_submit

    clarification_response_submit(
        clarification=clarification, body="<p>RESPONSE-SEEN bill tabled.</p>", by=world.focal
    )
    assessment = assessment_propose(
        round=exercise.round,
        question=exercise.q_r3,
        party=world.party_a,
        level="partially_complied",
        reasoning="Better.",
        by=world.staff,
    )

    request_page = admin_client.get(reverse("admin:followup_clarification_change", args=[clarification.pk]))
    assessment_page = admin_client.get(reverse("admin:followup_assessment_change", args=[assessment.pk]))

    assert assessment.cycle == 2
    assert "RESPONSE-SEEN bill tabled." in request_page.content.decode()
    assert "RESPONSE-SEEN bill tabled." in assessment_page.content.decode()


def test_the_secretariat_opens_an_exercise_from_the_admin_and_reviews_its_round(admin_client, world):
    response = admin_client.post(
        reverse("admin:followup_exercise_add"),
        {
            "follows": world.round.pk,
            "report": world.report.pk,
            "grades": ["urges"],
            "reply_deadline": "2026-08-01",
        },
    )

    follow_up = Round.objects.get(kind=Round.Kind.FOLLOW_UP)
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:rounds_round_change", args=[follow_up.pk])
    assert (follow_up.follows, follow_up.status) == (world.round, Round.Status.PREPARATION)
    assert sorted(Item.objects.values_list("statement__reference", flat=True)) == ["R-1", "R-3"]
    listed = admin_client.get(reverse("admin:followup_exercise_changelist")).content.decode()
    assert str(follow_up) in listed and str(world.round) in listed


def test_an_exercise_refused_by_the_service_says_why_and_opens_nothing(admin_client, world):
    response = admin_client.post(
        reverse("admin:followup_exercise_add"),
        {"follows": world.round.pk, "grades": ["invites"], "reply_deadline": "2026-08-01"},
        follow=True,
    )

    assert "There is no adopted recommendation graded “invites”" in response.content.decode()
    assert not Round.objects.filter(kind=Round.Kind.FOLLOW_UP).exists() and not Item.objects.exists()


def test_an_exercise_needs_the_round_the_grades_and_the_deadline(admin_client, world):
    response = admin_client.post(reverse("admin:followup_exercise_add"), {"follows": world.round.pk})

    page = response.content.decode()
    assert response.status_code == 200 and page.count("This field is required.") == 2
    assert not Round.objects.filter(kind=Round.Kind.FOLLOW_UP).exists()


def test_an_exercise_opened_is_read_on_its_page(admin_client, world, exercise):
    response = admin_client.get(reverse("admin:followup_exercise_change", args=[exercise.round.pk]))

    assert response.status_code == 200 and str(world.round) in response.content.decode()
