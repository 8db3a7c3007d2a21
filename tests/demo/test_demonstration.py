"""The demonstration round of `seed_demo`: a live round, labelled as such on each of its pages, kept out of
open data, feeds and the statistics about the real rounds, and left as it is by a later seed."""

import datetime
from collections import Counter

import pytest
import time_machine
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone, translation

from civil_society.models import Contribution, CoSignature, InformationRequest
from civil_society.windows import comment_window
from core.deadlines import STRASBOURG
from questionnaires.models import Question
from reports.models import Factsheet, Finding
from rounds.models import Round
from submissions.models import Answer, Reply
from submissions.sweep import replies_sweep
from tests.transactions import rolled_back_after_module

pytestmark = pytest.mark.django_db

SLUG = "demonstration"
SNAPSHOT_APPS = ("rounds", "questionnaires", "submissions", "civil_society", "reports", "outbox", "auth")


@pytest.fixture(scope="module", autouse=True)
def demo(django_db_setup, django_db_blocker):
    """The demo data, seeded once for the module inside a transaction rolled back at its end; the tasks
    queued after commit (the factsheets' renderings) run as the seed's commit would have them run."""
    with rolled_back_after_module(django_db_blocker):
        with TestCase.captureOnCommitCallbacks(execute=True):
            call_command("seed_demo", "--force", verbosity=0)
        yield


def demonstration() -> Round:
    return Round.objects.get(slug=SLUG)


def first_day() -> datetime.date:
    return timezone.localdate(demonstration().created_at, STRASBOURG)


def user(username: str):
    return get_user_model().objects.get(username=username)


def snapshot() -> dict[str, list[dict]]:
    rows = {}
    for app_label in SNAPSHOT_APPS:
        for model in apps.get_app_config(app_label).get_models(include_auto_created=True):
            rows[model._meta.label] = list(model.objects.order_by("pk").values())
    return rows


def test_the_round_is_a_demonstration_on_the_2nd_rounds_questionnaire_and_parties():
    round_, second = demonstration(), Round.objects.get(slug="2nd-round")

    assert round_.demonstration and not second.demonstration
    assert round_.number is None and round_.status == Round.Status.REPLIES
    assert round_.label == "Demonstration round" and "demonstration" in round_.theme_en
    assert set(round_.parties.values_list("code", flat=True)) == set(
        second.parties.values_list("code", flat=True)
    )
    copied = Question.objects.filter(questionnaire__round=round_).order_by("position")
    original = Question.objects.filter(questionnaire__round=second).order_by("position")
    fields = ("number", "kind", "theme", "text_en", "text_fr", "parent__number")
    assert list(copied.values_list(*fields)) == list(original.values_list(*fields))


def test_its_dates_count_from_the_day_it_was_first_seeded_and_its_reminders_are_armed():
    round_, day = demonstration(), first_day()

    assert round_.reply_deadline == day + datetime.timedelta(days=21)
    assert round_.questionnaire_adopted_on < day
    assert round_.reminder_offsets == [14, 7, 1]
    # A week before the deadline the sweep reminds each Party that has not submitted, the drafts included.
    week_before = datetime.datetime.combine(round_.reply_deadline, datetime.time(9), tzinfo=STRASBOURG)
    assert replies_sweep(now=week_before - datetime.timedelta(days=7))["reminders"] >= 5


def test_the_replies_are_at_every_stage():
    replies = Reply.objects.filter(round__slug=SLUG).select_related("party")
    by_state = {state: {r.party.code for r in replies if r.state == state} for state in Reply.State.values}

    assert by_state == {
        "draft": {"FR", "DE", "IT", "ES"},
        "submitted": {"AT", "BE"},
        "returned": {"NL"},
        "registered": set(),
        "published": {"PT", "SE"},
    }
    answered = Counter(Answer.objects.filter(reply__in=replies).values_list("reply__party__code", flat=True))
    assert answered["IT"] < answered["FR"] < answered["DE"] < answered["ES"] == 56
    returned = replies.get(party__code="NL")
    assert returned.transitions.last().message.startswith("Demo text.")
    assert not any(r.is_late for r in replies)


def test_a_focal_point_can_write_the_draft_at_once(client):
    client.force_login(user("focal-fr"))

    editor = client.get(reverse("reply-edit", args=[SLUG, "FR"]))
    submit = client.get(reverse("reply-submit", args=[SLUG, "FR"]))

    assert editor.status_code == submit.status_code == 200
    assert (
        "Demonstration round." in editor.content.decode()
        and "Demonstration round." in submit.content.decode()
    )


def test_the_comment_windows_are_open_one_closing_within_the_week_one_opened_today():
    round_, day = demonstration(), first_day()
    now = timezone.now()
    windows = {
        code: comment_window(round=round_, party=round_.parties.get(code=code)) for code in ("PT", "SE")
    }

    assert all(window.is_open(now) for window in windows.values())
    assert day <= windows["PT"].closes_on <= day + datetime.timedelta(days=6)
    assert windows["SE"].opens_on == day


def test_the_contributions_are_in_every_state_with_a_coalition_waiting_and_a_request_open():
    contributions = Contribution.objects.filter(round__slug=SLUG)
    states = Counter(contributions.values_list("visibility", "state"))

    assert states == {
        ("public", "draft"): 1,
        ("public", "submitted"): 1,
        ("public", "acknowledged"): 2,
        ("confidential", "draft"): 1,
        ("confidential", "submitted"): 1,
        ("confidential", "acknowledged"): 1,
    }
    pending = CoSignature.objects.get(contribution__round__slug=SLUG)
    assert pending.state == CoSignature.State.PENDING and pending.organisation.memberships.filter(
        user__username="ngo-beta"
    )
    request = InformationRequest.objects.get(contribution__round__slug=SLUG)
    assert request.answered_at is None and request.due_on > first_day()


def test_findings_are_drafted_and_adopted_and_factsheets_rendered():
    findings = Counter(Finding.objects.filter(round__slug=SLUG).values_list("state", flat=True))
    factsheets = Factsheet.objects.filter(round__slug=SLUG, rendered_at__isnull=False)

    assert findings == {"adopted": 2, "draft": 1}
    assert sorted(factsheets.values_list("party__code", "language")) == [
        ("PT", "en"), ("PT", "fr"), ("SE", "en"), ("SE", "fr"),
    ]  # fmt: skip


def test_a_later_seed_changes_nothing_not_even_the_dates():
    before = snapshot()

    with time_machine.travel(timezone.now() + datetime.timedelta(days=10)):
        call_command("seed_demo", "--force", verbosity=0)

    assert snapshot() == before


def test_the_api_marks_the_demonstration(client):
    rounds = {
        entry["slug"]: entry["demonstration"] for entry in client.get("/api/v1/rounds/").json()["results"]
    }
    detail = client.get(f"/api/v1/rounds/{SLUG}/").json()

    assert rounds.pop(SLUG) is True
    assert rounds.pop(f"{SLUG}-follow-up") is True  # its follow-up, open for Portugal's reply
    assert rounds.pop("urgent-round-refugee-crisis-follow-up") is False  # its follow-up, public
    assert len(rounds) == 3 and not any(rounds.values())
    assert detail["demonstration"] is True


def test_it_has_no_open_data_and_no_feed(client):
    for name in ("round-open-data", "round-open-data-json", "round-open-data-zip", "round-feed"):
        assert client.get(reverse(name, args=[SLUG])).status_code == 404, name
        assert client.get(reverse(name, args=["2nd-round"])).status_code == 200, name
    assert client.get(reverse("party-feed", args=[SLUG, "PT"])).status_code == 404
    page = client.get(reverse("round-detail", args=[SLUG])).content.decode()
    assert reverse("round-feed", args=[SLUG]) not in page and "open-data" not in page


def test_the_statistics_and_latest_publications_are_the_real_rounds(client):
    home = client.get(reverse("home")).context
    rounds = client.get(reverse("round-list")).context

    real = Round.objects.filter(demonstration=False).exclude(kind=Round.Kind.FOLLOW_UP)
    assert home["round_count"] == real.count() == 3  # a follow-up counts in no statistics
    assert home["current_round"].slug != SLUG and home["demonstration"].slug == SLUG
    assert not [reply for reply in home["replies"] if reply.round.demonstration]
    assert not [comment for comment in home["comments"] if comment.round.demonstration]
    assert not [sheet for sheet in home["factsheets"] if sheet.round.demonstration]
    assert [r.slug for r in rounds["demonstrations"]] == [f"{SLUG}-follow-up", SLUG]
    assert SLUG not in [r.slug for r in rounds["rounds"]]


def localized(language: str, name: str, *args) -> str:
    with translation.override(language):
        return reverse(name, args=args)


@pytest.mark.parametrize(
    ("language", "words"),
    [("en", "Demonstration round."), ("fr", "Cycle de démonstration.")],
)
def test_each_of_its_pages_says_it_is_a_demonstration(client, language, words):
    acknowledged = Contribution.objects.filter(
        round__slug=SLUG, state="acknowledged", visibility="public"
    ).first()
    draft = Contribution.objects.get(
        round__slug=SLUG, organisation__name__startswith="Alpha", state="draft", visibility="confidential"
    )
    public_pages = [
        localized(language, "round-detail", SLUG),
        localized(language, "round-status", SLUG),
        localized(language, "party-reply", SLUG, "PT"),
        localized(language, "party-reply", SLUG, "FR"),
        localized(language, "question-compare", SLUG, "7"),
        localized(language, "public-contribution", SLUG, acknowledged.pk),
    ]
    for path in public_pages:
        page = client.get(path)
        assert page.status_code == 200, path
        assert words in page.content.decode(), path
    assert words not in client.get(localized(language, "round-detail", "2nd-round")).content.decode()

    client.force_login(user("ngo-alpha"))
    page = client.get(localized(language, "contribution-edit", draft.pk))
    assert page.status_code == 200 and words in page.content.decode()
