"""The Secretariat's admin for the follow-up: lists filtered, a proposal through the service, adoption at a
meeting through an intermediate page."""

import datetime

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse

from followup.models import Assessment
from followup.services import assessment_propose

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
