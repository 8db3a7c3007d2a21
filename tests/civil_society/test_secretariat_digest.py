"""The Secretariat's daily digest: State replies submitted since the previous digest, overdue replies and
contributions awaiting moderation, with admin links; once per day and staff member, never empty, and
confidential contributions marked as such."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from celery.schedules import crontab
from django.conf import settings
from django.contrib.auth import get_user_model

from civil_society.models import Contribution
from civil_society.services import secretariat_digest_resume, secretariat_digest_send
from civil_society.tasks import secretariat_digest_task
from outbox.models import OutboundEmail
from submissions.models import Reply, ReplyTransition
from tests.factories import ContributionFactory, ReplyFactory, UserFactory

pytestmark = pytest.mark.django_db
PARIS = ZoneInfo("Europe/Paris")
MONDAY = datetime.datetime(2026, 3, 2, 7, 0, tzinfo=PARIS)
SUNDAY_NOON = MONDAY - datetime.timedelta(hours=19)


def at(moment):
    return time_machine.travel(moment, tick=False)


def submit(reply, by, *, when, from_state=Reply.State.DRAFT, late=False):
    """What `reply_submit` leaves behind, at a chosen time."""
    with at(when):
        Reply.objects.filter(pk=reply.pk).update(state=Reply.State.SUBMITTED, submitted_at=when, is_late=late)
        ReplyTransition.objects.create(reply=reply, from_state=from_state, to_state="submitted", by=by)
    reply.refresh_from_db()
    return reply


def awaiting(world, *, title, visibility, organisation=None):
    return ContributionFactory(
        round=world.round,
        organisation=organisation or world.ngo1,
        created_by=world.member1,
        title=title,
        visibility=visibility,
        state=Contribution.State.SUBMITTED,
        submitted_at=SUNDAY_NOON,
        parties=[world.party_a],
    )


def send(capture, moment=MONDAY):
    with at(moment), capture(execute=True):
        return secretariat_digest_send()


@pytest.fixture
def news(world):
    """A reply submitted late yesterday, one overdue, a public and a confidential contribution waiting."""
    submit(world.reply_b, world.focal_b, when=SUNDAY_NOON, late=True)
    overdue = ReplyFactory(round=world.round, overdue_at=datetime.datetime(2026, 2, 1, 0, 0, tzinfo=PARIS))
    public = awaiting(world, title="Notes on prevention", visibility="public")
    secret = awaiting(
        world, title="Testimonies of survivors", visibility="confidential", organisation=world.ngo2
    )
    return {"overdue": overdue, "public": public, "confidential": secret}


def test_the_digest_lists_and_counts_what_the_secretariat_should_act_on(
    world, news, mailoutbox, django_capture_on_commit_callbacks
):
    assert send(django_capture_on_commit_callbacks) == 1

    (mail,) = mailoutbox
    assert mail.to == ["secretariat-cs@example.org"]
    assert mail.subject == (
        "Portal digest, 2 March 2026: new submissions 1, overdue replies 1, contributions to moderate 2"
    )
    text, html = mail.body, mail.alternatives[0][0]
    site = settings.SITE_URL
    b, overdue = world.reply_b, news["overdue"]
    assert "NEW SUBMISSIONS: 1 State reply submitted since the previous digest" in text
    assert f"- {b.party.name_en}, {world.round.label}: submitted on 1 March 2026, 12:00, late" in text
    assert f"{site}/en/admin/submissions/reply/{b.pk}/change/" in text
    assert "OVERDUE: 1 reply past its deadline and not submitted" in text
    assert f"- {overdue.party.name_en}, {world.round.label}: overdue since 1 February 2026" in text
    assert f"{site}/en/admin/submissions/reply/{overdue.pk}/change/" in text
    assert "TO MODERATE: 2 civil-society contributions awaiting moderation" in text
    assert "1 of them is CONFIDENTIAL" in text
    assert f"- Alpha Child Rights: Notes on prevention ({world.round.label}, {world.party_a.code};" in text
    assert f"- [CONFIDENTIAL] Beta Youth Voice: Testimonies of survivors ({world.round.label}," in text
    for contribution in (news["public"], news["confidential"]):
        assert f"{site}/en/admin/civil_society/contribution/{contribution.pk}/change/" in text
        assert f"{site}/en/admin/civil_society/contribution/{contribution.pk}/change/" in html
    assert f"{site}/en/admin/civil_society/contribution/\n" in text  # the queue itself
    assert "<strong>[CONFIDENTIAL]</strong> <a " in html and html.count("[CONFIDENTIAL]") == 1
    assert text.count("[CONFIDENTIAL]") == 1
    assert f'href="{site}/en/admin/submissions/reply/{b.pk}/change/"' in html


def test_it_goes_to_every_active_staff_member_with_an_address_separately(
    world, news, mailoutbox, django_capture_on_commit_callbacks
):
    UserFactory(username="colleague", is_staff=True)
    UserFactory(username="former", is_staff=True, is_active=False)
    UserFactory(username="no-address", is_staff=True, email="")
    UserFactory(username="reader")

    assert send(django_capture_on_commit_callbacks) == 2

    assert sorted(mail.to[0] for mail in mailoutbox) == [
        "colleague@example.org",
        "secretariat-cs@example.org",
    ]
    assert all(len(mail.to) == 1 for mail in mailoutbox)  # colleagues' addresses are not shared


def test_it_is_sent_once_a_day_however_often_it_runs(
    world, news, mailoutbox, django_capture_on_commit_callbacks
):
    send(django_capture_on_commit_callbacks)
    submit(ReplyFactory(round=world.round), world.focal_a, when=MONDAY + datetime.timedelta(hours=1))

    assert send(django_capture_on_commit_callbacks) == 0  # a second beat at the same time
    assert send(django_capture_on_commit_callbacks, MONDAY + datetime.timedelta(hours=8)) == 0

    assert len(mailoutbox) == 1
    assert list(OutboundEmail.objects.values_list("key", flat=True)) == [
        f"secretariat-digest:2026-03-02:{world.staff.pk}"
    ]


def test_the_next_digest_lists_only_the_submissions_since_the_previous_one(
    world, news, mailoutbox, django_capture_on_commit_callbacks
):
    send(django_capture_on_commit_callbacks)
    later = ReplyFactory(round=world.round)
    submit(later, world.focal_a, when=MONDAY + datetime.timedelta(hours=3))
    mailoutbox.clear()

    assert send(django_capture_on_commit_callbacks, MONDAY + datetime.timedelta(days=1)) == 1

    (mail,) = mailoutbox
    assert (
        "NEW SUBMISSIONS: 1 State reply submitted since the previous digest (2 March 2026, 07:00)"
        in mail.body
    )
    assert f"/submissions/reply/{later.pk}/change/" in mail.body
    assert f"/submissions/reply/{world.reply_b.pk}/change/" not in mail.body
    assert "3 March 2026" in mail.subject


def test_a_reply_sent_back_and_submitted_again_is_listed_once(
    world, mailoutbox, django_capture_on_commit_callbacks
):
    submit(world.reply_b, world.focal_b, when=SUNDAY_NOON)
    submit(
        world.reply_b, world.focal_b, when=SUNDAY_NOON + datetime.timedelta(hours=2), from_state="returned"
    )

    send(django_capture_on_commit_callbacks)

    (mail,) = mailoutbox
    assert mail.body.count(f"/submissions/reply/{world.reply_b.pk}/change/") == 1
    assert "submitted on 1 March 2026, 14:00, after corrections" in mail.body


def test_nothing_to_report_sends_nothing(world, mailoutbox, django_capture_on_commit_callbacks):
    # A submission before the period, a reply overdue but since submitted, contributions already handled.
    submit(world.reply_b, world.focal_b, when=MONDAY - datetime.timedelta(days=3))
    Reply.objects.filter(pk=world.reply_b.pk).update(overdue_at=MONDAY - datetime.timedelta(days=5))
    ContributionFactory(round=world.round, state=Contribution.State.ACKNOWLEDGED, parties=[world.party_a])
    ContributionFactory(round=world.round, parties=[world.party_a])  # a draft

    assert send(django_capture_on_commit_callbacks) == 0

    assert mailoutbox == [] and not OutboundEmail.objects.exists()


def test_its_queries_do_not_grow_with_the_lists(
    world, news, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    with django_assert_max_num_queries(20) as few:
        send(django_capture_on_commit_callbacks)
    OutboundEmail.objects.all().delete()
    for number in range(5):
        awaiting(world, title=f"More {number}", visibility="confidential")
        ReplyFactory(round=world.round, overdue_at=MONDAY - datetime.timedelta(days=2))

    with django_assert_max_num_queries(len(few.captured_queries)):
        send(django_capture_on_commit_callbacks)


def test_beat_runs_it_every_morning_at_seven_strasbourg_time(
    world, news, mailoutbox, django_capture_on_commit_callbacks
):
    entry = settings.CELERY_BEAT_SCHEDULE["secretariat-digest"]
    assert entry["task"] == "civil_society.tasks.secretariat_digest_task"
    assert entry["schedule"] == crontab(hour=7, minute=0) and settings.CELERY_TIMEZONE == "Europe/Paris"

    with at(MONDAY), django_capture_on_commit_callbacks(execute=True):
        secretariat_digest_task.delay()

    assert len(mailoutbox) == 1 and get_user_model().objects.get(email=mailoutbox[0].to[0]).is_staff


def test_long_lists_are_cut_with_a_link_to_the_whole_list(
    world, news, mailoutbox, django_capture_on_commit_callbacks, monkeypatch
):
    monkeypatch.setattr("civil_society.services.digest.LIST_LIMIT", 1)

    send(django_capture_on_commit_callbacks)

    (mail,) = mailoutbox
    assert "TO MODERATE: 2 civil-society contributions awaiting moderation" in mail.body
    assert "Testimonies of survivors" not in mail.body and "Notes on prevention" in mail.body
    assert "1 of them is CONFIDENTIAL" in mail.body  # counted, even when not listed
    assert f"The moderation queue: {settings.SITE_URL}/en/admin/civil_society/contribution/" in mail.body


def test_a_digest_cut_short_is_completed_by_the_sweep_and_never_begun_by_it(
    world, news, mailoutbox, django_capture_on_commit_callbacks
):
    colleague = UserFactory(username="colleague", is_staff=True)
    with at(MONDAY):
        assert secretariat_digest_resume() == 0  # not begun: the seven o'clock run's to send
    send(django_capture_on_commit_callbacks)
    OutboundEmail.objects.filter(key__endswith=f":{colleague.pk}").delete()  # killed before its turn
    mailoutbox.clear()

    with at(MONDAY + datetime.timedelta(minutes=5)), django_capture_on_commit_callbacks(execute=True):
        assert secretariat_digest_resume() == 1
        assert secretariat_digest_resume() == 0

    assert [mail.to for mail in mailoutbox] == [[colleague.email]]
