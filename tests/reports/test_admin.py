"""The Secretariat records findings in the admin: saves go through the services (refusals shown on the
form, nothing written), only public evidence is offered, crossing the monitoring / capacity-building line
is a warning, and findings are adopted or withdrawn with the list's actions."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from reports.models import Finding
from reports.services import finding_adopt
from tests.auth import log_in_verified
from tests.factories import FindingFactory, PartyFactory

from .conftest import create

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:reports_finding_changelist")
ADD = reverse("admin:reports_finding_add")


@pytest.fixture
def admin_client(client, secretariat):
    log_in_verified(client, secretariat)
    return client


def form_data(world, **overrides) -> dict:
    data = {
        "round": world.round.pk,
        "kind": "recommendation",
        "grade": "considers",
        "theme": "",
        "position": 0,
        "title_en": "Criminalise coercion with self-generated images",
        "title_fr": "Incriminer la coercition au moyen d'images autoproduites",
        "text_en": "The Committee considers that Parties should criminalise it.",
        "text_fr": "Le Comité considère que les Parties devraient l'incriminer.",
        "figure_label_en": "Parties criminalising coercion",
        "figure_label_fr": "Parties incriminant la coercition",
        "parties": [world.party_a.pk, world.party_b.pk],
        "questions": [world.questions["1"].pk],
        "answers": [world.published_answer.pk],
        "contributions": [world.public_comment.pk],
        "_save": "Save",
    }
    data.update(overrides)
    return {name: value for name, value in data.items() if value is not None}


def shown(response) -> list[tuple[str, str]]:
    return [(message.level_tag, str(message)) for message in get_messages(response.wsgi_request)]


def test_the_list_the_add_page_and_the_change_page_open_for_the_secretariat(world, admin_client):
    finding = create(world)
    finding_adopt(finding=create(world, parties=[], applies_to_all=True), by=world.staff)

    assert admin_client.get(CHANGELIST).status_code == 200
    assert admin_client.get(ADD).status_code == 200
    page = admin_client.get(reverse("admin:reports_finding_change", args=[finding.pk]))
    assert page.status_code == 200
    assert "1 Parties: Parties defining CSAM in law" in page.content.decode()


def test_the_list_shows_counted_figures_and_all_in_a_constant_number_of_queries(
    world, admin_client, django_assert_max_num_queries
):
    create(world)
    # Session, user, second-factor device, permissions, then the list's count, total count and page:
    # figures are annotated.
    with django_assert_max_num_queries(9) as few:
        page = admin_client.get(CHANGELIST)
    assert "1 Parties defining CSAM in law" in page.content.decode()
    for index in range(15):
        party = PartyFactory()
        FindingFactory(
            round=world.round, parties=[party], applies_to_all=False, figure_label_en=f"Label {index}"
        )
        FindingFactory(round=world.round, kind="challenge", grade="", applies_to_all=True)

    with django_assert_max_num_queries(len(few.captured_queries)):
        page = admin_client.get(CHANGELIST)

    assert page.status_code == 200 and page.content.decode().count(">all<") == 15


def test_only_public_evidence_and_the_rounds_own_choices_are_offered(world, admin_client):
    fields = admin_client.get(ADD).context["adminform"].form.fields
    assert set(fields["answers"].queryset) == {world.published_answer, world.other_answer}
    assert set(fields["contributions"].queryset) == {world.public_comment, world.other_comment}

    finding = create(world)
    fields = (
        admin_client.get(reverse("admin:reports_finding_change", args=[finding.pk]))
        .context["adminform"]
        .form.fields
    )
    assert list(fields["answers"].queryset) == [world.published_answer]
    assert list(fields["contributions"].queryset) == [world.public_comment]
    assert set(fields["parties"].queryset) == {world.party_a, world.party_b}
    assert set(fields["questions"].queryset) == set(world.questions.values())


def test_adding_a_finding_goes_through_the_service(world, admin_client, secretariat):
    response = admin_client.post(ADD, form_data(world), follow=True)

    assert response.status_code == 200
    finding = Finding.objects.get()
    assert (finding.created_by, finding.state, finding.theme) == (secretariat, "draft", "prevention")
    assert set(finding.parties.all()) == {world.party_a, world.party_b}
    assert list(finding.answers.all()) == [world.published_answer]
    assert not [message for message in shown(response) if message[0] == "warning"]


def test_a_recommendation_on_a_capacity_building_question_is_saved_with_a_warning(world, admin_client):
    data = form_data(world, questions=[world.questions["1"].pk, world.questions["2"].pk])

    response = admin_client.post(ADD, data, follow=True)

    assert Finding.objects.count() == 1
    assert (
        "warning",
        "“Criminalise coercion with self-generated images” is a recommendation but rests on "
        "capacity-building question 2; capacity-building questions usually lead to promising practices.",
    ) in shown(response)


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"answers": "other_answer"}, "Cite answers given in this round only."),
        ({"parties": "stranger_party"}, "ZC is not monitored in this round."),
        ({"kind": "challenge"}, "Only a recommendation has a grade; leave it empty."),
        ({"grade": ""}, "A recommendation needs a grade"),
        ({"applies_to_all": "on"}, "A finding concerning all Parties lists none in particular"),
    ],
)
def test_a_refused_finding_is_shown_on_the_form_once_and_nothing_is_written(
    world, admin_client, overrides, message
):
    overrides = {
        name: [getattr(world, value).pk] if name in ("answers", "parties") else value
        for name, value in overrides.items()
    }
    response = admin_client.post(ADD, form_data(world, **overrides))

    assert response.status_code == 200  # the form again, with the error
    assert response.content.decode().count(message) == 1
    assert not Finding.objects.exists()


def test_a_draft_answer_cannot_even_be_posted_as_a_choice(world, admin_client):
    """The draft answer is not among the choices: refused by the form field before the service."""
    form = admin_client.post(ADD, form_data(world, answers=[world.draft_answer.pk])).context["adminform"].form
    assert "answers" in form.errors
    assert not Finding.objects.exists()


def test_changing_a_finding_goes_through_the_service_and_keeps_it_adopted(world, admin_client):
    finding = finding_adopt(finding=create(world), by=world.staff)
    url = reverse("admin:reports_finding_change", args=[finding.pk])

    response = admin_client.post(url, form_data(world, kind="challenge", grade="", round=None), follow=True)

    assert response.status_code == 200
    finding.refresh_from_db()
    assert (finding.kind, finding.grade, finding.state) == ("challenge", "", "adopted")
    assert finding.title_en == "Criminalise coercion with self-generated images"


def act(client, action: str, *findings):
    response = client.post(
        CHANGELIST, {"action": action, "_selected_action": [finding.pk for finding in findings]}, follow=True
    )
    assert response.status_code == 200
    return shown(response)


def test_the_secretariat_adopts_and_withdraws_findings_from_the_list(world, admin_client, secretariat):
    finding = create(world)

    assert ("success", "Define child sexual abuse material adopted.") in act(
        admin_client, "adopt_selected", finding
    )
    finding.refresh_from_db()
    assert finding.state == "adopted" and finding.adopted_by == secretariat and finding.adopted_at

    messages = act(admin_client, "adopt_selected", finding)
    assert ("error", "Define child sexual abuse material: This finding is already adopted.") in messages

    act(admin_client, "withdraw_selected", finding)
    finding.refresh_from_db()
    assert (finding.state, finding.adopted_at) == ("draft", None)


def test_an_adopted_finding_is_not_deleted(world, admin_client):
    finding = finding_adopt(finding=create(world), by=world.staff)
    response = admin_client.get(reverse("admin:reports_finding_delete", args=[finding.pk]))
    assert response.status_code == 403
    assert Finding.objects.exists()
