"""The Secretariat's admin for the evaluation: its pages open for the Secretariat's staff (not superusers),
every save goes through a service, refusals are shown with nothing saved, and a report is adopted at a
meeting through an intermediate page."""

import datetime

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.messages import get_messages
from django.urls import reverse

from demo.services import SECRETARIAT_APPS, SECRETARIAT_GROUP
from evaluation import services
from evaluation.models import AgendaItem, Chapter, Meeting, Observation, Rapporteur, Report, Statement
from outbox.models import OutboundEmail
from reports.models import Finding
from rounds.models import CommitteeMember
from tests.auth import log_in_verified
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, world):
    """The world's staff user with the Secretariat's permissions, as the demo seeds them."""
    group = Group.objects.create(name=SECRETARIAT_GROUP)
    group.permissions.set(Permission.objects.filter(content_type__app_label__in=SECRETARIAT_APPS))
    world.staff.groups.add(group)
    log_in_verified(client, world.staff)
    return client


def shown(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def url(name: str, *args) -> str:
    return reverse(f"admin:evaluation_{name}", args=args)


def observation(world, **kwargs) -> Observation:
    return services.observation_create(
        round=world.round,
        questions=[world.q1],
        title="Observations on Question 1",
        by=world.rapporteur,
        rapporteur=world.rapporteur_member,
        **kwargs,
    )


def meeting(world, number: int = 48) -> Meeting:
    return services.meeting_create(
        number=number,
        place="Strasbourg",
        starts_on=datetime.date(2026, 3, 3),
        ends_on=datetime.date(2026, 3, 5),
        by=world.staff,
    )


def draft_report(world) -> Report:
    report = services.report_create(
        round=world.round, title_en="Implementation report", title_fr="Rapport", by=world.staff
    )
    chapter = services.chapter_create(
        report=report, number="I", title_en="Legal frameworks", title_fr="Cadres juridiques", by=world.staff
    )
    services.statement_add(
        chapter=chapter,
        kind="recommendation",
        grade="urges",
        title_en="Define the material",
        title_fr="Définir le matériel",
        text_en="The Committee urges Party A to define it.",
        text_fr="Le Comité exhorte la Partie A à le définir.",
        parties=[world.party_a],
        questions=[world.q1],
        answers=[world.answer_a1],
        by=world.staff,
    )
    return report


def test_every_page_of_the_evaluation_admin_opens_for_the_secretariat(world, admin_client):
    observed = observation(world)
    services.observation_comment(observation=observed, text="Agreed.", by=world.member)
    services.citation_add(
        observation=observed, by=world.rapporteur, passage="a named shelter", item=world.confidential_item
    )
    held = meeting(world)
    services.agenda_item_add(
        meeting=held, kind="observation", title="Question 1", observation=observed, by=world.staff
    )
    report = draft_report(world)
    statement = Statement.objects.get()

    for name in ("rapporteur", "observation", "meeting", "report", "statement"):
        assert admin_client.get(url(f"{name}_changelist")).status_code == 200, name
    for name in ("rapporteur", "meeting", "report", "statement"):
        assert admin_client.get(url(f"{name}_add")).status_code == 200, name
    page = admin_client.get(url("observation_change", observed.pk))
    assert page.status_code == 200
    assert "Confidential: never published" in page.content.decode()
    assert "Agreed." in page.content.decode()
    assert admin_client.get(url("meeting_change", held.pk)).status_code == 200
    assert "Legal frameworks" in admin_client.get(url("report_change", report.pk)).content.decode()
    assert "R-1" in admin_client.get(url("statement_change", statement.pk)).content.decode()
    rapporteur = Rapporteur.objects.get()
    assert admin_client.get(url("rapporteur_change", rapporteur.pk)).status_code == 200


def test_appointing_a_rapporteur_where_there_is_one_replaces_them(world, admin_client):
    response = admin_client.post(
        url("rapporteur_add"),
        {"round": world.round.pk, "question": world.q1.pk, "member": world.other_member.pk, "_save": "Save"},
    )

    assert response.status_code == 302, response.content.decode()[:3000]
    rapporteur = Rapporteur.objects.get(round=world.round)
    assert rapporteur.member == world.other_member
    assert rapporteur.history.latest().history_change_reason == "rapporteur_appoint"


def test_a_question_of_another_round_is_refused_beside_it(world, admin_client):
    from tests.factories import QuestionFactory, QuestionnaireFactory, RoundFactory

    stranger = QuestionFactory(questionnaire=QuestionnaireFactory(round=RoundFactory()), number="9")

    response = admin_client.post(
        url("rapporteur_add"),
        {"round": world.round.pk, "question": stranger.pk, "member": world.other_member.pk, "_save": "Save"},
    )

    assert response.status_code == 200
    assert "is not part of this round" in response.content.decode()
    assert Rapporteur.objects.count() == 1


def meeting_form(**fields) -> dict:
    return {
        "items-TOTAL_FORMS": "0",
        "items-INITIAL_FORMS": "0",
        "_save": "Save",
        **fields,
    }


def test_a_meeting_is_recorded_with_its_agenda_and_decisions_through_the_services(world, admin_client):
    observed = observation(world)

    added = admin_client.post(
        url("meeting_add"),
        meeting_form(
            number="48",
            place="Strasbourg",
            starts_on="2026-03-03",
            ends_on="2026-03-05",
            **{
                "items-TOTAL_FORMS": "1",
                "items-0-kind": "observation",
                "items-0-title": "Observations on Question 1",
                "items-0-observation": observed.pk,
                "items-0-document_ref": "T-ES(2026)07",
            },
        ),
    )

    assert added.status_code == 302, added.content.decode()[:3000]
    held = Meeting.objects.get(number=48)
    item = held.items.get()
    assert item.document_ref == "T-ES(2026)07"
    observed.refresh_from_db()
    assert observed.state == Observation.State.TABLED  # put on the agenda
    assert item.history.earliest().history_change_reason == "agenda_item_add"

    decided = admin_client.post(
        url("meeting_change", held.pk),
        meeting_form(
            **{
                "items-TOTAL_FORMS": "1",
                "items-INITIAL_FORMS": "1",
                "items-0-id": item.pk,
                "items-0-meeting": held.pk,
                "items-0-decision": "The Committee took note of the observations.",
            }
        ),
    )

    assert decided.status_code == 302, decided.content.decode()[:3000]
    item.refresh_from_db()
    assert item.decision == "The Committee took note of the observations." and item.decided_at
    observed.refresh_from_db()
    assert observed.state == Observation.State.EXAMINED


def test_an_item_that_names_nothing_to_examine_is_refused_with_nothing_saved(world, admin_client):
    response = admin_client.post(
        url("meeting_add"),
        meeting_form(
            number="48",
            place="Strasbourg",
            starts_on="2026-03-03",
            ends_on="2026-03-05",
            **{"items-TOTAL_FORMS": "1", "items-0-kind": "observation", "items-0-title": "Question 1"},
        ),
    )

    assert response.status_code == 200
    assert "name what it examines" in response.content.decode()
    assert not Meeting.objects.exists() and not AgendaItem.objects.exists()


def test_the_papers_are_sent_from_the_list_once_until_the_agenda_changes(world, admin_client):
    held = meeting(world)
    services.agenda_item_add(meeting=held, kind="decision", title="Calendar", by=world.staff)
    action = {"action": "send_papers", "_selected_action": [held.pk]}

    first = admin_client.post(url("meeting_changelist"), action, follow=True)
    second = admin_client.post(url("meeting_changelist"), action, follow=True)

    assert "Meeting 48: the papers were sent to 3 people." in shown(first)
    assert "Meeting 48: nothing sent, the agenda has not changed since the papers were sent." in shown(second)
    assert OutboundEmail.objects.count() == 3


def test_a_report_is_begun_and_its_chapters_written_through_the_services(world, admin_client):
    added = admin_client.post(
        url("report_add"),
        {
            "round": world.round.pk,
            "title_en": "Implementation report",
            "title_fr": "Rapport de mise en œuvre",
            "document_ref": "T-ES(2026)22",
            "chapters-TOTAL_FORMS": "1",
            "chapters-INITIAL_FORMS": "0",
            "chapters-0-number": "I",
            "chapters-0-position": "0",
            "chapters-0-title_en": "Legal frameworks",
            "chapters-0-title_fr": "Cadres juridiques",
            "chapters-0-body_en": "<p>Most Parties define it.</p>",
            "chapters-0-body_fr": "",
            "chapters-0-version": "0",
            "_save": "Save",
        },
    )

    assert added.status_code == 302, added.content.decode()[:3000]
    report = Report.objects.get()
    chapter = report.chapters.get()
    assert (report.document_ref, chapter.number, chapter.body_en, chapter.version) == (
        "T-ES(2026)22",
        "I",
        "<p>Most Parties define it.</p>",
        1,
    )
    assert chapter.history.earliest().history_change_reason == "chapter_create"

    def save(version: int, body: str):
        return admin_client.post(
            url("report_change", report.pk),
            {
                "chapters-TOTAL_FORMS": "1",
                "chapters-INITIAL_FORMS": "1",
                "chapters-0-id": chapter.pk,
                "chapters-0-report": report.pk,
                "chapters-0-title_en": "Legal frameworks",
                "chapters-0-title_fr": "Cadres juridiques",
                "chapters-0-body_en": body,
                "chapters-0-body_fr": "",
                "chapters-0-version": str(version),
                "_save": "Save",
            },
        )

    assert save(1, "<p>Most Parties define it in law.</p>").status_code == 302
    stale = save(1, "<p>An older text.</p>")
    assert stale.status_code == 200
    assert "Someone saved chapter I since you opened this page" in stale.content.decode()
    chapter.refresh_from_db()
    assert (chapter.body_en, chapter.version) == ("<p>Most Parties define it in law.</p>", 2)


def test_a_statement_is_added_through_the_service_and_numbered(world, admin_client):
    report = draft_report(world)

    response = admin_client.post(
        url("statement_add"),
        {
            "chapter": report.chapters.get().pk,
            "kind": "challenge",
            "grade": "",
            "theme": "",
            "title_en": "Few shelters",
            "title_fr": "Peu de refuges",
            "text_en": "Few shelters take children in.",
            "text_fr": "Peu de refuges accueillent des enfants.",
            "parties": [world.party_a.pk],
            "questions": [world.q1.pk],
            "_save": "Save",
        },
    )

    assert response.status_code == 302, response.content.decode()[:3000]
    assert Statement.objects.get(kind="challenge").reference == "C-1"


def test_a_statement_quoting_a_confidential_contribution_is_refused(world, admin_client):
    services.citation_add(
        observation=observation(world),
        by=world.rapporteur,
        passage="a named shelter turns children away",
        item=world.confidential_item,
    )
    report = draft_report(world)

    response = admin_client.post(
        url("statement_add"),
        {
            "chapter": report.chapters.get().pk,
            "kind": "challenge",
            "title_en": "Shelters",
            "title_fr": "Refuges",
            "text_en": "We heard that a named shelter turns children away.",
            "text_fr": "Refuges.",
            "parties": [world.party_a.pk],
            "_save": "Save",
        },
    )

    assert response.status_code == 200
    assert "quotes a confidential contribution" in response.content.decode()
    assert Statement.objects.count() == 1


def test_adopting_a_report_asks_for_the_meeting_then_adopts_it_with_its_findings(world, admin_client):
    report = draft_report(world)
    held = meeting(world)
    chosen = {"action": "adopt_at_meeting", "_selected_action": [report.pk]}

    asked = admin_client.post(url("report_changelist"), chosen)
    assert asked.status_code == 200
    assert "Adopt at a meeting" in asked.content.decode() and 'name="meeting"' in asked.content.decode()
    report.refresh_from_db()
    assert report.state == Report.State.DRAFT

    outside = admin_client.post(
        url("report_changelist"), {**chosen, "apply": "1", "meeting": held.pk, "adopted_on": "2026-04-01"}
    )
    assert outside.status_code == 200
    assert "choose a day from its first to its last" in outside.content.decode()
    report.refresh_from_db()
    assert report.state == Report.State.DRAFT and not Finding.objects.exists()

    adopted = admin_client.post(
        url("report_changelist"),
        {**chosen, "apply": "1", "meeting": held.pk, "adopted_on": "2026-03-04"},
        follow=True,
    )

    assert "Implementation report adopted." in shown(adopted)
    report.refresh_from_db()
    assert (report.state, report.adopted_at_meeting, report.adopted_on) == (
        Report.State.ADOPTED,
        held,
        datetime.date(2026, 3, 4),
    )
    statement = Statement.objects.get()
    assert statement.finding.state == Finding.State.ADOPTED
    assert statement.finding.answers.get() == world.answer_a1
    # The adopted report's chapters are read-only now.
    page = admin_client.get(url("report_change", report.pk)).content.decode()
    assert 'name="chapters-0-body_en"' not in page


def test_marking_observations_examined_reports_each_one(world, admin_client):
    tabled = observation(world)
    services.observation_table(observation=tabled, by=world.rapporteur)
    draft = services.observation_create(
        round=world.round, questions=[world.q2], title="Observations on Question 2", by=world.staff
    )

    response = admin_client.post(
        url("observation_changelist"),
        {"action": "mark_examined", "_selected_action": [tabled.pk, draft.pk]},
        follow=True,
    )

    messages = shown(response)
    assert "Observations on Question 1 examined." in messages
    assert any(message.startswith("Observations on Question 2: ") for message in messages)
    tabled.refresh_from_db()
    draft.refresh_from_db()
    assert (tabled.state, draft.state) == (Observation.State.EXAMINED, Observation.State.DRAFT)


# --- Committee members, on their Party's page ------------------------------------------------------------


def party_form(party, **fields) -> dict:
    return {
        "code": party.code,
        "name_en": party.name_en,
        "name_fr": party.name_fr,
        "statements-TOTAL_FORMS": "0",
        "statements-INITIAL_FORMS": "0",
        "focal_points-TOTAL_FORMS": "0",
        "focal_points-INITIAL_FORMS": "0",
        "committee_members-TOTAL_FORMS": "0",
        "committee_members-INITIAL_FORMS": "0",
        "_save": "Save",
        **fields,
    }


def test_a_party_s_committee_member_is_seated_through_the_service(world, admin_client):
    newcomer = UserFactory(username="member-new")
    page = reverse("admin:rounds_party_change", args=[world.party_a.pk])
    before = CommitteeMember.objects.filter(party=world.party_a).count()

    response = admin_client.post(
        page,
        party_form(
            world.party_a,
            **{
                "committee_members-TOTAL_FORMS": str(before + 1),
                "committee_members-INITIAL_FORMS": str(before),
                "committee_members-0-id": world.rapporteur_member.pk,
                "committee_members-0-party": world.party_a.pk,
                f"committee_members-{before}-user": newcomer.pk,
            },
        ),
    )

    assert response.status_code == 302, response.content.decode()[:3000]
    seat = CommitteeMember.objects.get(user=newcomer)
    assert seat.party == world.party_a
    assert seat.history.latest().history_change_reason == "committee_member_appoint"


def test_a_focal_point_is_refused_a_seat_with_the_reason_and_nothing_saved(world, admin_client):
    page = reverse("admin:rounds_party_change", args=[world.party_a.pk])

    response = admin_client.post(
        page,
        party_form(
            world.party_a,
            name_fr="Nouveau nom",
            **{
                "committee_members-TOTAL_FORMS": "2",
                "committee_members-INITIAL_FORMS": "1",
                "committee_members-0-id": world.rapporteur_member.pk,
                "committee_members-0-party": world.party_a.pk,
                "committee_members-1-user": world.focal.pk,
            },
        ),
    )

    assert response.status_code == 200
    assert "focal-a is a focal point; a focal point cannot also sit on the Committee." in (
        response.content.decode()
    )
    assert not CommitteeMember.objects.filter(user=world.focal).exists()
    world.party_a.refresh_from_db()
    assert world.party_a.name_fr != "Nouveau nom"


def test_chapters_are_listed_in_their_report(world, admin_client):
    report = draft_report(world)
    services.chapter_create(
        report=report, number="II", title_en="Jurisdiction", title_fr="Compétence", by=world.staff
    )
    page = admin_client.get(url("report_change", report.pk)).content.decode()
    assert "Jurisdiction" in page
    assert Chapter.objects.filter(report=report).count() == 2
