"""The sweep on civil society, with the clock passed in. Party A's reply was published on 31 October 2025:
its window closes at the end of 31 December (midnight, 1 January 2026, Strasbourg), a week before that is
midnight on 25 December. Each window event is recorded once and announced once to each subscriber, in
their language; drafts are reminded a week and a day before; information requests close at their date."""

import datetime
import threading
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

import civil_society.sweep
from civil_society.models import Contribution, InformationRequest, Subscription, WindowEvent
from civil_society.sweep import information_requests_close, windows_sweep
from civil_society.windows import comment_window, comment_windows
from outbox.models import OutboundEmail
from rounds.models import Participation
from submissions.models import Reply
from tests.factories import (
    ContributionFactory,
    MembershipFactory,
    ParticipationFactory,
    ReplyFactory,
    RoundFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db
PARIS = ZoneInfo("Europe/Paris")
OPENS = datetime.datetime(2025, 10, 31, tzinfo=PARIS)
CLOSES = datetime.datetime(2026, 1, 1, tzinfo=PARIS)
LAST_WEEK = CLOSES - datetime.timedelta(days=7)
SECOND = datetime.timedelta(seconds=1)
DAY = datetime.timedelta(days=1)
Kind = WindowEvent.Kind


def events(world) -> list[tuple[str, datetime.date]]:
    return list(
        WindowEvent.objects.filter(round=world.round, party=world.party_a)
        .order_by("pk")
        .values_list("kind", "closes_on")
    )


def window_emails(kind: str) -> list[OutboundEmail]:
    return list(OutboundEmail.objects.filter(key__startswith=f"window-{kind}:").order_by("pk"))


@pytest.fixture
def readers(world):
    """Three readers: one follows the round (English), one Party A (French), one both."""
    round_reader = UserFactory(username="reader-en", email="reader-en@example.org")
    party_reader = UserFactory(username="lecteur-fr", email="lecteur-fr@example.org")
    both = UserFactory(username="reader-both", email="both@example.org")
    return {
        "en": Subscription.objects.create(user=round_reader, round=world.round, language="en"),
        "fr": Subscription.objects.create(user=party_reader, party=world.party_a, language="fr"),
        "both_party": Subscription.objects.create(user=both, party=world.party_a, language="en"),
        "both_round": Subscription.objects.create(user=both, round=world.round, language="en"),
    }


# Window events


def test_the_window_opens_once_with_one_email_per_subscriber(world, readers):
    assert windows_sweep(now=OPENS - SECOND)["opened"] == 0

    first = windows_sweep(now=OPENS)
    second = windows_sweep(now=OPENS + DAY)

    assert first["opened"] == 1 and first["subscriber_emails"] == 3
    assert second["opened"] == 0 and second["subscriber_emails"] == 0
    assert events(world) == [(Kind.OPENED, datetime.date(2025, 12, 31))]
    emails = window_emails("opened")
    assert sorted(address for email in emails for address in email.to) == [
        "both@example.org",
        "lecteur-fr@example.org",
        "reader-en@example.org",
    ]
    # Who follows both the Party and the round hears once, as a follower of the Party.
    both = next(email for email in emails if email.to == ["both@example.org"])
    assert both.key.endswith(f":{readers['both_party'].pk}")


def test_a_party_without_a_published_reply_has_no_window_events(world, readers):
    windows_sweep(now=OPENS + DAY)

    assert not WindowEvent.objects.filter(party=world.party_b).exists()


def test_the_last_week_is_announced_once_from_midnight_a_week_before_it_closes(world, readers):
    windows_sweep(now=OPENS)
    assert windows_sweep(now=LAST_WEEK - SECOND)["closing_soon"] == 0

    first = windows_sweep(now=LAST_WEEK)
    second = windows_sweep(now=LAST_WEEK + DAY)

    assert first["closing_soon"] == 1 and first["subscriber_emails"] == 3
    assert second["closing_soon"] == 0 and second["subscriber_emails"] == 0
    assert len(window_emails("closing_soon")) == 3


def test_the_window_closes_once_at_midnight_after_its_last_day_without_an_email(world, readers):
    windows_sweep(now=OPENS)
    windows_sweep(now=LAST_WEEK)
    emails_before = OutboundEmail.objects.count()

    assert windows_sweep(now=CLOSES - SECOND)["closed"] == 0
    assert windows_sweep(now=CLOSES)["closed"] == 1
    assert windows_sweep(now=CLOSES + DAY)["closed"] == 0

    assert events(world) == [
        (Kind.OPENED, datetime.date(2025, 12, 31)),
        (Kind.CLOSING_SOON, datetime.date(2025, 12, 31)),
        (Kind.CLOSED, datetime.date(2025, 12, 31)),
    ]
    assert OutboundEmail.objects.count() == emails_before


def test_a_first_sweep_in_the_last_week_records_both_but_announces_the_opening_only(world, readers):
    result = windows_sweep(now=LAST_WEEK + DAY)

    assert result["opened"] == 1 and result["closing_soon"] == 1
    assert len(window_emails("opened")) == 3
    assert window_emails("closing_soon") == []


def test_a_window_long_closed_is_recorded_closed_and_announced_to_nobody(world, readers):
    windows_sweep(now=CLOSES + 30 * DAY)

    assert events(world) == [(Kind.CLOSED, datetime.date(2025, 12, 31))]
    assert not OutboundEmail.objects.exists()


def test_a_window_extended_after_it_closed_opens_and_closes_again_at_the_new_date(world, readers):
    windows_sweep(now=OPENS)
    windows_sweep(now=LAST_WEEK)
    windows_sweep(now=CLOSES)
    Participation.objects.filter(round=world.round, party=world.party_a).update(
        comment_window_extended_to=datetime.date(2026, 1, 20)
    )
    new_close = datetime.datetime(2026, 1, 21, tzinfo=PARIS)

    reopened = windows_sweep(now=datetime.datetime(2026, 1, 5, 9, tzinfo=PARIS))
    windows_sweep(now=new_close - 7 * DAY)
    windows_sweep(now=new_close - SECOND)
    windows_sweep(now=new_close)
    windows_sweep(now=new_close + DAY)

    assert reopened["opened"] == 1
    new_day = datetime.date(2026, 1, 20)
    assert events(world)[3:] == [(Kind.OPENED, new_day), (Kind.CLOSING_SOON, new_day), (Kind.CLOSED, new_day)]
    assert len(window_emails("opened")) == 6
    assert len(window_emails("closing_soon")) == 6


def test_a_window_extended_while_open_is_not_announced_as_opening_again(world, readers):
    windows_sweep(now=OPENS)
    windows_sweep(now=LAST_WEEK)
    Participation.objects.filter(round=world.round, party=world.party_a).update(
        comment_window_extended_to=datetime.date(2026, 1, 15)
    )
    new_close = datetime.datetime(2026, 1, 16, tzinfo=PARIS)

    windows_sweep(now=CLOSES)  # no longer the closing moment
    windows_sweep(now=new_close - 7 * DAY)
    windows_sweep(now=new_close)

    new_day = datetime.date(2026, 1, 15)
    assert events(world)[2:] == [(Kind.CLOSING_SOON, new_day), (Kind.CLOSED, new_day)]
    assert len(window_emails("opened")) == 3
    assert len(window_emails("closing_soon")) == 6  # the new last week is announced


def test_a_sweep_that_read_before_another_wrote_records_and_announces_nothing_more(
    world, readers, monkeypatch
):
    windows_sweep(now=LAST_WEEK)
    state = snapshot()
    # A second sweep that read the events before the first one wrote them: the unique constraint settles it.
    read_nothing = civil_society.sweep._events_due
    monkeypatch.setattr(
        civil_society.sweep,
        "_events_due",
        lambda *, window, recorded, now: read_nothing(window=window, recorded=set(), now=now),
    )

    result = windows_sweep(now=LAST_WEEK)

    assert result["opened"] == result["closing_soon"] == result["subscriber_emails"] == 0
    assert snapshot() == state


# E-mail content in both languages


def test_the_opening_email_in_english(world, readers):
    windows_sweep(now=OPENS)

    email = OutboundEmail.objects.get(to=["reader-en@example.org"])
    party = world.party_a.name_en
    assert email.language == "en"
    assert email.subject == (
        f"Open for comments until 31 December 2025: the reply of {party} "
        f"to Monitoring round {world.round.number}"
    )
    assert (
        "published on 31 October 2025, is open to comments from civil society "
        "until the end of 31 December 2025" in email.body
    )
    assert f"/en/rounds/{world.round.slug}/parties/{world.party_a.code}/" in email.body
    assert f"because you follow Monitoring round {world.round.number}" in email.body
    unsubscribe = f"/en/subscriptions/{readers['en'].token}/unsubscribe/"
    assert unsubscribe in email.body
    assert f'href="http://127.0.0.1:8000{unsubscribe}"' in email.html


def test_the_opening_and_closing_emails_in_french(world, readers):
    windows_sweep(now=OPENS)
    windows_sweep(now=LAST_WEEK)

    opened, closing = (
        OutboundEmail.objects.filter(to=["lecteur-fr@example.org"], key__startswith=f"window-{kind}:").get()
        for kind in (Kind.OPENED, Kind.CLOSING_SOON)
    )
    for email in (opened, closing):
        assert email.language == "fr"
        assert "31 décembre 2025" in email.subject
        assert f"Cycle de suivi {world.round.number}" in email.subject
        assert world.party_a.name_fr in email.body
        assert f"/fr/subscriptions/{readers['fr'].token}/unsubscribe/" in email.body
        assert f"/fr/rounds/{world.round.slug}/parties/{world.party_a.code}/" in email.html
        assert 'lang="fr"' in email.html
    assert "31 octobre 2025" in opened.body


def test_only_active_readers_with_an_address_are_written_to(world, readers):
    readers["en"].user.is_active = False
    readers["en"].user.save()
    Subscription.objects.create(user=UserFactory(username="no-mail", email=""), round=world.round)

    assert windows_sweep(now=OPENS)["subscriber_emails"] == 2


# Draft reminders


@pytest.fixture
def draft(world):
    return ContributionFactory(
        round=world.round, organisation=world.ngo1, parties=[world.party_a], language="fr"
    )


def draft_reminders() -> list[str]:
    return sorted(
        OutboundEmail.objects.filter(key__startswith="draft-reminder:").values_list("key", flat=True)
    )


def test_a_draft_is_reminded_a_week_and_a_day_before_its_window_closes_once_each(world, draft):
    MembershipFactory(organisation=world.ngo1, user__username="member-1b")
    moments = [LAST_WEEK - SECOND, LAST_WEEK, LAST_WEEK + DAY, CLOSES - DAY - SECOND, CLOSES - DAY, CLOSES]

    counts = [windows_sweep(now=moment)["draft_reminders"] for moment in moments + moments]

    assert counts == [0, 1, 0, 0, 1, 0] + [0] * 6
    assert draft_reminders() == [
        f"draft-reminder:{draft.pk}:2025-12-31:1",
        f"draft-reminder:{draft.pk}:2025-12-31:7",
    ]
    email = OutboundEmail.objects.get(key=f"draft-reminder:{draft.pk}:2025-12-31:7")
    assert sorted(email.to) == ["member-1@example.org", "member-1b@example.org"]
    assert email.language == "fr"
    assert "31 décembre 2025" in email.body
    assert f"/fr/civil-society/contributions/{draft.pk}/" in email.body


def test_a_late_first_sweep_sends_only_the_most_imminent_draft_reminder(world, draft):
    windows_sweep(now=CLOSES - datetime.timedelta(hours=3))

    assert draft_reminders() == [f"draft-reminder:{draft.pk}:2025-12-31:1"]
    body = OutboundEmail.objects.get().body
    assert "Today is the last day." in body or "dernier jour" in body


def test_the_draft_reminder_in_english(world, draft):
    Contribution.objects.filter(pk=draft.pk).update(language="en", title="Our comments")

    windows_sweep(now=LAST_WEEK + DAY)

    email = OutboundEmail.objects.get(key__startswith="draft-reminder:")
    assert email.subject == "Your draft “Our comments” can be submitted until 31 December 2025"
    assert f"Comments on the reply of {world.party_a.name_en} to Monitoring round" in email.body
    assert "6 days left." in email.body
    assert "After that your draft is kept, but it can no longer be submitted." in email.body


def test_submitted_drafts_and_drafts_without_a_window_are_not_reminded(world, draft):
    Contribution.objects.filter(pk=draft.pk).update(state=Contribution.State.SUBMITTED)
    ContributionFactory(round=world.round, organisation=world.ngo2, parties=[world.party_b])  # B unpublished

    windows_sweep(now=LAST_WEEK)

    assert draft_reminders() == []


def test_a_questionnaire_reply_is_reminded_before_the_rounds_civil_society_deadline(world):
    reply = ContributionFactory(
        round=world.round, organisation=world.ngo2, kind=Contribution.Kind.QUESTIONNAIRE_REPLY
    )
    deadline_end = datetime.datetime(2026, 4, 1, tzinfo=PARIS)  # end of 31 March 2026

    windows_sweep(now=deadline_end - 7 * DAY - SECOND)
    windows_sweep(now=deadline_end - 7 * DAY)
    windows_sweep(now=deadline_end - 7 * DAY)

    assert draft_reminders() == [f"draft-reminder:{reply.pk}:2026-03-31:7"]
    email = OutboundEmail.objects.get()
    assert email.to == ["member-2@example.org"]
    assert "Replies to the questionnaire of Monitoring round" in email.body


# Information requests


@pytest.fixture
def requests(world):
    contribution = ContributionFactory(
        round=world.round,
        organisation=world.ngo1,
        parties=[world.party_a],
        state=Contribution.State.SUBMITTED,
    )

    def request(**fields):
        return InformationRequest.objects.create(
            contribution=contribution,
            question="Which law?",
            due_on=datetime.date(2025, 12, 10),
            requested_by=world.staff,
            **fields,
        )

    return request(), request(answered_at=OPENS, answer="<p>This one.</p>")


def test_an_unanswered_request_closes_at_the_end_of_its_due_date_once(world, requests):
    open_request, answered = requests
    due_end = datetime.datetime(2025, 12, 11, tzinfo=PARIS)

    assert windows_sweep(now=due_end - SECOND)["requests_closed"] == 0
    assert windows_sweep(now=due_end)["requests_closed"] == 1
    assert windows_sweep(now=due_end + DAY)["requests_closed"] == 0

    open_request.refresh_from_db()
    answered.refresh_from_db()
    assert open_request.closed_at == due_end
    assert answered.closed_at is None
    assert information_requests_close(now=due_end + 2 * DAY) == 0


# Idempotence, concurrency, cost


def snapshot() -> tuple:
    return (
        sorted(WindowEvent.objects.values_list("round", "party", "kind", "closes_on")),
        sorted(OutboundEmail.objects.values_list("key", flat=True)),
        sorted(InformationRequest.objects.values_list("pk", "closed_at")),
    )


def test_the_same_sweep_twice_changes_nothing_more(world, readers, draft, requests):
    now = datetime.datetime(2025, 12, 26, tzinfo=PARIS)
    first = windows_sweep(now=now)
    state = snapshot()

    second = windows_sweep(now=now)

    assert (
        first["opened"] == first["closing_soon"] == first["requests_closed"] == first["draft_reminders"] == 1
    )
    assert set(second.values()) == {0}
    assert snapshot() == state


def test_the_bulk_windows_agree_with_one_window_at_a_time(world):
    other = ReplyFactory(
        round=world.round, state=Reply.State.PUBLISHED, published_on=datetime.date(2025, 12, 31)
    )
    Participation.objects.filter(round=world.round, party=other.party).update(
        comment_window_extended_to=datetime.date(2026, 3, 15)
    )
    Participation.objects.filter(round=world.round, party=world.party_a).update(
        comment_window_extended_to=datetime.date(2025, 11, 30)  # earlier than usual: no effect
    )
    pairs = [(world.round, party) for party in (world.party_a, world.party_b, other.party)]

    every = comment_windows()
    some = comment_windows([(round_.pk, party.pk) for round_, party in pairs])

    for round_, party in pairs:
        one = comment_window(round=round_, party=party)
        if one.closes_on is None:
            assert (round_.pk, party.pk) not in every and (round_.pk, party.pk) not in some
        else:
            assert every[round_.pk, party.pk] == some[round_.pk, party.pk] == one
    assert some[world.round.pk, other.party.pk].closes_on == datetime.date(2026, 3, 15)


def test_the_sweep_reads_in_a_constant_number_of_queries(world, readers, draft):
    def queries(now: datetime.datetime) -> tuple[int, int]:
        """(reads, rows inserted)"""
        with CaptureQueriesContext(connection) as captured:
            windows_sweep(now=now)
        sql = [query["sql"] for query in captured.captured_queries]
        return sum(q.startswith("SELECT") for q in sql), sum(q.startswith("INSERT") for q in sql)

    quiet = datetime.datetime(2025, 11, 15, tzinfo=PARIS)  # every window open, none closing
    windows_sweep(now=quiet)
    small_quiet, small_busy = queries(quiet), queries(LAST_WEEK + DAY)
    # 1 event, 3 subscribers' e-mails, 1 draft reminder
    assert small_busy[1] == 1 + 3 + 1
    WindowEvent.objects.all().delete()
    OutboundEmail.objects.all().delete()
    for n in range(12):
        round_ = world.round if n % 2 else RoundFactory()
        reply = ReplyFactory(
            round=round_, state=Reply.State.PUBLISHED, published_on=datetime.date(2025, 10, 31)
        )
        Subscription.objects.create(user=UserFactory(), party=reply.party)
        for _ in range(3):
            ContributionFactory(round=round_, organisation=world.ngo1, parties=[reply.party])
    ParticipationFactory(round=world.round)  # a Party yet to publish
    windows_sweep(now=quiet)

    busy = queries(LAST_WEEK + DAY)
    assert queries(quiet) == small_quiet
    assert busy[0] == small_busy[0]
    # One row per event, per subscriber's e-mail (A's 3, each new Party's follower, the round's 2 followers
    # for its 6 new windows) and per draft reminder; nothing read per row.
    assert busy[1] == 13 + (3 + 12 + 6 * 2) + (1 + 36)


@pytest.mark.django_db(transaction=True)
def test_two_sweeps_at_once_record_and_announce_once(request):
    if connection.vendor != "postgresql":
        pytest.skip("concurrent writers need PostgreSQL (DATABASE_URL)")
    world = request.getfixturevalue("world")
    request.getfixturevalue("readers")
    draft = request.getfixturevalue("draft")
    request.getfixturevalue("requests")
    barrier, results, errors = threading.Barrier(2), [], []

    def run(now: datetime.datetime) -> None:
        try:
            barrier.wait(timeout=10)
            results.append(windows_sweep(now=now))
        except Exception as error:  # reported by the assertion below
            errors.append(error)
        finally:
            connection.close()

    for now in (OPENS, LAST_WEEK, datetime.datetime(2025, 12, 31, 12, tzinfo=PARIS), CLOSES):
        threads = [threading.Thread(target=run, args=(now,)) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

    assert errors == [] and len(results) == 8
    assert events(world) == [
        (Kind.OPENED, datetime.date(2025, 12, 31)),
        (Kind.CLOSING_SOON, datetime.date(2025, 12, 31)),
        (Kind.CLOSED, datetime.date(2025, 12, 31)),
    ]
    assert sum(result["subscriber_emails"] for result in results) == 6
    assert len(window_emails("opened")) == len(window_emails("closing_soon")) == 3
    assert draft_reminders() == [
        f"draft-reminder:{draft.pk}:2025-12-31:1",
        f"draft-reminder:{draft.pk}:2025-12-31:7",
    ]
    assert sum(result["requests_closed"] for result in results) == 1
