"""The Party's response to a request for clarifications: saved with compare-and-set, submitted once, late
when after the due day; every refusal with its code, and nothing changed."""

import datetime

import pytest
from django.utils import timezone

from core.errors import TextTooLong
from followup.errors import EditConflict, InvalidFollowUp, InvalidTransition, NotFound
from followup.models import Clarification
from followup.services import clarification_response_save, clarification_response_submit
from tests.factories import MembershipFactory

from .conftest import CLARIFICATION_DUE

pytestmark = pytest.mark.django_db

ON_TIME = timezone.make_aware(datetime.datetime(2026, 9, 20, 12))
AFTER = timezone.make_aware(datetime.datetime(2026, 10, 2, 0, 30))  # Strasbourg: past the due day


def _stored(clarification) -> tuple:
    row = Clarification.objects.get(pk=clarification.pk)
    return row.response, row.version, row.responded_by_id, row.submitted_at


def test_a_focal_point_saves_the_response_sanitised_and_versioned(world, clarification):
    saved = clarification_response_save(
        clarification=clarification,
        body="<p>The bill <script>alert(1)</script>is <strong>tabled</strong>.</p>",
        version=0,
        by=world.focal,
    )

    assert saved.response == "<p>The bill is <strong>tabled</strong>.</p>"
    assert saved.version == 1 and saved.responded_by == world.focal and saved.submitted_at is None
    assert _stored(clarification) == (saved.response, 1, world.focal.pk, None)
    again = clarification_response_save(
        clarification=clarification, body="Second.", version=1, by=world.focal
    )
    assert again.version == 2 and again.response == "Second."


def test_a_stale_version_is_a_conflict_carrying_the_stored_text(world, clarification):
    clarification_response_save(
        clarification=clarification, body="Colleague's text.", version=0, by=world.focal
    )
    before = _stored(clarification)

    with pytest.raises(EditConflict) as refused:
        clarification_response_save(clarification=clarification, body="Mine.", version=0, by=world.focal)

    assert refused.value.code == "edit_conflict" and refused.value.status == 409
    assert refused.value.context["current"] == {"response": "Colleague's text.", "version": 1}
    assert "saved a newer version of this response" in refused.value.message
    assert _stored(clarification) == before


@pytest.mark.parametrize("who", ["focal_b", "staff", "member", "rapporteur", "ngo"])
def test_nobody_but_the_partys_focal_points_writes_the_response(world, clarification, who):
    before = _stored(clarification)
    for write in (
        lambda: clarification_response_save(
            clarification=clarification, body="Intruder.", version=0, by=getattr(world, who)
        ),
        lambda: clarification_response_submit(
            clarification=clarification, body="Intruder.", by=getattr(world, who)
        ),
    ):
        with pytest.raises(NotFound) as refused:
            write()
        assert refused.value.status == 404
    assert _stored(clarification) == before


def test_a_request_of_a_follow_up_in_preparation_is_nobodys_to_answer(world, clarification, exercise):
    exercise.round.status = exercise.round.Status.PREPARATION
    exercise.round.save()

    with pytest.raises(NotFound):
        clarification_response_save(clarification=clarification, body="Early.", version=0, by=world.focal)
    assert _stored(clarification) == ("", 0, None, None)


def test_submitting_sends_the_saved_text_once_on_time(world, clarification):
    submitted = clarification_response_submit(
        clarification=clarification, body="The bill is tabled.", version=0, by=world.focal, now=ON_TIME
    )

    assert submitted.submitted_at == ON_TIME and submitted.version == 1
    assert submitted.response == "The bill is tabled." and not submitted.is_late
    before = _stored(clarification)
    with pytest.raises(InvalidTransition) as refused:
        clarification_response_submit(clarification=clarification, by=world.focal, now=ON_TIME)
    assert refused.value.code == "invalid_transition" and refused.value.status == 409
    assert "submitted on 20 September 2026 and can no longer be changed" in refused.value.message
    with pytest.raises(InvalidTransition):
        clarification_response_save(clarification=clarification, body="Later.", version=1, by=world.focal)
    assert _stored(clarification) == before


def test_a_response_submitted_after_the_due_day_is_accepted_and_late(world, clarification):
    clarification_response_save(clarification=clarification, body="Late text.", version=0, by=world.focal)

    submitted = clarification_response_submit(clarification=clarification, by=world.focal, now=AFTER)

    assert submitted.submitted_at == AFTER and submitted.is_late
    assert timezone.localdate(AFTER) > CLARIFICATION_DUE


def test_an_empty_response_is_not_submitted(world, clarification):
    with pytest.raises(InvalidFollowUp) as refused:
        clarification_response_submit(clarification=clarification, body="<p> </p>", version=0, by=world.focal)

    assert refused.value.code == "invalid" and refused.value.context["field"] == "response"
    assert refused.value.message == "Write the response before submitting it."
    assert _stored(clarification) == ("", 0, None, None)  # the save before it is rolled back too


def test_a_submission_against_a_stale_version_is_a_conflict(world, clarification):
    clarification_response_save(clarification=clarification, body="Colleague's.", version=0, by=world.focal)

    with pytest.raises(EditConflict):
        clarification_response_submit(clarification=clarification, body="Mine.", version=0, by=world.focal)
    assert _stored(clarification)[1:] == (1, world.focal.pk, None)


def test_a_response_too_long_is_refused(world, clarification, settings):
    settings.TEXT_LIMITS = {**settings.TEXT_LIMITS, "text": 10}

    with pytest.raises(TextTooLong) as refused:
        clarification_response_save(clarification=clarification, body="x" * 11, version=0, by=world.focal)

    assert refused.value.code == "too_long"
    assert _stored(clarification) == ("", 0, None, None)


def test_an_ngo_member_is_no_focal_point(world, clarification):
    outsider = MembershipFactory().user
    with pytest.raises(NotFound):
        clarification_response_save(clarification=clarification, body="x", version=0, by=outsider)
