"""A meeting's papers, e-mailed through the outbox to the Committee's members and the Secretariat: the agenda
with its documents and links, in each reader's language; nothing again until the agenda changes."""

import datetime

import pytest
from django.conf import settings

from evaluation import services
from evaluation.errors import InvalidEvaluation, NotFound, NotPermitted
from evaluation.models import AgendaItem, Meeting
from outbox.models import OutboundEmail
from submissions.models import Reply

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(world) -> Meeting:
    meeting = services.meeting_create(
        number=48,
        place="Strasbourg",
        starts_on=datetime.date(2026, 3, 3),
        ends_on=datetime.date(2026, 3, 5),
        by=world.staff,
    )
    observation = services.observation_create(
        round=world.round,
        questions=[world.q1],
        title="Observations on Question 1",
        by=world.rapporteur,
        rapporteur=world.rapporteur_member,
    )
    services.agenda_item_add(
        meeting=meeting,
        kind=AgendaItem.Kind.OBSERVATION,
        title="Exchange of views on the observations on Question 1",
        observation=observation,
        document_ref="T-ES(2026)07",
        by=world.staff,
    )
    services.agenda_item_add(
        meeting=meeting, kind=AgendaItem.Kind.DECISION, title="Calendar of the round", by=world.staff
    )
    return meeting


def mail_to(address: str) -> OutboundEmail:
    (email,) = OutboundEmail.objects.filter(to=[address])
    return email


def test_the_papers_go_to_each_member_and_the_staff_with_the_agenda_and_links(world, meeting):
    # Party B replied in French: its member reads the papers in French.
    Reply.objects.filter(party=world.party_b).update(language="fr")

    queued = services.meeting_papers_send(meeting=meeting, by=world.staff)

    addresses = {world.rapporteur.email, world.member.email, world.staff.email}
    assert queued == 3
    assert {address for email in OutboundEmail.objects.all() for address in email.to} == addresses
    english = mail_to(world.rapporteur.email)
    assert english.language == "en"
    assert "Meeting 48 (Strasbourg)" in english.subject
    for text in (english.body, english.html):
        assert "Exchange of views on the observations on Question 1" in text
        assert "T-ES(2026)07" in text
        assert "Calendar of the round" in text
        assert f"{settings.SITE_URL}/en/evaluation/meetings/48/" in text
        assert f"{settings.SITE_URL}/en/rounds/{world.round.slug}/evaluation/observations/" in text
    french = mail_to(world.member.email)
    assert french.language == "fr"
    assert f"{settings.SITE_URL}/fr/evaluation/meetings/48/" in french.body
    assert mail_to(world.staff.email).language == "en"
    meeting.refresh_from_db()
    assert meeting.papers_sent_at is not None
    # Nobody outside the evaluation is written to.
    assert not OutboundEmail.objects.filter(to__contains=[world.focal.email]).exists()
    assert not OutboundEmail.objects.filter(to__contains=[world.ngo.email]).exists()


def test_sending_again_without_a_change_sends_nothing_and_a_change_sends_again(world, meeting):
    services.meeting_papers_send(meeting=meeting, by=world.staff)
    meeting.refresh_from_db()
    first_sent_at = meeting.papers_sent_at

    assert services.meeting_papers_send(meeting=meeting, by=world.staff) == 0
    assert OutboundEmail.objects.count() == 3
    meeting.refresh_from_db()
    assert meeting.papers_sent_at == first_sent_at

    services.agenda_item_add(
        meeting=meeting, kind=AgendaItem.Kind.DECISION, title="Date of the next meeting", by=world.staff
    )
    assert services.meeting_papers_send(meeting=meeting, by=world.staff) == 3
    update = OutboundEmail.objects.filter(to=[world.rapporteur.email]).order_by("-pk").first()
    assert "Date of the next meeting" in update.body
    assert "The agenda has changed since the papers were sent" in update.body
    assert "updated" in update.subject
    meeting.refresh_from_db()
    assert meeting.papers_sent_at > first_sent_at


def test_a_decision_recorded_counts_as_a_change_of_the_agenda(world, meeting):
    services.meeting_papers_send(meeting=meeting, by=world.staff)
    item = meeting.items.get(kind=AgendaItem.Kind.DECISION)

    services.agenda_decision_record(item=item, decision="The calendar is approved.", by=world.staff)

    assert services.meeting_papers_send(meeting=meeting, by=world.staff) == 3
    assert "The calendar is approved." in OutboundEmail.objects.order_by("-pk").first().body


def test_only_the_secretariat_sends_the_papers(world, meeting):
    with pytest.raises(NotPermitted):
        services.meeting_papers_send(meeting=meeting, by=world.rapporteur)
    with pytest.raises(NotFound):
        services.meeting_papers_send(meeting=meeting, by=world.ngo)
    assert not OutboundEmail.objects.exists()
    meeting.refresh_from_db()
    assert meeting.papers_sent_at is None


def test_an_empty_agenda_has_no_papers(world):
    meeting = services.meeting_create(
        number=49,
        place="online",
        starts_on=datetime.date(2026, 6, 1),
        ends_on=datetime.date(2026, 6, 1),
        by=world.staff,
    )
    with pytest.raises(InvalidEvaluation):
        services.meeting_papers_send(meeting=meeting, by=world.staff)
    assert not OutboundEmail.objects.exists()
