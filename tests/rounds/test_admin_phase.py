"""The round's phase in the admin: new dates move it at once, a phase the dates do not call for needs an
explicit hold with a reason, and a held round says so in the list and on its page."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from core.deadlines import STRASBOURG
from rounds.models import Round
from rounds.sweep import phases_sweep
from tests.factories import RoundFactory

pytestmark = pytest.mark.django_db
Status = Round.Status
DAY = datetime.timedelta(days=1)


@pytest.fixture
def round_(db):
    """Collecting replies: the questionnaire went out a month ago, replies are due in ten days."""
    today = timezone.localdate(timezone.now(), STRASBOURG)
    return RoundFactory(
        status=Status.REPLIES, questionnaire_adopted_on=today - 30 * DAY, reply_deadline=today + 10 * DAY
    )


def change_url(round_: Round, language: str = "en") -> str:
    return reverse("admin:rounds_round_change", args=[round_.pk]).replace("/en/", f"/{language}/")


def form(round_: Round, **changes) -> dict:
    data = {
        "number": round_.number,
        "kind": round_.kind,
        "slug": round_.slug,
        "theme_en": round_.theme_en,
        "theme_fr": round_.theme_fr,
        "summary_en": "",
        "summary_fr": "",
        "status": round_.status,
        "phase_held_reason": "",
        "questionnaire_adopted_on": round_.questionnaire_adopted_on,
        "reply_deadline": round_.reply_deadline,
        "reminder_days": round_.reminder_days,
        "report_adopted_on": "",
        "factsheets_published_on": "",
        "comment_window_months": round_.comment_window_months,
        "civil_society_deadline": "",
        "participations-TOTAL_FORMS": "0",
        "participations-INITIAL_FORMS": "0",
    }
    data.update(changes)
    return {name: value for name, value in data.items() if value is not None}


def history_count(round_: Round) -> int:
    return Round.history.filter(id=round_.pk).count()


def test_new_dates_move_the_round_at_once_and_say_so(admin_client, admin_user, round_):
    yesterday = round_.questionnaire_adopted_on + 29 * DAY

    response = admin_client.post(change_url(round_), form(round_, reply_deadline=yesterday), follow=True)

    round_.refresh_from_db()
    assert round_.status == Status.EVALUATION
    assert "As its dates call for, the round is now “evaluation”." in response.content.decode()
    moved = Round.history.filter(id=round_.pk).latest()
    assert (moved.status, moved.history_user, moved.history_change_reason) == (
        Status.EVALUATION,
        admin_user,
        "round_phase_follow",
    )


def test_a_phase_the_dates_do_not_call_for_is_refused_without_a_hold(admin_client, round_):
    before = history_count(round_)

    response = admin_client.post(change_url(round_), form(round_, status=Status.EVALUATION))

    assert response.status_code == 200
    refusal = "The dates call for “collecting replies”. Change the dates, or hold the round at “evaluation”"
    assert f"{refusal} and say why." in response.content.decode()
    round_.refresh_from_db()
    assert (round_.status, round_.phase_held) == (Status.REPLIES, False)
    assert history_count(round_) == before


def test_a_hold_without_a_reason_is_refused(admin_client, round_):
    before = history_count(round_)

    response = admin_client.post(
        change_url(round_), form(round_, status=Status.PREPARATION, phase_held="on", phase_held_reason="  ")
    )

    assert response.status_code == 200
    assert "Say why the round&#x27;s phase is held." in response.content.decode()
    round_.refresh_from_db()
    assert (round_.status, round_.phase_held) == (Status.REPLIES, False)
    assert history_count(round_) == before


def test_a_held_round_stays_and_says_so_in_the_list_and_on_its_page(admin_client, round_):
    reason = "The French version of the questionnaire is not ready."
    response = admin_client.post(
        change_url(round_), form(round_, status=Status.PREPARATION, phase_held="on", phase_held_reason=reason)
    )
    assert response.status_code == 302

    assert phases_sweep(now=timezone.now()) == {"moved": 0, "held": 1}
    round_.refresh_from_db()
    assert (round_.status, round_.phase_held, round_.phase_held_reason) == (Status.PREPARATION, True, reason)

    page = admin_client.get(change_url(round_)).content.decode()
    assert "The dates call for “collecting replies”." in page
    assert (
        f"Held at “in preparation”: neither the periodic check nor new dates move it. Why: {reason}" in page
    )
    listing = admin_client.get(reverse("admin:rounds_round_changelist")).content.decode()
    assert "column-phase_held" in listing
    assert 'class="field-phase_held"><img src="/static/admin/img/icon-yes.svg" alt="True">' in listing


def test_closing_is_the_secretariats_decision_and_needs_no_hold(admin_client, round_):
    response = admin_client.post(change_url(round_), form(round_, status=Status.CLOSED))

    assert response.status_code == 302
    round_.refresh_from_db()
    assert round_.status == Status.CLOSED
    assert phases_sweep(now=timezone.now()) == {"moved": 0, "held": 0}
    assert "Closed by the Secretariat" in admin_client.get(change_url(round_)).content.decode()


def test_the_override_is_explained_in_french(admin_client, round_):
    page = admin_client.get(change_url(round_, "fr")).content.decode()

    assert "Phase maintenue" in page or "phase maintenue" in page
    assert "Les dates appellent « collecte des réponses »." in page.replace("\u00a0", " ")
