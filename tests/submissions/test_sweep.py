"""The sweep on State replies, with the clock passed in: overdue at the end of the deadline day in
Strasbourg (with any extension), reminders 14, 7 and 1 days before, each once, whatever the sweep's timing."""

import datetime
import threading
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.deadlines import end_of_day
from outbox.models import OutboundEmail
from rounds.models import Participation, Round
from submissions.models import Reply, ReplyTransition
from submissions.services import reply_open
from submissions.sweep import replies_mark_overdue, replies_sweep
from tests.factories import (
    FocalPointFactory,
    ParticipationFactory,
    PartyFactory,
    ReplyFactory,
    RoundFactory,
)

pytestmark = pytest.mark.django_db
PARIS = ZoneInfo("Europe/Paris")
DEADLINE = datetime.date(2025, 12, 1)
END = datetime.datetime(2025, 12, 2, tzinfo=PARIS)  # the end of 1 December in Strasbourg
SECOND = datetime.timedelta(seconds=1)
DAY = datetime.timedelta(days=1)


def build_round() -> SimpleNamespace:
    """A round collecting replies by 1 December 2025: A writes in French, B has not opened its reply, C has
    submitted; each Party has a focal point."""
    round_ = RoundFactory(reply_deadline=DEADLINE, reminder_days="14,7,1")
    draft = ReplyFactory(round=round_, language="fr")
    submitted = ReplyFactory(
        round=round_, state=Reply.State.SUBMITTED, submitted_at=END - 3 * DAY, language="en"
    )
    no_reply = ParticipationFactory(round=round_).party
    for party in (draft.party, submitted.party, no_reply):
        FocalPointFactory(party=party, user__username=f"focal-{party.code.lower()}")
    return SimpleNamespace(round=round_, draft=draft, submitted=submitted, party_b=no_reply)


@pytest.fixture
def world(db):
    return build_round()


def overdue_at(reply: Reply) -> datetime.datetime | None:
    reply.refresh_from_db()
    return reply.overdue_at


def reminder_keys() -> list[str]:
    return sorted(
        OutboundEmail.objects.filter(key__startswith="reply-reminder:").values_list("key", flat=True)
    )


def key(world, party, offset: int, deadline: datetime.date = DEADLINE) -> str:
    return f"reply-reminder:{world.round.pk}:{party.pk}:{deadline.isoformat()}:{offset}"


# Overdue


def test_a_draft_is_overdue_from_the_first_instant_after_its_deadline_day(world):
    assert replies_sweep(now=END - SECOND)["overdue"] == 0
    assert overdue_at(world.draft) is None

    result = replies_sweep(now=END)

    assert result["overdue"] == 1
    assert overdue_at(world.draft) == END
    assert overdue_at(world.submitted) is None


def test_an_extension_moves_the_overdue_moment_to_the_end_of_the_new_day(world):
    Participation.objects.filter(round=world.round, party=world.draft.party).update(
        deadline_extended_to=datetime.date(2025, 12, 15)
    )
    new_end = datetime.datetime(2025, 12, 16, tzinfo=PARIS)

    replies_sweep(now=END)
    replies_sweep(now=new_end - SECOND)
    assert overdue_at(world.draft) is None

    replies_sweep(now=new_end)
    assert overdue_at(world.draft) == new_end


def test_an_extension_granted_after_the_deadline_lifts_the_mark_until_the_new_deadline(world):
    replies_sweep(now=END)
    Participation.objects.filter(round=world.round, party=world.draft.party).update(
        deadline_extended_to=datetime.date(2025, 12, 15)
    )

    assert replies_sweep(now=END + DAY)["overdue_lifted"] == 1
    assert overdue_at(world.draft) is None

    later = datetime.datetime(2025, 12, 16, 0, 5, tzinfo=PARIS)
    replies_sweep(now=later)
    assert overdue_at(world.draft) == later


def test_submitted_and_returned_replies_are_never_overdue(world):
    # Sent back for corrections after an on-time submission: lateness is judged on the first submission.
    Reply.objects.filter(pk=world.submitted.pk).update(state=Reply.State.RETURNED)

    replies_sweep(now=END + DAY)

    assert overdue_at(world.submitted) is None


def test_a_party_that_never_opened_its_reply_is_counted_but_no_reply_is_invented(world):
    replies_before = Reply.objects.count()

    result = replies_sweep(now=END)

    assert result["overdue_without_reply"] == 1
    assert Reply.objects.count() == replies_before
    assert not ReplyTransition.objects.exists()


@pytest.mark.parametrize(
    "status", [Round.Status.PREPARATION, Round.Status.REPORT_ADOPTED, Round.Status.CLOSED]
)
def test_rounds_held_in_preparation_or_past_their_report_are_left_alone(world, status):
    Round.objects.filter(pk=world.round.pk).update(status=status)

    result = replies_sweep(now=END - DAY)
    replies_sweep(now=END)

    assert result == {"overdue": 0, "overdue_without_reply": 0, "overdue_lifted": 0, "reminders": 0}
    assert overdue_at(world.draft) is None
    assert not OutboundEmail.objects.exists()


def test_a_round_moved_to_evaluation_as_its_deadline_passed_still_gets_its_overdue_marks(world):
    # The phases sweep runs first: at the first instant after the deadline the round is under evaluation.
    Round.objects.filter(pk=world.round.pk).update(status=Round.Status.EVALUATION)

    assert replies_sweep(now=END)["overdue"] == 1
    assert overdue_at(world.draft) == END


def test_a_mark_written_by_another_sweep_is_not_written_again(world):
    # Two sweeps that both read the reply as not yet overdue: the conditional UPDATE lets one through.
    assert replies_mark_overdue(reply_ids=[world.draft.pk], now=END) == 1
    assert replies_mark_overdue(reply_ids=[world.draft.pk], now=END + SECOND) == 0
    assert overdue_at(world.draft) == END


def test_a_reply_submitted_after_the_sweep_read_it_is_not_marked(world):
    Reply.objects.filter(pk=world.draft.pk).update(state=Reply.State.SUBMITTED, submitted_at=END)

    assert replies_mark_overdue(reply_ids=[world.draft.pk], now=END) == 0
    assert overdue_at(world.draft) is None


# Reminders


@pytest.mark.parametrize("offset", [14, 7, 1])
def test_each_reminder_is_sent_at_its_moment_and_not_before(world, offset):
    moment = END - offset * DAY

    replies_sweep(now=moment - SECOND)
    keys_before = reminder_keys()
    replies_sweep(now=moment)

    assert key(world, world.draft.party, offset) not in keys_before
    assert key(world, world.draft.party, offset) in reminder_keys()


def test_every_sweep_of_the_period_sends_each_reminder_once(world):
    moments = [END - 20 * DAY + n * datetime.timedelta(minutes=5 * 97) for n in range(0, 20 * 24 * 60 // 485)]
    for moment in moments + moments:  # every ~8 hours over 20 days, twice over
        replies_sweep(now=moment)

    assert reminder_keys() == sorted(
        key(world, party, offset) for party in (world.draft.party, world.party_b) for offset in (14, 7, 1)
    )
    assert OutboundEmail.objects.count() == 6


def test_the_same_sweep_twice_queues_nothing_more(world):
    first = replies_sweep(now=END - 7 * DAY)
    second = replies_sweep(now=END - 7 * DAY)

    assert first["reminders"] == 2
    assert second == {"overdue": 0, "overdue_without_reply": 0, "overdue_lifted": 0, "reminders": 0}
    assert OutboundEmail.objects.count() == 2


def test_a_late_first_sweep_sends_only_the_most_imminent_reminder(world):
    replies_sweep(now=END - 3 * DAY)

    assert reminder_keys() == sorted([key(world, world.draft.party, 7), key(world, world.party_b, 7)])

    replies_sweep(now=END - DAY)
    assert key(world, world.draft.party, 1) in reminder_keys()
    assert key(world, world.draft.party, 14) not in reminder_keys()


def test_a_submitted_reply_gets_no_reminder(world):
    replies_sweep(now=END - DAY)

    recipients = [address for email in OutboundEmail.objects.all() for address in email.to]
    assert f"focal-{world.submitted.party.code.lower()}@example.org" not in recipients
    assert key(world, world.submitted.party, 1) not in reminder_keys()


def test_the_reminder_goes_to_the_partys_focal_points_in_the_replys_language(world):
    FocalPointFactory(party=world.draft.party, user__username="second-focal")
    FocalPointFactory(party=world.draft.party, user__username="no-mail", user__email="")

    replies_sweep(now=END - 7 * DAY)

    email = OutboundEmail.objects.get(key=key(world, world.draft.party, 7))
    assert sorted(email.to) == sorted(
        [f"focal-{world.draft.party.code.lower()}@example.org", "second-focal@example.org"]
    )
    assert email.language == "fr"
    no_reply = OutboundEmail.objects.get(key=key(world, world.party_b, 7))
    assert no_reply.language == "en"
    assert no_reply.to == [f"focal-{world.party_b.code.lower()}@example.org"]


def test_an_extension_arms_the_reminders_again_for_the_new_deadline(world):
    replies_sweep(now=END - DAY)
    Participation.objects.filter(round=world.round, party=world.draft.party).update(
        deadline_extended_to=datetime.date(2025, 12, 15)
    )

    replies_sweep(now=datetime.datetime(2025, 12, 9, 0, 0, tzinfo=PARIS))

    new = key(world, world.draft.party, 7, deadline=datetime.date(2025, 12, 15))
    assert new in reminder_keys()
    reminder = OutboundEmail.objects.get(key=new)
    assert ("extension" if reminder.language == "en" else "prolongation") in reminder.body


def test_the_reminder_in_english(world):
    Reply.objects.filter(pk=world.draft.pk).update(language="en")

    replies_sweep(now=END - 7 * DAY)

    email = OutboundEmail.objects.get(key=key(world, world.draft.party, 7))
    party = world.draft.party
    assert email.subject == (
        f"Reminder: the reply of {party.name_en} to Monitoring round {world.round.number} "
        "is due on 1 December 2025"
    )
    assert "has not been submitted yet" in email.body
    assert "in 7 days" in email.body
    assert f"/en/rounds/{world.round.slug}/parties/{party.code}/reply/" in email.body
    assert f"/en/rounds/{world.round.slug}/parties/{party.code}/reply/" in email.html


def test_the_reminder_in_french(world):
    replies_sweep(now=END - DAY)

    email = OutboundEmail.objects.get(key=key(world, world.draft.party, 1))
    party = world.draft.party
    # French from Django's and the portal's catalogues: the month, the round's label, the Party's name.
    assert "1er décembre 2025" in email.subject
    assert f"Cycle de suivi {world.round.number}" in email.subject
    assert party.name_fr in email.body
    assert f"/fr/rounds/{world.round.slug}/parties/{party.code}/reply/" in email.body
    assert "Rédiger la réponse" in email.html
    assert 'lang="fr"' in email.html


def test_reminders_count_the_days_left_in_strasbourg(world):
    replies_sweep(now=END - 4 * DAY + 10 * datetime.timedelta(hours=1))  # 28 November, 10:00

    body = OutboundEmail.objects.get(key=key(world, world.party_b, 7)).body
    assert "in 4 days" in body  # 28, 29, 30 November and 1 December

    replies_sweep(now=END - datetime.timedelta(hours=2))
    assert "Today is the last day" in OutboundEmail.objects.get(key=key(world, world.party_b, 1)).body


# Cost and concurrency


def test_the_sweep_reads_in_a_constant_number_of_queries(world):
    def queries(now: datetime.datetime) -> int:
        with CaptureQueriesContext(connection) as captured:
            replies_sweep(now=now)
        return len(captured.captured_queries)

    small = queries(END - 30 * DAY), queries(END + DAY)
    for _ in range(8):
        party = PartyFactory()
        ReplyFactory(round=world.round, party=party)
        FocalPointFactory(party=party)
        ParticipationFactory(round=world.round)
    other = RoundFactory(reply_deadline=DEADLINE)
    for _ in range(4):
        ReplyFactory(round=other)

    Reply.objects.update(overdue_at=None)  # back to the start of the period
    assert (queries(END - 30 * DAY), queries(END + DAY)) == small
    # Reminders due for many Parties: a constant number of reads, then one write per e-mail.
    OutboundEmail.objects.all().delete()
    with CaptureQueriesContext(connection) as captured:
        result = replies_sweep(now=END - 7 * DAY)
    inserts = [q["sql"] for q in captured.captured_queries if q["sql"].startswith("INSERT")]
    # The overdue marks lifted on the way add one INSERT, of their history (core/audit.py).
    writes = [sql for sql in inserts if sql.startswith('INSERT INTO "outbox_outboundemail"')]
    assert len(inserts) == len(writes) + 1
    # A and B, the 8 Parties added with a reply and focal point; those without focal points get none.
    assert result["reminders"] == len(writes) == 10


@pytest.mark.django_db(transaction=True)
def test_two_sweeps_at_once_mark_and_remind_once():
    if connection.vendor != "postgresql":
        pytest.skip("concurrent writers need PostgreSQL (DATABASE_URL)")
    world = build_round()
    barrier, results, errors = threading.Barrier(2), [], []

    def run(now: datetime.datetime) -> None:
        try:
            barrier.wait(timeout=10)
            results.append(replies_sweep(now=now))
        except Exception as error:  # reported by the assertion below
            errors.append(error)
        finally:
            connection.close()

    for now in (END - DAY, END):
        threads = [threading.Thread(target=run, args=(now,)) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

    assert errors == [] and len(results) == 4
    assert sum(result["reminders"] for result in results) == 2
    assert sum(result["overdue"] for result in results) == 1
    assert OutboundEmail.objects.count() == 2
    assert overdue_at(world.draft) == END


def test_a_reply_opened_after_its_deadline_is_overdue_from_that_deadline():
    participation = ParticipationFactory()  # the factory's deadline, 1 December 2025, has passed
    focal = FocalPointFactory(party=participation.party).user
    reply = reply_open(participation=participation, by=focal)
    assert reply.overdue_at == end_of_day(participation.round.reply_deadline)
