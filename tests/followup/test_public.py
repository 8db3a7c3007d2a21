"""The public compliance table (`/rounds/<slug>/follow-up/`): each recommendation followed up by Party, each
cell the level last adopted (a label, not a colour alone) and its dated history; proposals never shown; 404
without a follow-up the viewer may see; the round page's link; French; queries constant in Parties and
items."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from followup.services import assessment_adopt, assessment_propose, clarification_request
from rounds.models import Round
from tests.followup.test_selectors import _grow

pytestmark = pytest.mark.django_db

DURING = datetime.date(2026, 9, 2)


def _assess(world, exercise, *, party, level, question=None, adopt=True, on=DURING, reasoning=None):
    assessment = assessment_propose(
        round=exercise.round,
        question=question or exercise.q_r3,
        party=party,
        level=level,
        reasoning=reasoning or f"Reasoning {level}",
        by=world.staff,
    )
    if adopt:
        assessment_adopt(assessment=assessment, meeting=world.meeting, adopted_on=on, by=world.staff)
    return assessment


def page_url(round_, language: str = "en") -> str:
    with translation.override(language):
        return reverse("round-follow-up", args=[round_.slug])


def page(client, round_, language: str = "en") -> str:
    response = client.get(page_url(round_, language))
    assert response.status_code == 200
    return response.content.decode()


def _cell(html: str, reference: str, column: int) -> str:
    row = html.split(f'<span class="compliance-reference">{reference}</span>')[1].split("</tr>")[0]
    return row.split("<td")[column + 1].split("</td>")[0]


def test_the_table_shows_each_cell_current_level_and_its_history(client, world, exercise):
    _assess(world, exercise, party=world.party_b, level="not_complied", on=datetime.date(2026, 9, 1))
    clarification_request(
        round=exercise.round,
        question=exercise.q_r3,
        party=world.party_b,
        request="Say when the bill is voted.",
        due_on=datetime.date(2026, 12, 1),
        by=world.staff,
        now=timezone.make_aware(datetime.datetime(2026, 9, 1, 18)),
    )
    _assess(world, exercise, party=world.party_b, level="partially_complied", on=datetime.date(2026, 9, 3))
    _assess(world, exercise, party=world.party_a, level="complied")

    html = page(client, world.round)

    assert "Follow-up of the recommendations" in html
    assert exercise.round.label in html
    names = sorted([world.party_a.name, world.party_b.name])
    assert html.index(names[0]) < html.index(names[1])
    assert "Recommendation R-1" in html and "Recommendation R-3" in html
    assert "Recommendation R-2" not in html  # "considers": not followed up
    column_b = names.index(world.party_b.name)
    cell_b = _cell(html, "R-3", column_b)
    assert "level-partially_complied" in html and 'class="compliance-level">Partially complied' in cell_b
    assert "<details" in cell_b and "not complied" in cell_b and "cycle 2" in cell_b
    assert cell_b.index("not complied") < cell_b.index("partially complied")
    assert "2026-09-01" in cell_b and "2026-09-03" in cell_b
    assert 'class="compliance-level">Complied' in _cell(html, "R-3", 1 - column_b)
    # R-1 concerns Party A only: no assessment adopted yet there; not asked of Party B.
    assert "—" in _cell(html, "R-1", 1 - column_b)
    assert "not asked" in _cell(html, "R-1", column_b)
    assert 'class="compliance-scroll"' in html


def test_a_proposed_assessment_is_no_level_and_its_reasoning_is_never_shown(client, world, exercise):
    _assess(world, exercise, party=world.party_a, level="complied", adopt=False, reasoning="SECRET-REASONING")

    html = page(client, world.round)

    assert "SECRET-REASONING" not in html
    assert "level-complied" not in html


def test_in_french(client, world, exercise):
    _assess(world, exercise, party=world.party_a, level="complied")

    html = page(client, world.round, "fr")

    assert page_url(world.round, "fr").startswith("/fr/")
    assert 'lang="fr"' in html
    assert "Respectée" in html
    assert "Historique" in html
    assert "exhorte / exige" in html


def test_no_follow_up_visible_no_page(client, world, exercise):
    assert client.get(reverse("round-follow-up", args=["no-such-round"])).status_code == 404
    # The follow-up round itself is followed up by nothing.
    assert client.get(page_url(exercise.round)).status_code == 404
    exercise.round.status = Round.Status.PREPARATION
    exercise.round.save()
    assert client.get(page_url(world.round)).status_code == 404
    client.force_login(world.staff)  # the Secretariat sees the round in preparation
    assert client.get(page_url(world.round)).status_code == 200


def test_the_round_page_links_to_the_follow_up_once_public(client, world, exercise):
    link = page_url(world.round)
    round_page = reverse("round-detail", args=[world.round.slug])
    assert link in client.get(round_page).content.decode()
    exercise.round.status = Round.Status.PREPARATION
    exercise.round.save()
    assert link not in client.get(round_page).content.decode()


def test_an_adoption_changes_the_page_kept_for_readers(client, world, exercise):
    assessment = _assess(world, exercise, party=world.party_a, level="complied", adopt=False)
    assert "level-complied" not in page(client, world.round)

    assessment_adopt(assessment=assessment, meeting=world.meeting, adopted_on=DURING, by=world.staff)

    assert "level-complied" in page(client, world.round)


def _queries(client, round_) -> int:
    with CaptureQueriesContext(connection) as captured:
        page(client, round_)
    return len(captured.captured_queries)


def test_the_page_takes_as_many_queries_whatever_the_parties_and_items(client, world):
    """Each follow-up of the round costs the same few queries whatever its Parties and items: three
    follow-ups, ever larger (2 items by 2 Parties, then 5 by 6, then 6 by 8), add the same count each."""
    client.force_login(world.staff)  # a reader with a session: the page is built each time
    counts = []
    for parties, items in ((0, 0), (4, 3), (2, 1)):
        _grow(world, parties=parties, items=items)
        counts.append(_queries(client, world.round))
    assert counts[1] - counts[0] == counts[2] - counts[1] == 4
    assert counts[0] <= 20
