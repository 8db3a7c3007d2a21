"""Every create, change, state transition and deletion of the audited models records who, when, what and
why (core/audit.py): through the services, through pages and the admin, and from the system's sweeps."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from civil_society.models import Contribution, ContributionItem, CoSignature, Membership, Organisation
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
    organisation_register,
    organisation_verify,
)
from core.audit import recorded
from reports.models import Finding
from reports.services import finding_adopt, finding_create, finding_withdraw
from rounds.models import FocalPoint, Participation, Party
from rounds.services import participation_extend_deadline
from submissions.errors import EditConflict
from submissions.models import Answer, Attachment, Reply
from submissions.services import (
    answer_save,
    attachment_add,
    attachment_remove,
    reply_open,
    reply_publish,
    reply_register,
    reply_send_back,
    reply_submit,
)
from submissions.services.word_import import word_import_apply, word_import_read
from submissions.sweep import replies_sweep
from tests.factories import MembershipFactory, OrganisationFactory, PartyFactory, answers_complete
from tests.submissions.conftest import pdf_upload
from tests.submissions.test_word import as_upload, exported, write

from .conftest import changes

pytestmark = pytest.mark.django_db
User = get_user_model()


def rows(instance) -> list:
    """The instance's history, oldest first."""
    return list(type(instance).history.filter(id=instance.pk).order_by("history_date", "history_id"))


# --- State replies and answers ---------------------------------------------------------------------------


def test_a_replys_life_records_each_transition_with_its_actor_and_reason(world):
    participation = Participation.objects.get(round=world.round, party=world.party)
    world.reply.delete()  # the focal point opens the reply afresh
    before = timezone.now()

    reply = reply_open(participation=participation, by=world.focal)
    answers_complete(reply, by=world.focal)
    reply = reply_submit(reply=reply, by=world.focal)
    reply = reply_send_back(reply=reply, by=world.secretariat, message="Add question 2.")
    reply = reply_submit(reply=reply, by=world.colleague)
    reply = reply_register(reply=reply, by=world.secretariat)
    reply = reply_publish(reply=reply, by=world.secretariat)

    history = rows(reply)
    assert [(r.history_type, r.history_change_reason, r.history_user) for r in history] == [
        ("+", "reply_open", world.focal),
        ("~", "reply_submit", world.focal),
        ("~", "reply_send_back", world.secretariat),
        ("~", "reply_submit", world.colleague),
        ("~", "reply_register", world.secretariat),
        ("~", "reply_publish", world.secretariat),
    ]
    assert all(before <= r.history_date <= timezone.now() for r in history)
    assert changes(history[1])["state"] == ("draft", "submitted")
    assert changes(history[2])["state"] == ("submitted", "returned")
    assert changes(history[5])["state"] == ("registered", "published")
    assert changes(history[5])["published_on"] == (None, timezone.localdate())


def test_an_answer_records_its_writer_and_the_text_changed(world):
    question = world.questions["1"]
    answer = answer_save(reply=world.reply, question=question, by=world.focal, version=None, text="First")
    answer = answer_save(reply=world.reply, question=question, by=world.colleague, version=1, text="Second")

    created, changed = rows(answer)
    assert (created.history_type, created.history_user, created.text) == ("+", world.focal, "First")
    assert (changed.history_type, changed.history_user) == ("~", world.colleague)
    assert changed.history_change_reason == "answer_save"
    assert changes(changed) == {
        "text": ("First", "Second"),
        "version": (1, 2),
        "saved_by": (world.focal.pk, world.colleague.pk),
    }
    assert changed.updated_at > created.updated_at


def test_an_answer_conflict_records_nothing(world):
    question = world.questions["1"]
    answer_save(reply=world.reply, question=question, by=world.focal, version=None, text="First")
    answer_save(reply=world.reply, question=question, by=world.colleague, version=1, text="Second")

    with pytest.raises(EditConflict):
        answer_save(reply=world.reply, question=question, by=world.focal, version=1, text="Stale")

    assert Answer.objects.get().text == "Second"
    assert Answer.history.count() == 2


def test_an_answer_saved_in_the_editor_records_the_focal_point(client, world):
    client.force_login(world.focal)
    url = reverse("answer-save", args=[world.round.slug, world.party.code, "2"])

    response = client.post(url, {"text": "Typed in the editor", "version": ""}, HTTP_HX_REQUEST="true")

    assert response.status_code == 200
    (record,) = Answer.history.all()
    assert (record.history_user, record.history_change_reason, record.text) == (
        world.focal,
        "answer_save",
        "Typed in the editor",
    )


def test_answers_imported_from_word_are_recorded_as_the_import(world):
    answer_save(reply=world.reply, question=world.questions["1"], by=world.focal, version=None, text="Old")
    document = exported(world.reply)
    write(document, "1", "Rewritten in Word")
    write(document, "2", "Written in Word")
    word_import = word_import_read(reply=world.reply, by=world.colleague, upload=as_upload(document))

    word_import_apply(word_import=word_import, by=world.colleague)

    imported = Answer.history.filter(history_change_reason="word_import_apply")
    assert sorted(imported.values_list("text", "history_type")) == [
        ("Rewritten in Word", "~"),
        ("Written in Word", "+"),
    ]
    assert {record.history_user for record in imported} == {world.colleague}


def test_an_attachment_records_its_upload_and_its_removal(world):
    attachment = attachment_add(
        reply=world.reply, by=world.focal, upload=pdf_upload(), title="Law", language="en"
    )
    pk = attachment.pk
    attachment_remove(attachment=attachment, by=world.colleague)

    history = list(Attachment.history.filter(id=pk).order_by("history_id"))
    assert [(r.history_type, r.history_user, r.history_change_reason) for r in history] == [
        ("+", world.focal, "attachment_add"),
        ("-", world.colleague, "attachment_remove"),
    ]
    assert history[-1].title == "Law"  # what was deleted stays readable


def test_the_overdue_sweep_records_a_system_change_with_its_reason(world):
    after_deadline = datetime.datetime(2025, 12, 2, 0, 0, 1, tzinfo=datetime.UTC)

    assert replies_sweep(now=after_deadline)["overdue"] == 1
    assert replies_sweep(now=after_deadline)["overdue"] == 0  # a second sweep writes nothing more

    _created, marked = rows(world.reply)
    assert (marked.history_user, marked.history_change_reason) == (None, "deadline sweep")
    assert changes(marked) == {"overdue_at": (None, after_deadline)}


def test_an_extension_records_the_participations_new_deadline(world):
    participation = Participation.objects.get(round=world.round, party=world.party)

    with recorded(by=world.secretariat, reason="extension granted by letter"):
        participation_extend_deadline(participation=participation, until=datetime.date(2025, 12, 15))

    last = participation.history.latest()
    assert (last.history_user, last.history_change_reason) == (
        world.secretariat,
        "extension granted by letter",
    )
    assert changes(last)["deadline_extended_to"] == (None, datetime.date(2025, 12, 15))


# --- Civil society ---------------------------------------------------------------------------------------


def questionnaire_reply(world, **overrides) -> Contribution:
    world.round.civil_society_deadline = datetime.date(2099, 12, 31)
    world.round.save()
    return contribution_create(
        organisation=world.organisation,
        by=world.member,
        round=world.round,
        kind=Contribution.Kind.QUESTIONNAIRE_REPLY,
        parties=[world.party],
        visibility=Contribution.Visibility.PUBLIC,
        language="en",
        items=[("1", "<p>Our observation.</p>")],
        **overrides,
    )


def test_a_contributions_transitions_are_recorded(world):
    contribution = questionnaire_reply(world)
    contribution_submit(contribution=contribution, by=world.member)
    contribution_acknowledge(contribution=contribution, by=world.secretariat)
    contribution_make_confidential(contribution=contribution, by=world.secretariat)
    contribution_publicity_consent(contribution=contribution, by=world.member)
    contribution_make_public(contribution=contribution, by=world.secretariat)

    history = rows(contribution)
    assert [(r.history_change_reason, r.history_user) for r in history] == [
        ("contribution_create", world.member),
        ("contribution_create", world.member),  # its Parties, linked once it exists
        ("contribution_submit", world.member),
        ("contribution_acknowledge", world.secretariat),
        ("contribution_make_confidential", world.secretariat),
        ("contribution_make_public", world.secretariat),
    ]
    assert [link.party for link in history[0].parties.all()] == []
    assert [link.party for link in history[1].parties.all()] == [world.party]
    assert changes(history[4])["visibility"] == ("public", "confidential")
    assert changes(history[5])["visibility"] == ("confidential", "public")


def test_an_items_creation_change_and_removal_are_recorded(world):
    contribution = questionnaire_reply(world)
    item = contribution.items.get()

    contribution_item_save(contribution=contribution, by=world.member, number="1", text="<p>Changed.</p>")
    contribution_item_save(contribution=contribution, by=world.member, number="1", text="")

    history = list(ContributionItem.history.filter(id=item.pk).order_by("history_id"))
    assert [(r.history_type, r.history_user) for r in history] == [
        ("+", world.member),
        ("~", world.member),
        ("-", world.member),
    ]
    assert history[0].history_change_reason == "contribution_create"
    assert changes(history[1])["text"] == ("<p>Our observation.</p>", "<p>Changed.</p>")


def test_a_co_signature_is_recorded_from_request_to_decision_and_removal(world):
    contribution = questionnaire_reply(world)
    co_signer = MembershipFactory(user__username="co-signer")
    co_signature = co_signer_add(
        contribution=contribution, by=world.member, organisation=co_signer.organisation
    )
    co_signature_decide(co_signature=co_signature, by=co_signer.user, confirm=False)
    co_signer_remove(contribution=contribution, by=world.member, organisation=co_signer.organisation)

    history = list(CoSignature.history.filter(id=co_signature.pk).order_by("history_id"))
    assert [(r.history_type, r.history_user, r.history_change_reason) for r in history] == [
        ("+", world.member, "co_signer_add"),
        ("~", co_signer.user, "co_signature_decide"),
        ("-", world.member, "co_signer_remove"),
    ]
    assert changes(history[1])["state"] == ("pending", "declined")


def test_an_organisation_its_member_and_their_verification_are_recorded(world):
    membership = organisation_register(
        name="Gamma Child Helpline",
        email="office@gamma.example.org",
        username="gamma-lead",
        member_email="lead@gamma.example.org",
        password="a-long-pass-phrase-1",
        language="en",
    )
    organisation_verify(organisation=membership.organisation, by=world.secretariat)

    created, verified = rows(membership.organisation)
    assert (created.history_change_reason, created.history_user) == ("organisation_register", None)
    assert (verified.history_change_reason, verified.history_user) == (
        "organisation_verify",
        world.secretariat,
    )
    assert changes(verified)["verified_by"] == (None, world.secretariat.pk)
    assert Membership.history.get(id=membership.pk).history_change_reason == "organisation_register"
    assert User.history.get(id=membership.user_id).history_type == "+"


# --- Findings --------------------------------------------------------------------------------------------


def test_a_finding_records_both_languages_and_its_adoption(world):
    finding = finding_create(
        round=world.round,
        kind=Finding.Kind.RECOMMENDATION,
        grade=Finding.Grade.URGES,
        title_en="Define the offence",
        title_fr="Définir l'infraction",
        text_en="The Committee urges the Parties to define it.",
        text_fr="Le Comité exhorte les Parties à la définir.",
        theme="",
        questions=[world.questions["1"]],
        parties=[world.party],
        applies_to_all=False,
        by=world.secretariat,
    )
    finding_adopt(finding=finding, by=world.secretariat)
    finding_withdraw(finding=finding, by=world.secretariat)

    created, with_questions, with_parties, adopted, withdrawn = rows(finding)
    assert [link.question for link in with_questions.questions.all()] == [world.questions["1"]]
    assert list(with_questions.parties.all()) == []  # each set of links recorded as it is made
    assert [link.question for link in with_parties.questions.all()] == [world.questions["1"]]
    assert [link.party for link in with_parties.parties.all()] == [world.party]
    assert [link.party for link in created.parties.all()] == []
    assert (created.title_en, created.title_fr) == ("Define the offence", "Définir l'infraction")
    assert (created.text_en, created.text_fr) == (
        "The Committee urges the Parties to define it.",
        "Le Comité exhorte les Parties à la définir.",
    )
    assert [r.history_change_reason for r in (created, adopted, withdrawn)] == [
        "finding_create",
        "finding_adopt",
        "finding_withdraw",
    ]
    assert {r.history_user for r in (created, adopted, withdrawn)} == {world.secretariat}
    assert changes(adopted)["state"] == ("draft", "adopted")
    assert changes(withdrawn)["state"] == ("adopted", "draft")


# --- Parties, focal points and users, through the admin --------------------------------------------------


def party_form(party: Party | None = None, **fields) -> dict:
    data = {
        "code": party.code if party else "XZ",
        "name_en": party.name_en if party else "Xanadu",
        "name_fr": party.name_fr if party else "Xanadu",
        "statements-TOTAL_FORMS": "0",
        "statements-INITIAL_FORMS": "0",
        "focal_points-TOTAL_FORMS": "0",
        "focal_points-INITIAL_FORMS": "0",
        "committee_members-TOTAL_FORMS": "0",
        "committee_members-INITIAL_FORMS": "0",
    }
    return {**data, **fields}


def test_a_party_created_changed_and_deleted_in_the_admin_records_the_secretariat(
    secretariat_client, world, django_user_model
):
    add = secretariat_client.post(reverse("admin:rounds_party_add"), party_form())
    assert add.status_code == 302, add.content.decode()[:2000]
    party = Party.objects.get(code="XZ")
    change = secretariat_client.post(
        reverse("admin:rounds_party_change", args=[party.pk]), party_form(party, name_fr="Xanadou")
    )
    assert change.status_code == 302
    delete = secretariat_client.post(reverse("admin:rounds_party_delete", args=[party.pk]), {"post": "yes"})
    assert delete.status_code == 302

    history = list(Party.history.filter(id=party.pk).order_by("history_id"))
    assert [(r.history_type, r.history_user) for r in history] == [
        ("+", world.secretariat),
        ("~", world.secretariat),
        ("-", world.secretariat),
    ]
    assert changes(history[1]) == {"name_fr": ("Xanadu", "Xanadou")}


def test_a_deletion_in_the_admins_list_records_the_secretariat_through_the_request(secretariat_client, world):
    focal_point = FocalPoint.objects.get(user=world.colleague)

    response = secretariat_client.post(
        reverse("admin:rounds_focalpoint_changelist"),
        {"action": "delete_selected", "_selected_action": [focal_point.pk], "post": "yes"},
    )

    assert response.status_code == 302
    deleted = FocalPoint.history.filter(id=focal_point.pk).latest()
    assert (deleted.history_type, deleted.history_user) == ("-", world.secretariat)


def test_rights_given_to_a_user_are_recorded_with_who_gave_them(secretariat_client, world):
    user = User.objects.create_user(username="newcomer", email="new@example.org")
    group = world.secretariat.groups.get()
    with recorded(by=world.secretariat, reason="joined the Secretariat"):
        user.groups.add(group)

    last = User.history.filter(id=user.pk).latest()
    assert (last.history_user, last.history_change_reason) == (world.secretariat, "joined the Secretariat")
    assert [link.group for link in last.groups.all()] == [group]
    assert list(User.history.filter(id=user.pk).earliest().groups.all()) == []


def test_a_users_history_keeps_no_password_and_no_log_in(client, world):
    user = User.objects.create_user(username="newcomer", email="new@example.org", password="first-pass-1")
    fields = {field.name for field in User.history.model._meta.fields}
    assert "password" not in fields and "last_login" not in fields

    # Logging in saves last_login only.
    client.post(reverse("login"), {"username": "newcomer", "password": "first-pass-1"})
    assert User.history.filter(id=user.pk).count() == 1

    user.email = "newcomer@example.org"
    user.set_password("second-pass-2")
    with recorded(by=world.secretariat, reason="address corrected"):
        user.save()

    last = User.history.filter(id=user.pk).latest()
    assert (last.history_user, last.history_change_reason) == (world.secretariat, "address corrected")
    assert changes(last) == {"email": ("new@example.org", "newcomer@example.org")}
    assert not hasattr(last, "password")


def test_parties_and_organisations_made_outside_any_service_or_request_record_nobody(db):
    party = PartyFactory()
    organisation = OrganisationFactory()

    assert party.history.get().history_user is None
    assert organisation.history.get().history_user is None
    assert Organisation.history.get().history_change_reason is None
    assert Reply.history.count() == 0
