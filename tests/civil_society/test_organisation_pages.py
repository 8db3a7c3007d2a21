"""The organisations' pages: registering, the e-mailed activation link, the dashboard, invitations."""

import datetime
import re
from html import escape
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.timesince import timeuntil

from civil_society.models import (
    Contribution,
    CoSignature,
    InformationRequest,
    Invitation,
    Membership,
    Organisation,
)
from civil_society.services import member_invite
from civil_society.windows import comment_window
from rounds.models import Participation
from tests.factories import ContributionFactory, MembershipFactory

pytestmark = pytest.mark.django_db
User = get_user_model()
PARIS = ZoneInfo("Europe/Paris")
Visibility, State, Kind = Contribution.Visibility, Contribution.State, Contribution.Kind

REGISTRATION = {
    "name": "Gamma Children's Council",
    "acronym": "GCC",
    "country": "Malta",
    "website": "https://gamma.example.org",
    "email": "office@gamma.example.org",
    "description": "Children and young people speak for themselves.",
    "username": "gamma-lead",
    "member_email": "lead@gamma.example.org",
    "password": "a long and unusual passphrase",
    "password_confirmation": "a long and unusual passphrase",
}


def link_in(message, name: str) -> str:
    """The portal path of the link named `name` in the e-mail, found in its text and its HTML alike."""
    pattern = re.escape(settings.SITE_URL) + r'(/[^\s"<>]+?/' + name + r'/[^\s"<>]+)'
    paths = {
        re.search(pattern, message.body).group(1),
        re.search(pattern, message.alternatives[0][0]).group(1),
    }
    assert len(paths) == 1
    return paths.pop()


def register(client, capture, language="en", **changes):
    with capture(execute=True):
        return client.post(f"/{language}/accounts/register/", {**REGISTRATION, **changes}, follow=True)


def counts():
    return User.objects.count(), Organisation.objects.count(), Membership.objects.count()


# Registering


def test_registering_emails_a_link_that_activates_the_account_and_opens_the_dashboard(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    response = register(client, django_capture_on_commit_callbacks)

    page = response.content.decode()
    assert "Check your e-mail to activate your account" in page
    assert "lead@gamma.example.org" in page
    user = User.objects.get(username="gamma-lead")
    assert not user.is_active and user.email == "lead@gamma.example.org"
    organisation = Organisation.objects.get(name="Gamma Children's Council")
    assert (organisation.acronym, organisation.country, organisation.is_verified) == ("GCC", "Malta", False)
    assert user.ngo_membership.organisation == organisation
    assert "_auth_user_id" not in client.session  # no login before the address is confirmed

    [message] = mailoutbox
    assert message.to == ["lead@gamma.example.org"]
    assert "Activate your account" in message.subject
    assert "Gamma Children's Council" in message.body  # plain text is not HTML-escaped
    path = link_in(message, "verify")

    response = client.get(path)
    assert response.status_code == 302 and response.url == reverse("ngo-dashboard")
    user.refresh_from_db()
    assert user.is_active
    page = client.get(response.url).content.decode()
    assert "Your e-mail address is confirmed and your account is active." in page
    assert "Awaiting verification by the Secretariat" in page
    assert "You can prepare contributions but not submit them until then" in page
    assert "gamma-lead" in page  # the members list, and the user is logged in
    assert int(client.session["_auth_user_id"]) == user.pk


def test_the_register_page_is_public_and_a_form_in_two_fieldsets(client):
    page = client.get(reverse("organisation-register")).content.decode()
    assert page.count("<fieldset>") == 2
    for name in REGISTRATION:
        assert f'name="{name}"' in page
        assert f'for="id_{name}"' in page


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"name": "alpha child rights"}, "An organisation with this name is already registered."),
        ({"username": "member-1"}, "This user name is taken."),
        ({"password_confirmation": "another long passphrase"}, "The two passwords differ."),
        ({"password": "password", "password_confirmation": "password"}, "This password is too common."),
        ({"password": "gamma-lead1", "password_confirmation": "gamma-lead1"}, "too similar to the username"),
        ({"email": "not an address"}, "Enter a valid email address."),
    ],
    ids=[
        "organisation-taken",
        "user-name-taken",
        "passwords-differ",
        "common-password",
        "like-user-name",
        "email",
    ],
)
def test_a_refused_registration_says_why_and_creates_nothing(
    client, world, mailoutbox, django_capture_on_commit_callbacks, changes, message
):
    before = counts()
    response = register(client, django_capture_on_commit_callbacks, **changes)

    assert response.status_code == 400 and response.redirect_chain == []
    page = response.content.decode()
    assert message in page
    assert 'role="alert"' in page
    assert f'value="{escape({**REGISTRATION, **changes}["name"])}"' in page  # what was typed is kept
    assert 'name="password" autocomplete="new-password" required' in page  # but never a password
    assert counts() == before
    assert mailoutbox == []


def test_a_field_error_is_tied_to_its_input(client, django_capture_on_commit_callbacks):
    page = register(client, django_capture_on_commit_callbacks, password_confirmation="x").content.decode()
    assert 'aria-invalid="true"' in page
    assert 'aria-describedby="id_password_confirmation_helptext id_password_confirmation_error"' in page
    assert 'id="id_password_confirmation_error"' in page


def test_a_verification_link_works_once(client, mailoutbox, django_capture_on_commit_callbacks):
    register(client, django_capture_on_commit_callbacks)
    path = link_in(mailoutbox[0], "verify")
    assert client.get(path).status_code == 302
    client.logout()

    assert client.get(path).status_code == 404
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize("path", ["/en/accounts/verify/MQ/abc-123/", "/en/accounts/verify/%25%25/x/"])
def test_a_forged_verification_link_is_not_found(client, path):
    assert client.get(path).status_code == 404


def test_registering_in_french_sends_the_link_in_french(
    client, db, mailoutbox, django_capture_on_commit_callbacks
):
    response = register(client, django_capture_on_commit_callbacks, language="fr")
    assert '<html lang="fr">' in response.content.decode()
    assert link_in(mailoutbox[0], "verify").startswith("/fr/accounts/verify/")
    assert '<html lang="fr">' in mailoutbox[0].alternatives[0][0]


# Who may see the dashboard


def test_the_dashboard_sends_anonymous_visitors_to_log_in(client, world):
    response = client.get(reverse("ngo-dashboard"))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


@pytest.mark.parametrize("role", ["focal_a", "staff"])
def test_the_dashboard_is_not_found_for_who_speaks_for_no_organisation(client, world, role):
    client.force_login(getattr(world, role))
    assert client.get(reverse("ngo-dashboard")).status_code == 404
    assert client.get(reverse("member-invite")).status_code == 404


# The dashboard


@pytest.fixture
def member_client(client, world):
    client.force_login(world.member1)
    return client


def open_window_for_party_a(world, days: int = 10) -> datetime.datetime:
    """Party A's comment window, extended to close at the end of the day `days` days from today."""
    participation = Participation.objects.get(round=world.round, party=world.party_a)
    participation.comment_window_extended_to = timezone.localdate() + datetime.timedelta(days=days)
    participation.save()
    return comment_window(round=world.round, party=world.party_a).closes_at


def contribution(world, **fields):
    defaults = {
        "round": world.round,
        "organisation": world.ngo1,
        "created_by": world.member1,
        "parties": [world.party_a],
    }
    return ContributionFactory(**{**defaults, **fields})


def test_the_dashboard_shows_the_organisation_verified_with_members_and_pending_invitations(
    member_client, world
):
    colleague = MembershipFactory(organisation=world.ngo1, user__username="colleague").user
    member_invite(organisation=world.ngo1, email="new@alpha.example.org", by=world.member1, language="en")
    old = member_invite(
        organisation=world.ngo1, email="late@alpha.example.org", by=world.member1, language="en"
    )
    Invitation.objects.filter(pk=old.pk).update(created_at=timezone.now() - datetime.timedelta(days=15))

    page = member_client.get(reverse("ngo-dashboard")).content.decode()
    assert "Alpha Child Rights" in page and "Verified" in page
    assert "Awaiting verification" not in page
    assert "member-1" in page and colleague.username in page and "member-2" not in page
    assert "new@alpha.example.org" in page and "late@alpha.example.org" not in page
    assert f'href="{reverse("member-invite")}"' in page
    assert f'href="{reverse("contribution-new")}"' in page


def test_each_contribution_row_shows_its_visibility_and_a_drafts_window(member_client, world):
    closes_at = open_window_for_party_a(world, days=10)
    draft = contribution(world, title="Night helplines", visibility=Visibility.PUBLIC)
    submitted = contribution(
        world, title="Secret shelters", visibility=Visibility.CONFIDENTIAL, state=State.SUBMITTED
    )
    led_by_beta = contribution(
        world, title="Beta's coalition text", organisation=world.ngo2, visibility=Visibility.CONFIDENTIAL
    )
    CoSignature.objects.create(
        contribution=led_by_beta, organisation=world.ngo1, state=CoSignature.State.CONFIRMED
    )
    declined = contribution(world, title="Declined text", organisation=world.ngo2)
    CoSignature.objects.create(
        contribution=declined, organisation=world.ngo1, state=CoSignature.State.DECLINED
    )
    contribution(world, title="Beta alone", organisation=world.ngo2)

    page = member_client.get(reverse("ngo-dashboard")).content.decode()
    rows = re.findall(r"<tr>\s*<th scope=\"row\">.*?</tr>", page, flags=re.S)
    assert len(rows) == 3
    by_title = {re.search(r'">([^<]+)</a>', row).group(1): row for row in rows}
    assert set(by_title) == {"Night helplines", "Secret shelters", "Beta&#x27;s coalition text"}
    assert 'class="visibility visibility-public">Public<' in by_title["Night helplines"]
    assert 'class="visibility visibility-confidential">Confidential<' in by_title["Secret shelters"]
    assert 'visibility-confidential">Confidential<' in by_title["Beta&#x27;s coalition text"]
    assert "co-signed, led by Beta Youth Voice" in by_title["Beta&#x27;s coalition text"]
    for title, pk in [("Night helplines", draft.pk), ("Secret shelters", submitted.pk)]:
        assert f'href="{reverse("contribution-edit", args=[pk])}"' in by_title[title]

    draft_row = by_title["Night helplines"]
    assert date_format(closes_at.astimezone(PARIS), "DATETIME_FORMAT") in draft_row
    assert f'datetime="{closes_at.isoformat()}"' in draft_row
    assert f"{timeuntil(closes_at)} left" in draft_row
    last_day = timezone.localdate() + datetime.timedelta(days=10)
    assert f"Last day {date_format(last_day, 'DATE_FORMAT')}" in draft_row
    assert "closes" not in by_title["Secret shelters"]  # submitted: no window to watch


def test_a_draft_whose_window_has_closed_says_so(member_client, world):
    contribution(world, title="Too late")  # Party A's window closed at the end of 31 December 2025
    page = member_client.get(reverse("ngo-dashboard")).content.decode()
    assert "Last day 31 December 2025: closes" in page and "1 January 2026, 00:00" in page
    assert "closed: the draft is kept" in page


def test_the_dashboard_lists_co_signature_and_information_requests(member_client, world):
    asking = contribution(world, title="Join us", organisation=world.ngo2)
    CoSignature.objects.create(contribution=asking, organisation=world.ngo1)
    mine = contribution(world, title="Our report", state=State.SUBMITTED)
    request = InformationRequest.objects.create(
        contribution=mine,
        question="Which regions does the survey cover?",
        due_on=datetime.date(2027, 1, 15),
        requested_by=world.staff,
    )

    page = member_client.get(reverse("ngo-dashboard")).content.decode()
    assert "Beta Youth Voice asks your organisation to co-sign" in page
    assert f'href="{reverse("contribution-edit", args=[asking.pk])}"' in page
    assert f'href="{reverse("information-request", args=[request.pk])}"' in page
    assert "Which regions does the survey cover?" in page and "due by 15 January 2027" in page


def test_the_dashboard_queries_do_not_grow_with_the_contributions(
    member_client, world, django_assert_max_num_queries
):
    open_window_for_party_a(world)
    contribution(world)
    with django_assert_max_num_queries(30) as baseline:
        member_client.get(reverse("ngo-dashboard"))

    contribution(world, visibility=Visibility.CONFIDENTIAL, state=State.SUBMITTED)
    contribution(world, kind=Kind.QUESTIONNAIRE_REPLY, parties=[world.party_a, world.party_b])
    co_signed = contribution(world, organisation=world.ngo2)
    CoSignature.objects.create(
        contribution=co_signed, organisation=world.ngo1, state=CoSignature.State.CONFIRMED
    )
    asking = contribution(world, organisation=world.ngo2)
    CoSignature.objects.create(contribution=asking, organisation=world.ngo1)
    with django_assert_max_num_queries(len(baseline.captured_queries)):
        response = member_client.get(reverse("ngo-dashboard"))
    assert len(response.context["rows"]) == 5


def test_the_dashboard_renders_in_french(member_client, world):
    response = member_client.get("/fr/civil-society/")
    assert response.status_code == 200
    assert '<html lang="fr">' in response.content.decode()


# Invitations


def test_a_member_invites_a_colleague_who_accepts_and_joins_the_organisation(
    member_client, world, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = member_client.post(reverse("member-invite"), {"email": "colleague@alpha.example.org"})
    assert response.status_code == 302 and response.url == reverse("ngo-dashboard")
    [message] = mailoutbox
    assert message.to == ["colleague@alpha.example.org"]
    assert "Alpha Child Rights" in message.subject
    assert "member-1 invites you to join Alpha Child Rights" in message.body
    path = link_in(message, "invitations")
    member_client.logout()

    page = member_client.get(path).content.decode()
    assert "Join Alpha Child Rights" in page and "colleague@alpha.example.org" in page
    response = member_client.post(
        path,
        {
            "username": "alpha-colleague",
            "password": "another long passphrase",
            "password_confirmation": "another long passphrase",
        },
    )
    assert response.status_code == 302 and response.url == reverse("ngo-dashboard")
    colleague = User.objects.get(username="alpha-colleague")
    assert colleague.is_active and colleague.email == "colleague@alpha.example.org"
    assert colleague.ngo_membership.organisation == world.ngo1
    assert int(member_client.session["_auth_user_id"]) == colleague.pk
    assert member_client.get(path).status_code == 404  # used


def test_inviting_a_member_again_is_refused_and_sends_nothing(
    member_client, world, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = member_client.post(reverse("member-invite"), {"email": world.member1.email})
    assert response.status_code == 400
    assert f"{world.member1.email} is already a member." in response.content.decode()
    assert not Invitation.objects.exists() and mailoutbox == []


def test_the_invite_page_asks_anonymous_visitors_to_log_in(client, world):
    response = client.get(reverse("member-invite"))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


@pytest.fixture
def invitation(world):
    return member_invite(
        organisation=world.ngo1, email="new@alpha.example.org", by=world.member1, language="en"
    )


def accept(client, invitation, **changes):
    data = {
        "username": "newcomer",
        "password": "a fine passphrase",
        "password_confirmation": "a fine passphrase",
    }
    return client.post(reverse("invitation-accept", args=[invitation.token]), {**data, **changes})


@pytest.mark.parametrize(("age", "status"), [(13, 200), (15, 404)])
def test_an_invitation_expires_after_fourteen_days(client, invitation, age, status):
    Invitation.objects.filter(pk=invitation.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=age)
    )
    assert client.get(reverse("invitation-accept", args=[invitation.token])).status_code == status
    if status == 404:
        assert accept(client, invitation).status_code == 404
        assert not User.objects.filter(username="newcomer").exists()


def test_a_used_invitation_is_not_found(client, invitation):
    assert accept(client, invitation).status_code == 302
    client.logout()
    assert client.get(reverse("invitation-accept", args=[invitation.token])).status_code == 404
    assert accept(client, invitation, username="someone-else").status_code == 404
    assert not User.objects.filter(username="someone-else").exists()


def test_an_unknown_invitation_is_not_found(client, db):
    assert (
        client.get("/en/civil-society/invitations/8d5a37a4-3d4b-4b8e-9d55-6a3c1f3f5c11/").status_code == 404
    )


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"username": "member-2"}, "This user name is taken."),
        ({"password_confirmation": "something else"}, "The two passwords differ."),
        ({"password": "12345678", "password_confirmation": "12345678"}, "This password is entirely numeric."),
    ],
)
def test_a_refused_acceptance_says_why_and_leaves_the_invitation_open(client, invitation, changes, message):
    before = counts()
    response = accept(client, invitation, **changes)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert counts() == before
    invitation.refresh_from_db()
    assert invitation.accepted_at is None


# Navigation


def test_anonymous_visitors_are_offered_to_register_without_a_membership_query(client, world):
    with CaptureQueriesContext(connection) as queries:
        page = client.get(reverse("round-list")).content.decode()
    assert f'href="{reverse("organisation-register")}"' in page
    assert f'href="{reverse("ngo-dashboard")}"' not in page
    assert not [q for q in queries.captured_queries if "civil_society_membership" in q["sql"]]


@pytest.mark.parametrize(("role", "shown"), [("member1", True), ("focal_a", False), ("staff", False)])
def test_members_find_their_organisation_in_the_menu(client, world, role, shown):
    client.force_login(getattr(world, role))
    page = client.get(reverse("round-list")).content.decode()
    assert (f'href="{reverse("ngo-dashboard")}"' in page) is shown
    assert f'href="{reverse("organisation-register")}"' not in page
