"""The Secretariat's admin for civil society: verifying organisations and moderating contributions, each
through the services, and each refusal shown without anything changing."""

import datetime

import pytest
from django.contrib import admin as django_admin
from django.contrib.admin import ModelAdmin
from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from civil_society.models import Contribution, ContributionEvent, CoSignature, InformationRequest
from civil_society.services import contribution_publicity_consent
from demo.services import SECRETARIAT_APPS, SECRETARIAT_GROUP
from tests.auth import log_in_verified
from tests.factories import ContributionFactory, ContributionItemFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db

ORGANISATIONS = reverse("admin:civil_society_organisation_changelist")
CONTRIBUTIONS = reverse("admin:civil_society_contribution_changelist")


@pytest.fixture
def secretariat(world):
    """The world's staff user with the Secretariat's permissions, as the demo seeds them (not a superuser)."""
    group = Group.objects.create(name=SECRETARIAT_GROUP)
    group.permissions.set(Permission.objects.filter(content_type__app_label__in=SECRETARIAT_APPS))
    world.staff.groups.add(group)
    return world.staff


@pytest.fixture
def admin_client(client, secretariat):
    log_in_verified(client, secretariat)
    return client


def contribution(world, *, state="submitted", visibility="public", **fields):
    submitted_at = timezone.now() if state != "draft" else None
    created = ContributionFactory(
        round=world.round,
        organisation=fields.pop("organisation", world.ngo1),
        created_by=world.member1,
        state=state,
        visibility=visibility,
        submitted_at=submitted_at,
        acknowledged_at=timezone.now() if state == "acknowledged" else None,
        parties=[world.party_a],
        **fields,
    )
    ContributionItemFactory(contribution=created, question=world.questions["6"], text="<p>On Q6.</p>")
    return created


def act(client, action: str, *objects, url=CONTRIBUTIONS, query=""):
    """Run an admin action on `objects` from the list at `url?query`; returns the messages then shown."""
    response = client.post(
        f"{url}{query}", {"action": action, "_selected_action": [obj.pk for obj in objects]}, follow=True
    )
    assert response.redirect_chain and response.status_code == 200, response.content
    return [str(message) for message in response.context["messages"]]


def snapshot(contribution: Contribution) -> tuple:
    contribution.refresh_from_db()
    return (
        contribution.state,
        contribution.visibility,
        contribution.acknowledged_at,
        contribution.events.count(),
        contribution.information_requests.count(),
    )


# Organisations


def test_the_secretariat_verifies_organisations(admin_client, world, secretariat):
    waiting = OrganisationFactory(name="Delta Advocacy", verified_at=None)

    shown = act(admin_client, "verify_selected", waiting, url=ORGANISATIONS)

    waiting.refresh_from_db()
    assert waiting.is_verified and waiting.verified_by == secretariat
    assert shown == ["Delta Advocacy verified."]


def test_the_organisation_list_shows_members_and_filters_on_verification(admin_client, world):
    OrganisationFactory(name="Delta Advocacy", verified_at=None)

    response = admin_client.get(ORGANISATIONS, {"verified": "no"})

    assert response.status_code == 200
    assert [org.name for org in response.context["cl"].result_list] == ["Delta Advocacy"]
    listed = {org.name: org.member_count for org in admin_client.get(ORGANISATIONS).context["cl"].result_list}
    assert listed == {"Alpha Child Rights": 1, "Beta Youth Voice": 1, "Delta Advocacy": 0}


def test_an_organisations_page_lists_members_and_invitations_read_only(admin_client, world):
    world.ngo1.invitations.create(email="new@ngo.example.org", invited_by=world.member1)

    response = admin_client.get(reverse("admin:civil_society_organisation_change", args=[world.ngo1.pk]))

    assert response.status_code == 200
    page = response.content.decode()
    assert "member-1" in page and "new@ngo.example.org" in page
    assert 'name="verified_at"' not in page  # set by the action only
    assert 'name="invitations-0-email"' not in page


# The moderation queue


def test_the_queue_opens_on_submitted_contributions(admin_client, world):
    submitted = contribution(world)
    contribution(world, state="draft")
    contribution(world, state="acknowledged")

    queue = admin_client.get(CONTRIBUTIONS)
    everything = admin_client.get(CONTRIBUTIONS, {"state": "all"})
    drafts = admin_client.get(CONTRIBUTIONS, {"state": "draft"})

    assert [c.pk for c in queue.context["cl"].result_list] == [submitted.pk]
    assert everything.context["cl"].result_count == 3
    assert [c.state for c in drafts.context["cl"].result_list] == ["draft"]


def test_the_list_shows_visibility_parties_and_items_and_searches_organisations(admin_client, world):
    confidential = contribution(world, visibility="confidential")
    contribution(world, organisation=world.ngo2)

    response = admin_client.get(CONTRIBUTIONS, {"q": "alpha"})

    assert [c.pk for c in response.context["cl"].result_list] == [confidential.pk]
    page = response.content.decode()
    assert "<strong>confidential</strong>" in page
    assert world.party_a.code in page


def test_the_secretariat_acknowledges_submitted_contributions(admin_client, world, secretariat):
    submitted = contribution(world)

    shown = act(admin_client, "acknowledge_selected", submitted)

    submitted.refresh_from_db()
    assert submitted.state == "acknowledged" and submitted.acknowledged_at is not None
    assert list(submitted.events.values_list("action", "by")) == [("acknowledged", secretariat.pk)]
    assert shown == [f"{submitted} acknowledged."]


def test_each_refused_object_is_reported_and_left_unchanged(admin_client, world):
    draft = contribution(world, state="draft", title="Still a draft")
    submitted = contribution(world, title="Ready")
    before = snapshot(draft)

    shown = act(admin_client, "acknowledge_selected", draft, submitted, query="?state=all")

    assert sorted(shown) == sorted(
        ["Still a draft: Only a submitted contribution can be acknowledged.", "Ready acknowledged."]
    )
    assert snapshot(draft) == before
    submitted.refresh_from_db()
    assert submitted.state == "acknowledged"


def test_the_secretariat_makes_a_contribution_confidential(admin_client, world):
    public = contribution(world, state="acknowledged")

    shown = act(admin_client, "make_confidential_selected", public, query="?state=acknowledged")

    public.refresh_from_db()
    assert public.visibility == "confidential"
    assert public.events.filter(action=ContributionEvent.Action.MADE_CONFIDENTIAL).exists()
    assert shown == [f"{public} is now confidential."]


def test_making_public_needs_the_organisations_recorded_consent(admin_client, world):
    confidential = contribution(world, visibility="confidential", title="Sensitive")
    before = snapshot(confidential)

    refused = act(admin_client, "make_public_selected", confidential)

    assert refused == [
        "Sensitive: A confidential contribution becomes public only with the organisation's recorded consent."
    ]
    assert snapshot(confidential) == before

    contribution_publicity_consent(contribution=confidential, by=world.member1)
    accepted = act(admin_client, "make_public_selected", confidential)

    confidential.refresh_from_db()
    assert confidential.visibility == "public"
    assert accepted == ["Sensitive is now public."]
    assert list(confidential.events.values_list("action", flat=True)) == [
        "publicity_consented",
        "made_public",
    ]


# A contribution's page, read-only


def change_url(contribution: Contribution) -> str:
    return reverse("admin:civil_society_contribution_change", args=[contribution.pk])


def test_a_contributions_page_shows_its_content_read_only_and_sanitised(admin_client, world):
    # Stored raw on purpose (as an import that bypassed the service might): the page cleans it again.
    shown = contribution(world, general_text='<p>Our findings.</p><script>alert("x")</script>')
    CoSignature.objects.create(contribution=shown, organisation=world.ngo2, state="confirmed")
    ContributionEvent.objects.create(contribution=shown, action="submitted", by=world.member1)

    response = admin_client.get(change_url(shown))

    assert response.status_code == 200
    page = response.content.decode()
    assert "<p>Our findings.</p>" in page and "<script>alert" not in page
    assert "<p>On Q6.</p>" in page and "Beta Youth Voice" in page and "member-1" in page
    assert 'name="_save"' not in page and 'name="general_text"' not in page
    assert "Request additional information" in page


def test_the_secretariat_cannot_edit_add_or_delete_contributions(admin_client, world):
    shown = contribution(world, title="Original title")
    before = snapshot(shown)

    edit = admin_client.post(change_url(shown), {"title": "Edited", "general_text": "<p>Edited</p>"})
    add = admin_client.get(reverse("admin:civil_society_contribution_add"))
    delete = admin_client.get(reverse("admin:civil_society_contribution_delete", args=[shown.pk]))

    assert (edit.status_code, add.status_code, delete.status_code) == (403, 403, 403)
    shown.refresh_from_db()
    assert shown.title == "Original title" and snapshot(shown) == before


def test_the_original_word_document_is_downloaded_from_the_admin(admin_client, world, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    with_document = contribution(world, document_name="Our comment.docx")
    with_document.document.save("comment.docx", ContentFile(b"PK docx bytes"))

    response = admin_client.get(reverse("admin:civil_society_contribution_document", args=[with_document.pk]))

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"PK docx bytes"
    assert 'filename="Our comment.docx"' in response["Content-Disposition"]


# Requests for additional information


def request_url(contribution: Contribution) -> str:
    return reverse("admin:civil_society_contribution_request_information", args=[contribution.pk])


def test_the_secretariat_requests_additional_information_through_the_service(
    admin_client, world, secretariat, django_capture_on_commit_callbacks
):
    submitted = contribution(world)
    due_on = timezone.localdate() + datetime.timedelta(days=14)
    assert admin_client.get(request_url(submitted)).status_code == 200

    with django_capture_on_commit_callbacks() as callbacks:
        response = admin_client.post(
            request_url(submitted), {"question": "Which regions lack a helpline?", "due_on": due_on}
        )

    assert response.status_code == 302 and response.url == change_url(submitted)
    request = InformationRequest.objects.get()
    assert (request.contribution, request.question, request.due_on, request.requested_by) == (
        submitted,
        "Which regions lack a helpline?",
        due_on,
        secretariat,
    )
    assert len(callbacks) == 1  # the organisation's members are e-mailed once the request is saved
    assert "Which regions lack a helpline?" in admin_client.get(change_url(submitted)).content.decode()


@pytest.mark.parametrize(
    ("state", "days", "error"),
    [
        ("submitted", 0, "The due date must be in the future."),
        ("draft", 14, "Additional information is requested on submitted contributions only."),
    ],
)
def test_a_refused_request_is_shown_on_the_form_and_nothing_is_created(
    admin_client, world, state, days, error, django_capture_on_commit_callbacks
):
    target = contribution(world, state=state)
    due_on = timezone.localdate() + datetime.timedelta(days=days)

    with django_capture_on_commit_callbacks() as callbacks:
        response = admin_client.post(request_url(target), {"question": "More?", "due_on": due_on})

    assert response.status_code == 200
    assert error in response.content.decode()
    assert not InformationRequest.objects.exists() and callbacks == []


# The buttons on a contribution's page


def acknowledge_url(contribution: Contribution) -> str:
    return reverse("admin:civil_society_contribution_acknowledge", args=[contribution.pk])


def confidential_url(contribution: Contribution) -> str:
    return reverse("admin:civil_society_contribution_make_confidential", args=[contribution.pk])


@pytest.mark.parametrize(
    ("state", "visibility", "buttons"),
    [
        ("submitted", "public", {"acknowledge", "confidential", "request"}),
        ("acknowledged", "public", {"confidential", "request"}),
        ("acknowledged", "confidential", {"request"}),
        ("draft", "confidential", set()),
    ],
)
def test_a_contributions_page_shows_the_buttons_its_state_allows(
    admin_client, world, state, visibility, buttons
):
    shown = contribution(world, state=state, visibility=visibility)
    urls = {"acknowledge": acknowledge_url, "confidential": confidential_url, "request": request_url}

    page = admin_client.get(change_url(shown)).content.decode()

    assert {name for name, url in urls.items() if f'href="{url(shown)}"' in page} == buttons


def test_acknowledging_from_the_page_asks_for_confirmation_then_uses_the_service(
    admin_client, world, secretariat
):
    submitted = contribution(world)

    confirmation = admin_client.get(acknowledge_url(submitted))
    assert 'value="Acknowledge the contribution"' in confirmation.content.decode()
    assert snapshot(submitted)[0] == "submitted"
    response = admin_client.post(acknowledge_url(submitted), follow=True)

    assert response.redirect_chain[0][0] == change_url(submitted)
    assert [str(message) for message in response.context["messages"]] == [f"{submitted} acknowledged."]
    submitted.refresh_from_db()
    assert submitted.state == "acknowledged" and submitted.acknowledged_at is not None
    assert list(submitted.events.values_list("action", "by")) == [("acknowledged", secretariat.pk)]


def test_making_confidential_from_the_page_keeps_the_note_in_the_audit_trail(admin_client, world):
    public = contribution(world, state="acknowledged")

    response = admin_client.post(confidential_url(public), {"note": "Names a child."})

    assert response.status_code == 302 and response.url == change_url(public)
    public.refresh_from_db()
    assert public.visibility == "confidential"
    assert list(public.events.values_list("action", "note")) == [("made_confidential", "Names a child.")]


def test_a_refused_acknowledgement_is_shown_on_its_screen_and_changes_nothing(admin_client, world):
    acknowledged = contribution(world, state="acknowledged")
    before = snapshot(acknowledged)

    response = admin_client.post(acknowledge_url(acknowledged))

    assert response.status_code == 200
    assert "Only a submitted contribution can be acknowledged." in response.content.decode()
    assert snapshot(acknowledged) == before


# Who may enter


@pytest.mark.parametrize("who", ["anonymous", "member1", "focal_a"])
def test_only_staff_reach_the_civil_society_admin(client, world, who):
    target = contribution(world)
    if who != "anonymous":
        client.force_login(getattr(world, who))

    screens = (request_url(target), acknowledge_url(target), confidential_url(target))
    for url in (CONTRIBUTIONS, ORGANISATIONS, change_url(target), *screens):
        response = client.get(url)
        assert response.status_code == 302 and "/admin/login/" in response.url, url
    before = snapshot(target)
    for url in screens:
        response = client.post(url, {"question": "More?", "due_on": "2099-01-01"})
        assert response.status_code == 302
    assert snapshot(target) == before


def test_staff_without_the_secretariats_permissions_see_nothing(client, world):
    log_in_verified(client, UserFactory(username="intern", is_staff=True))
    target = contribution(world)

    assert client.get(CONTRIBUTIONS).status_code == 403
    before = snapshot(target)
    for url in (request_url(target), acknowledge_url(target), confidential_url(target)):
        response = client.post(url, {"question": "More?", "due_on": "2099-01-01"})
        assert response.status_code == 302
    assert snapshot(target) == before


def test_the_contribution_list_queries_do_not_grow_with_the_contributions(
    admin_client, world, django_assert_max_num_queries
):
    contribution(world)
    with django_assert_max_num_queries(10) as few:
        admin_client.get(CONTRIBUTIONS)
    for number in range(15):
        many = contribution(world, visibility="confidential" if number % 2 else "public")
        many.parties.add(world.party_b)
        ContributionItemFactory(contribution=many, question=world.questions["1"])

    with django_assert_max_num_queries(len(few.captured_queries)):
        response = admin_client.get(CONTRIBUTIONS)

    assert response.context["cl"].result_count == 16


def test_the_queue_writes_each_rows_checkbox_as_the_admin_widget_does(admin_client, world):
    row = contribution(world, title='Q&A <on> "grooming"')
    model_admin = django_admin.site._registry[Contribution]

    assert model_admin.action_checkbox(row) == ModelAdmin.action_checkbox(model_admin, row)
    assert 'aria-label="Select this object for an action - Q&amp;A &lt;on&gt; &quot;grooming&quot;"' in (
        admin_client.get(CONTRIBUTIONS).content.decode()
    )


def test_the_queue_leaves_the_long_texts_in_the_database(admin_client, world, django_assert_max_num_queries):
    contribution(world, general_text="<p>GENERAL-PART-CANARY</p>")

    with django_assert_max_num_queries(10) as listed:
        admin_client.get(CONTRIBUTIONS)

    assert not any("general_text" in query["sql"] for query in listed.captured_queries)
