"""Each write of civil society, and each refusal: the error, and that nothing changed."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth import get_user_model

from civil_society.errors import (
    CommentWindowClosed,
    CoSignersPending,
    InvalidContribution,
    InvalidTransition,
    NotEditable,
    NotFound,
    OrganisationNotVerified,
    RegistrationRefused,
)
from civil_society.models import (
    Contribution,
    ContributionEvent,
    CoSignature,
    InformationRequest,
    Organisation,
)
from civil_society.services import (
    co_signature_decide,
    co_signer_add,
    co_signer_remove,
    contribution_acknowledge,
    contribution_create,
    contribution_item_save,
    contribution_make_confidential,
    contribution_make_public,
    contribution_publicity_consent,
    contribution_submit,
    information_request_answer,
    information_request_create,
    organisation_register,
    party_comment_digest_send,
)

PARIS = ZoneInfo("Europe/Paris")
IN_WINDOW = datetime.datetime(2025, 12, 31, 23, 59, 59, tzinfo=PARIS)
CLOSED = datetime.datetime(2026, 1, 1, 0, 0, 0, tzinfo=PARIS)


def comment(world, *, visibility="public", by=None, organisation=None, items=None, **extra):
    return contribution_create(
        organisation=organisation or world.ngo1,
        by=by or world.member1,
        round=world.round,
        kind=Contribution.Kind.COMMENT,
        parties=[world.party_a],
        visibility=visibility,
        language="en",
        items=[("6", "<p>The helpline closes at night.</p>")] if items is None else items,
        **extra,
    )


def state_of(contribution):
    contribution.refresh_from_db()
    return contribution.state, contribution.submitted_at, contribution.events.count()


# Creating


def test_a_comment_is_created_as_a_draft_with_its_items(world):
    contribution = comment(world)
    assert contribution.state == Contribution.State.DRAFT
    assert [(item.question.number, item.text) for item in contribution.items.all()] == [
        ("6", "<p>The helpline closes at night.</p>")
    ]


@pytest.mark.parametrize("visibility", ["", "secret", None])
def test_visibility_has_no_default(world, visibility):
    with pytest.raises(InvalidContribution, match="public or confidential"):
        comment(world, visibility=visibility)
    assert not Contribution.objects.exists()


def test_a_comment_needs_a_published_reply(world):
    with pytest.raises(InvalidContribution, match="not published yet"):
        contribution_create(
            organisation=world.ngo1,
            by=world.member1,
            round=world.round,
            kind="comment",
            parties=[world.party_b],
            visibility="public",
            language="en",
        )
    assert not Contribution.objects.exists()


def test_an_item_on_a_question_outside_the_questionnaire_is_refused(world):
    contribution = comment(world)
    with pytest.raises(InvalidContribution, match="Question 99 is not"):
        contribution_item_save(contribution=contribution, by=world.member1, number="99", text="x")
    assert contribution.items.count() == 1


def test_typed_html_is_sanitised(world):
    contribution = comment(world)
    item = contribution_item_save(
        contribution=contribution,
        by=world.member1,
        number="1",
        text='<p onclick="x()">Hi<script>bad()</script></p>',
    )
    assert item.text == "<p>Hi</p>"


# Submitting


def test_submitting_in_the_window_records_it_and_sends_a_receipt_naming_the_visibility(
    world, mailoutbox, django_capture_on_commit_callbacks
):
    contribution = comment(world, visibility="confidential")
    with django_capture_on_commit_callbacks(execute=True):
        contribution_submit(contribution=contribution, by=world.member1, now=IN_WINDOW)
    assert state_of(contribution) == (Contribution.State.SUBMITTED, IN_WINDOW, 1)
    receipts = [mail for mail in mailoutbox if world.member1.email in mail.to]
    assert len(receipts) == 1 and "confidential" in receipts[0].body.lower()


def test_submitting_when_the_window_has_closed_is_refused_with_the_closing_time(world):
    contribution = comment(world)
    before = state_of(contribution)
    with pytest.raises(CommentWindowClosed, match="closed at the end of") as refusal:
        contribution_submit(contribution=contribution, by=world.member1, now=CLOSED)
    assert "31 December 2025" in refusal.value.message
    assert state_of(contribution) == before
    assert contribution.is_editable  # the draft is kept
    contribution_item_save(contribution=contribution, by=world.member1, number="1", text="Still editable")


def test_submitting_twice_is_refused(world):
    contribution = comment(world)
    contribution_submit(contribution=contribution, by=world.member1, now=IN_WINDOW)
    before = state_of(contribution)
    with pytest.raises(NotEditable, match="already been submitted"):
        contribution_submit(contribution=contribution, by=world.member1, now=IN_WINDOW)
    assert state_of(contribution) == before


def test_an_unverified_organisation_cannot_submit(world):
    world.ngo1.verified_at = None
    world.ngo1.save()
    contribution = comment(world)
    with pytest.raises(OrganisationNotVerified, match="awaiting verification"):
        contribution_submit(contribution=contribution, by=world.member1, now=IN_WINDOW)
    assert state_of(contribution)[0] == Contribution.State.DRAFT


def test_an_empty_contribution_cannot_be_submitted(world):
    contribution = comment(world)
    contribution.items.all().delete()
    with pytest.raises(InvalidContribution, match="at least one item"):
        contribution_submit(contribution=contribution, by=world.member1, now=IN_WINDOW)


# Coalitions


def test_a_coalition_submits_only_once_every_co_signer_confirmed(world):
    contribution = comment(
        world, co_signers=[world.ngo2], children_involved=True, children_involvement="Panel"
    )
    with pytest.raises(CoSignersPending, match=world.ngo2.name):
        contribution_submit(contribution=contribution, by=world.member1, now=IN_WINDOW)
    signature = CoSignature.objects.get(contribution=contribution)
    with pytest.raises(NotFound):
        co_signature_decide(
            co_signature=signature, by=world.member1, confirm=True
        )  # not a co-signer's member
    co_signature_decide(co_signature=signature, by=world.member2, confirm=True)
    contribution_submit(contribution=contribution, by=world.member1, now=IN_WINDOW)
    assert state_of(contribution)[0] == Contribution.State.SUBMITTED
    assert contribution.children_involved and contribution.children_involvement == "Panel"


def test_the_lead_removes_a_co_signer_who_declined_and_the_removal_is_recorded(world):
    contribution = comment(world, co_signers=[world.ngo2])
    signature = CoSignature.objects.get(contribution=contribution)
    co_signature_decide(co_signature=signature, by=world.member2, confirm=False)
    with pytest.raises(CoSignersPending):
        contribution_submit(contribution=contribution, by=world.member1, now=IN_WINDOW)
    co_signer_remove(contribution=contribution, by=world.member1, organisation=world.ngo2)
    contribution_submit(contribution=contribution, by=world.member1, now=IN_WINDOW)
    assert list(contribution.events.values_list("action", "note")) == [
        ("co_signer_removed", world.ngo2.name),
        ("submitted", ""),
    ]


def test_the_lead_cannot_co_sign_its_own_contribution(world):
    contribution = comment(world)
    with pytest.raises(InvalidContribution, match="cannot co-sign"):
        co_signer_add(contribution=contribution, by=world.member1, organisation=world.ngo1)
    assert not contribution.co_signatures.exists()


# Moderation


@pytest.fixture
def submitted(world):
    contribution = comment(world)
    return contribution_submit(contribution=contribution, by=world.member1, now=IN_WINDOW)


def test_the_secretariat_acknowledges_a_submitted_contribution_once(world, submitted):
    contribution_acknowledge(contribution=submitted, by=world.staff)
    submitted.refresh_from_db()
    assert submitted.state == Contribution.State.ACKNOWLEDGED and submitted.acknowledged_at
    with pytest.raises(InvalidTransition):
        contribution_acknowledge(contribution=submitted, by=world.staff)


def test_confidential_becomes_public_again_only_with_the_organisations_consent(world, submitted):
    contribution_make_confidential(contribution=submitted, by=world.staff, note="Names a child")
    with pytest.raises(InvalidTransition, match="recorded consent"):
        contribution_make_public(contribution=submitted, by=world.staff)
    submitted.refresh_from_db()
    assert submitted.visibility == "confidential"
    with pytest.raises(NotFound):
        contribution_publicity_consent(contribution=submitted, by=world.member2)
    contribution_publicity_consent(contribution=submitted, by=world.member1, note="Agreed by e-mail")
    contribution_make_public(contribution=submitted, by=world.staff)
    submitted.refresh_from_db()
    assert submitted.visibility == "public"
    assert list(submitted.events.values_list("action", flat=True)) == [
        "submitted",
        "made_confidential",
        "publicity_consented",
        "made_public",
    ]


def test_a_consent_given_before_a_later_switch_to_confidential_does_not_count(world, submitted):
    contribution_make_confidential(contribution=submitted, by=world.staff)
    contribution_publicity_consent(contribution=submitted, by=world.member1)
    contribution_make_public(contribution=submitted, by=world.staff)
    contribution_make_confidential(contribution=submitted, by=world.staff)
    with pytest.raises(InvalidTransition):
        contribution_make_public(contribution=submitted, by=world.staff)


def test_an_information_request_is_answered_by_the_organisation_before_its_due_date(
    world, submitted, mailoutbox, django_capture_on_commit_callbacks
):
    due_on = datetime.date.today() + datetime.timedelta(days=10)
    with django_capture_on_commit_callbacks(execute=True):
        request = information_request_create(
            contribution=submitted, by=world.staff, question="Which region?", due_on=due_on
        )
    assert any(world.member1.email in mail.to for mail in mailoutbox)
    with pytest.raises(NotFound):
        information_request_answer(request=request, by=world.member2, answer="Not ours")
    late = datetime.datetime.combine(due_on + datetime.timedelta(days=1), datetime.time(9), tzinfo=PARIS)
    with pytest.raises(InvalidTransition, match="closed on its due date"):
        information_request_answer(request=request, by=world.member1, answer="Late", now=late)
    information_request_answer(request=request, by=world.member1, answer="<p>The North</p>")
    request.refresh_from_db()
    assert (request.answer, request.answered_by) == ("<p>The North</p>", world.member1)


def test_an_information_request_needs_a_future_due_date(world, submitted):
    with pytest.raises(InvalidContribution, match="future"):
        information_request_create(
            contribution=submitted, by=world.staff, question="?", due_on=datetime.date.today()
        )
    assert not InformationRequest.objects.exists()


def test_the_partys_digest_holds_public_acknowledged_comments_once_and_never_confidential_ones(
    world, mailoutbox, django_capture_on_commit_callbacks
):
    public = comment(world, items=[])
    secret = comment(world, visibility="confidential", organisation=world.ngo2, by=world.member2)
    contribution_item_save(contribution=secret, by=world.member2, number="1", text="CANARY-DIGEST-SECRET")
    contribution_item_save(contribution=public, by=world.member1, number="1", text="Public remark")
    for contribution, by in ((public, world.member1), (secret, world.member2)):
        contribution_submit(contribution=contribution, by=by, now=IN_WINDOW)
        contribution_acknowledge(contribution=contribution, by=world.staff)
    mailoutbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        assert party_comment_digest_send() == 1
    assert mailoutbox[0].to == [world.focal_a.email]
    body = mailoutbox[0].body + mailoutbox[0].alternatives[0][0]
    assert world.ngo1.name in body and "CANARY-DIGEST-SECRET" not in body and world.ngo2.name not in body
    assert party_comment_digest_send() == 0
    assert ContributionEvent.objects.filter(action="acknowledged").count() == 2


def test_an_abandoned_registration_frees_its_names_once_its_link_has_expired(db, settings):
    details = {
        "name": "Gamma Helpline",
        "email": "gamma@example.org",
        "username": "gamma",
        "member_email": "gamma@example.org",
        "password": "a-long-pass-phrase",
        "language": "en",
    }
    organisation_register(**details)
    with pytest.raises(RegistrationRefused, match="already registered"):
        organisation_register(**details)
    get_user_model().objects.filter(username="gamma").update(
        date_joined=datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)
    )
    organisation_register(**details)
    assert Organisation.objects.get().name == "Gamma Helpline"
    assert get_user_model().objects.get(username="gamma").date_joined.year > 2020


def test_an_unverified_organisation_cannot_be_named_co_signer(world):
    contribution = comment(world)
    world.ngo2.verified_at = None
    world.ngo2.save()
    with pytest.raises(InvalidContribution, match="not verified yet"):
        co_signer_add(contribution=contribution, by=world.member1, organisation=world.ngo2)
    assert not contribution.co_signatures.exists()


def test_asking_a_co_signer_again_mails_only_after_a_refusal(
    world, mailoutbox, django_capture_on_commit_callbacks
):
    contribution = comment(world)
    with django_capture_on_commit_callbacks(execute=True):
        co_signer_add(contribution=contribution, by=world.member1, organisation=world.ngo2)
        co_signer_add(contribution=contribution, by=world.member1, organisation=world.ngo2)
    assert len(mailoutbox) == 1
    signature = CoSignature.objects.get(contribution=contribution)
    co_signature_decide(co_signature=signature, by=world.member2, confirm=False)
    with django_capture_on_commit_callbacks(execute=True):
        co_signer_add(contribution=contribution, by=world.member1, organisation=world.ngo2)
    signature.refresh_from_db()
    assert (signature.state, signature.decided_by, len(mailoutbox)) == ("pending", None, 2)
