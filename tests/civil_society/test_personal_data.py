"""A member's personal data on request: the export holds their data across the tables and nothing of
another member's; the erasure leaves no trace of them anywhere in the database while their organisation
keeps its work; staff and focal points are refused with nothing changed; the command, the admin's tools and
the member's own page do the same."""

import datetime
import json
from zoneinfo import ZoneInfo

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.management import CommandError, call_command
from django.db import connection
from django.urls import reverse
from rest_framework.authtoken.models import Token

from civil_society.errors import PersonalDataRefused
from civil_society.models import (
    Contribution,
    ContributionEvent,
    CoSignature,
    InformationRequest,
    Invitation,
    Membership,
    Subscription,
)
from civil_society.personal_data import (
    personal_data_erase,
    personal_data_erasure_request,
    personal_data_export,
)
from civil_society.services import (
    co_signature_decide,
    co_signer_add,
    contribution_acknowledge,
    contribution_create,
    contribution_submit,
    information_request_answer,
    information_request_create,
    invitation_accept,
    member_invite,
    subscription_follow,
)
from outbox.models import OutboundEmail
from tests.auth import log_in_verified
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

User = get_user_model()
IN_WINDOW = datetime.datetime(2025, 12, 31, 12, 0, tzinfo=ZoneInfo("Europe/Paris"))
USERNAME = "zephyr-canary"
EMAIL = "zephyrine.canary@ngo.example.org"
# Fragments of the person's user name, e-mail address and name ("Zéphyrine Canarybird"), searched for in
# every column of every table, in any letter case and escaping.
CANARIES = ("zephyr", "canarybird", "phyrine")


def rows_naming_the_person() -> set[str]:
    """`table` for each table holding a canary in any text it stores (the whole database, read raw)."""
    found = set()
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
            for row in cursor.fetchall():
                text = " ".join(str(value) for value in row if isinstance(value, str | dict | list)).lower()
                if any(canary in text for canary in CANARIES):
                    found.add(table)
    return found


@pytest.fixture
def canary(world, client):
    """A member of NGO 1 who did everything a member does, and is named wherever the portal names people."""
    ngo1 = world.ngo1
    invitation = member_invite(organisation=ngo1, email=EMAIL, by=world.member1, language="en")
    user = invitation_accept(token=str(invitation.token), username=USERNAME, password="pass-word-123").user
    user.first_name, user.last_name = "Zéphyrine", "Canarybird"
    user.save()
    ngo1.email = EMAIL  # the organisation gave the member's address as its contact
    ngo1.save()
    member_invite(organisation=ngo1, email="new.colleague@example.org", by=user, language="en")
    subscription_follow(user=user, round=world.round, language="fr")

    contribution = contribution_create(
        organisation=ngo1,
        by=user,
        round=world.round,
        kind=Contribution.Kind.COMMENT,
        parties=[world.party_a],
        visibility=Contribution.Visibility.PUBLIC,
        language="en",
        items=[("6", "<p>Helplines close at night.</p>")],
    )
    contribution = contribution_submit(contribution=contribution, by=user, now=IN_WINDOW)
    contribution = contribution_acknowledge(contribution=contribution, by=world.staff)
    request = information_request_create(
        contribution=contribution,
        by=world.staff,
        question="Which regions?",
        due_on=datetime.date.today() + datetime.timedelta(days=10),
    )
    information_request_answer(request=request, by=user, answer="<p>The North.</p>")

    led_by_ngo2 = contribution_create(
        organisation=world.ngo2,
        by=world.member2,
        round=world.round,
        kind=Contribution.Kind.COMMENT,
        parties=[world.party_a],
        visibility=Contribution.Visibility.PUBLIC,
        language="en",
        items=[("1", "<p>Beta's own comment.</p>")],
    )
    signature = co_signer_add(contribution=led_by_ngo2, by=world.member2, organisation=ngo1)
    co_signature_decide(co_signature=signature, by=user, confirm=True)

    personal_data_erasure_request(user=user)  # e-mails the Secretariat, naming the person
    LogEntry.objects.create(
        user=world.staff,
        content_type=ContentType.objects.get_for_model(User),
        object_id=str(user.pk),
        object_repr=str(user),
        action_flag=CHANGE,
        change_message=json.dumps([{"changed": {"name": "user", "object": "Zéphyrine Canarybird"}}]),
    )
    Token.objects.create(user=user)
    client.post(reverse("login"), {"username": USERNAME, "password": "a wrong guess"})  # logged, if throttled
    client.force_login(user)  # an open session
    user.refresh_from_db()
    return user


# Export


def test_the_export_holds_the_members_data_across_the_tables(world, canary):
    data = personal_data_export(user=canary)

    assert data["account"] | {"date_joined": None, "last_login": None} == {
        "id": canary.pk,
        "username": USERNAME,
        "first_name": "Zéphyrine",
        "last_name": "Canarybird",
        "email": EMAIL,
        "is_active": True,
        "date_joined": None,
        "last_login": None,
    }
    assert data["organisation"]["name"] == world.ngo1.name
    assert [i["email"] for i in data["invitations_received"]] == [EMAIL]
    assert [i["email"] for i in data["invitations_sent"]] == ["new.colleague@example.org"]
    [subscription] = data["subscriptions"]
    assert (subscription["round"], subscription["party"], subscription["language"]) == (
        world.round.slug,
        None,
        "fr",
    )
    [contribution] = data["contributions"]
    assert contribution["created_by_you"] and contribution["organisation"] == world.ngo1.name
    assert contribution["items"] == [{"question": "6", "text": "<p>Helplines close at night.</p>"}]
    assert [d["state"] for d in data["co_signature_decisions"]] == ["confirmed"]
    assert [r["answer"] for r in data["information_requests_answered"]] == ["<p>The North.</p>"]
    assert [e["action"] for e in data["contribution_events"]] == ["submitted"]
    assert len(data["emails_received"]) >= 2  # the invitation, the receipt of the submission
    assert data["account_history"][-1]["last_name"] == "Canarybird"
    assert {"civil_society.contribution", "civil_society.cosignature"} <= {
        row["record"] for row in data["audit_trail"]
    }
    assert data["api_token_created_at"] is not None


def test_the_export_holds_nothing_of_another_member(world, canary):
    Subscription.objects.create(user=world.member2, party=world.party_b, language="en")
    Subscription.objects.create(user=world.member1, party=world.party_b, language="en")
    text = json.dumps(personal_data_export(user=canary), default=str)

    assert world.member2.username not in text and world.member2.email not in text
    assert world.member1.email not in text
    assert world.party_b.code not in text  # the others' subscriptions
    assert "Beta's own comment" not in text  # a contribution the person only co-signed


def test_the_export_is_one_utf8_json_document_with_stable_keys(world, canary, tmp_path):
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    call_command("personal_data", "export", USERNAME, "--output", str(first))
    call_command("personal_data", "export", USERNAME, "--output", str(second))

    raw = first.read_bytes()
    assert "Zéphyrine".encode() in raw  # UTF-8, not \u escapes
    document, again = json.loads(raw), json.loads(second.read_bytes())
    assert (
        list(document)
        == list(again)
        == [
            "format",
            "exported_at",
            "account",
            "organisation",
            "invitations_received",
            "invitations_sent",
            "subscriptions",
            "contributions",
            "co_signature_decisions",
            "information_requests_answered",
            "contribution_events",
            "emails_received",
            "account_history",
            "audit_trail",
            "api_token_created_at",
        ]
    )


# Erasure


def test_the_erasure_leaves_no_trace_of_the_person_in_any_table(world, canary):
    before = rows_naming_the_person()
    assert {
        "auth_user",
        "rounds_historicaluser",
        "outbox_outboundemail",
        "civil_society_invitation",
        "civil_society_organisation",
        "civil_society_historicalorganisation",
        "django_admin_log",
    } <= before

    erased = personal_data_erase(user=canary, by=world.staff)

    assert rows_naming_the_person() == set()
    assert erased.username == f"erased-{canary.pk}"
    assert (erased.first_name, erased.last_name, erased.email) == ("", "", "")
    assert not erased.is_active and not erased.has_usable_password()
    assert not Membership.objects.filter(user=erased).exists()
    assert not Subscription.objects.filter(user=erased).exists()
    assert not Token.objects.filter(user=erased).exists()
    assert not Invitation.objects.filter(email=EMAIL).exists()
    world.ngo1.refresh_from_db()
    assert world.ngo1.email == world.member1.email  # another member's address, as contact


def test_the_erasure_keeps_the_organisations_work_and_records_who_erased(world, canary):
    events = ContributionEvent.objects.filter(by=canary).count()
    personal_data_erase(user=canary, by=world.staff)

    contribution = Contribution.objects.get(created_by=canary)
    assert contribution.organisation == world.ngo1 and contribution.items.count() == 1
    assert CoSignature.objects.get(decided_by=canary).state == CoSignature.State.CONFIRMED
    assert InformationRequest.objects.get(answered_by=canary).answer == "<p>The North.</p>"
    assert ContributionEvent.objects.filter(by=canary).count() == events
    # The invitation the person sent a colleague stays, shown as the organisation's (see the pages' test).
    assert Invitation.objects.filter(invited_by=canary, email="new.colleague@example.org").exists()
    record = User.history.filter(id=canary.pk).latest("history_date", "history_id")
    assert (record.history_user, record.history_change_reason) == (world.staff, "personal_data_erase")
    assert record.username == f"erased-{canary.pk}" and record.email == ""


def test_pages_show_the_organisation_never_the_erased_account(world, canary, client):
    personal_data_erase(user=canary, by=world.staff)

    public = client.get(reverse("party-reply", args=[world.round.slug, world.party_a.code]))
    assert public.status_code == 200
    assert world.ngo1.name in public.content.decode() and "erased-" not in public.content.decode()
    client.force_login(world.member1)
    dashboard = client.get(reverse("ngo-dashboard")).content.decode()
    assert f"invited by {world.ngo1.name}" in dashboard and "erased-" not in dashboard
    client.force_login(world.staff)
    contribution = Contribution.objects.get(created_by=canary)
    editor = client.get(reverse("contribution-edit", args=[contribution.pk])).content.decode()
    assert "Submitted" in editor and "erased-" not in editor


def test_the_person_can_no_longer_log_in_and_their_sessions_are_ended(world, canary, client):
    client.force_login(canary)
    assert client.get(reverse("personal-data")).status_code == 200
    personal_data_erase(user=canary, by=world.staff)

    assert client.get(reverse("personal-data")).status_code == 302  # sent to log in
    assert not User.objects.get(pk=canary.pk).check_password("pass-word-123")


def _snapshot(user):
    user.refresh_from_db()
    return (
        user.username,
        user.email,
        user.is_active,
        user.password,
        User.history.filter(id=user.pk).count(),
        Subscription.objects.filter(user=user).count(),
        OutboundEmail.objects.count(),
    )


@pytest.mark.parametrize(
    ("role", "message"),
    [
        ("staff", "secretariat-cs is a member of the Secretariat's staff, not of an organisation"),
        ("focal_a", "focal-a is the focal point of"),
    ],
)
def test_staff_and_focal_points_are_refused_and_nothing_changes(world, role, message):
    user = getattr(world, role)
    Subscription.objects.create(user=user, round=world.round, language="en")
    before = _snapshot(user)

    with pytest.raises(PersonalDataRefused, match=message):
        personal_data_erase(user=user, by=world.staff)
    with pytest.raises(PersonalDataRefused, match=message):
        personal_data_export(user=user)

    assert _snapshot(user) == before


def test_an_erased_account_is_not_erased_twice(world, canary):
    erased = personal_data_erase(user=canary, by=world.staff)
    before = _snapshot(erased)
    with pytest.raises(PersonalDataRefused, match="already been erased"):
        personal_data_erase(user=erased, by=world.staff)
    assert _snapshot(erased) == before


# The command


def test_the_command_erases_with_yes_and_records_the_staff_member(world, canary, capsys):
    call_command("personal_data", "erase", USERNAME, "--yes", "--by", world.staff.username)

    out = capsys.readouterr().out
    assert "Subscriptions" in out and f"the account is now erased-{canary.pk}" in out
    assert User.history.filter(id=canary.pk).latest("history_date", "history_id").history_user == world.staff
    assert rows_naming_the_person() == set()


def test_the_command_asks_first_and_erases_nothing_when_told_no(world, canary, monkeypatch):
    monkeypatch.setattr("builtins.input", lambda prompt: "n")
    before = _snapshot(canary)
    with pytest.raises(CommandError, match="Nothing erased"):
        call_command("personal_data", "erase", USERNAME)
    assert _snapshot(canary) == before


def test_the_command_refuses_a_focal_point_with_the_message(world):
    before = _snapshot(world.focal_a)
    with pytest.raises(CommandError, match="focal-a is the focal point of"):
        call_command("personal_data", "erase", "focal-a", "--yes")
    with pytest.raises(CommandError, match="No user has the user name"):
        call_command("personal_data", "export", "nobody-at-all")
    assert _snapshot(world.focal_a) == before


# The member's own page


def test_a_member_downloads_their_own_data_only(world, client):
    client.force_login(world.member1)
    page = client.get(reverse("personal-data"))
    assert page.status_code == 200 and reverse("personal-data-export") in page.content.decode()
    assert reverse("personal-data") in client.get(reverse("ngo-dashboard")).content.decode()

    response = client.get(reverse("personal-data-export"))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    document = json.loads(response.content)
    assert document["account"]["username"] == world.member1.username
    assert world.member2.username not in response.content.decode()


@pytest.mark.parametrize(("role", "status"), [("focal_a", 404), ("staff", 404), ("anonymous", 302)])
def test_others_find_no_personal_data_page(world, client, role, status):
    if role != "anonymous":
        client.force_login(getattr(world, role))
    for name in ("personal-data", "personal-data-export"):
        response = client.get(reverse(name))
        assert response.status_code == status
        if status == 302:
            assert reverse("login") in response["Location"]


def test_asking_for_erasure_e_mails_the_secretariat_once_a_day(world, client):
    client.force_login(world.member1)
    for _ in range(2):
        response = client.post(reverse("personal-data-erasure-request"), follow=True)
        assert "The Secretariat has been asked to erase your personal data" in response.content.decode()

    [email] = OutboundEmail.objects.filter(key__startswith="personal-data-erasure-request:")
    assert email.to == [world.staff.email]
    assert world.member1.username in email.subject
    assert reverse("admin:auth_user_change", args=[world.member1.pk]) in email.body
    assert Membership.objects.filter(user=world.member1).exists()  # asking erases nothing


# The Secretariat's admin


@pytest.fixture
def admin_client(client, world):
    from django.contrib.auth.models import Group, Permission

    from demo.services import SECRETARIAT_APPS, SECRETARIAT_GROUP

    group = Group.objects.create(name=SECRETARIAT_GROUP)
    group.permissions.set(Permission.objects.filter(content_type__app_label__in=SECRETARIAT_APPS))
    world.staff.groups.add(group)
    log_in_verified(client, world.staff)
    return client


def test_the_admin_offers_the_tools_for_members_only(world, canary, admin_client):
    member_page = admin_client.get(reverse("admin:auth_user_change", args=[canary.pk])).content.decode()
    focal_page = admin_client.get(reverse("admin:auth_user_change", args=[world.focal_a.pk])).content.decode()

    assert "Export personal data" in member_page and "Erase personal data" in member_page
    assert "Export personal data" not in focal_page and "Erase personal data" not in focal_page


def test_the_admin_exports_then_erases_after_confirmation(world, canary, admin_client):
    export = admin_client.get(reverse("admin:auth_user_personal_data_export", args=[canary.pk]))
    assert export.status_code == 200 and json.loads(export.content)["account"]["email"] == EMAIL

    url = reverse("admin:auth_user_personal_data_erase", args=[canary.pk])
    confirmation = admin_client.get(url).content.decode()
    assert "Subscriptions" in confirmation
    assert "Contributions created, shown as the organisation" in confirmation
    assert User.objects.get(pk=canary.pk).username == USERNAME  # showing the page erased nothing

    response = admin_client.post(url, follow=True)

    assert f"The account is now erased-{canary.pk}" in response.content.decode()
    assert rows_naming_the_person() == set()


def test_the_admin_refuses_a_focal_point_with_the_message_and_nothing_changes(world, admin_client):
    before = _snapshot(world.focal_a)
    url = reverse("admin:auth_user_personal_data_erase", args=[world.focal_a.pk])

    response = admin_client.post(url, follow=True)

    assert "Focal-a is the focal point of" in response.content.decode()  # the admin capitalises messages
    assert _snapshot(world.focal_a) == before


def test_the_admin_tools_are_for_staff_only(world, canary, client):
    client.force_login(world.member1)
    for name in ("admin:auth_user_personal_data_export", "admin:auth_user_personal_data_erase"):
        response = client.get(reverse(name, args=[canary.pk]))
        assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert User.objects.get(pk=canary.pk).username == USERNAME


def test_a_staff_member_without_the_right_to_change_users_cannot_erase(world, canary, client):
    log_in_verified(client, UserFactory(username="reader", is_staff=True))
    url = reverse("admin:auth_user_personal_data_erase", args=[canary.pk])
    assert client.post(url).status_code in (302, 403)
    assert User.objects.get(pk=canary.pk).username == USERNAME
