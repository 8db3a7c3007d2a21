"""The follow-up over the API (`GET rounds/{slug}/follow-up/`): each follow-up of the round with its items
and, Party by Party, the current level and its history; adopted assessments only, whoever asks; 404 without
a follow-up the viewer may see; queries constant in Parties and items."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from rest_framework.test import APIClient

from followup.services import assessment_adopt, assessment_propose, clarification_request
from rounds.models import Round
from tests.followup.test_selectors import _grow

pytestmark = pytest.mark.django_db

DURING = datetime.date(2026, 9, 2)


def api(user=None) -> APIClient:
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


def url(round_) -> str:
    return f"/api/v1/rounds/{round_.slug}/follow-up/"


def _assess(world, exercise, *, party, level, adopt=True, on=DURING, reasoning=None, question=None):
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


def test_the_items_and_each_party_compliance_with_its_history(world, exercise):
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

    response = api().get(url(world.round))

    assert response.status_code == 200
    body = response.json()
    assert body["round"] == world.round.slug
    [follow_up] = body["follow_ups"]
    assert follow_up["slug"] == exercise.round.slug
    assert follow_up["label"] == exercise.round.label
    assert [item["reference"] for item in follow_up["items"]] == ["R-1", "R-3"]
    r1, r3 = follow_up["items"]
    assert r1["parties"] == [world.party_a.code] and r3["parties"] == []
    assert r1["grade"] == "urges" and r1["title"] == "Recommendation R-1"
    assert r1["finding"] == world.r1.finding_id and r1["question"] == exercise.q_r1.number
    by_party = {party["party"]: party for party in follow_up["parties"]}
    assert set(by_party) == {world.party_a.code, world.party_b.code}
    b = {cell["reference"]: cell for cell in by_party[world.party_b.code]["compliance"]}
    assert b["R-1"] == {"reference": "R-1", "asked": False, "level": None, "history": []}
    assert b["R-3"]["level"] == "partially_complied"
    assert b["R-3"]["history"] == [
        {"level": "not_complied", "cycle": 1, "adopted_on": "2026-09-01", "meeting": world.meeting.number},
        {
            "level": "partially_complied",
            "cycle": 2,
            "adopted_on": "2026-09-03",
            "meeting": world.meeting.number,
        },
    ]
    a = {cell["reference"]: cell for cell in by_party[world.party_a.code]["compliance"]}
    assert a["R-1"] == {"reference": "R-1", "asked": True, "level": None, "history": []}


def test_proposals_are_never_listed_whoever_asks(world, exercise):
    _assess(world, exercise, party=world.party_a, level="complied", adopt=False, reasoning="SECRET-REASONING")

    for user in (None, world.ngo, world.focal, world.member, world.staff):
        response = api(user).get(url(world.round))
        assert response.status_code == 200
        assert "SECRET-REASONING" not in response.content.decode()
        assert "complied" not in response.content.decode()


def test_no_follow_up_visible_404(world, exercise):
    assert api().get("/api/v1/rounds/no-such-round/follow-up/").status_code == 404
    assert api().get(url(exercise.round)).status_code == 404
    exercise.round.status = Round.Status.PREPARATION
    exercise.round.save()
    assert api().get(url(world.round)).status_code == 404
    assert api(world.focal).get(url(world.round)).status_code == 404
    assert api(world.staff).get(url(world.round)).status_code == 200


def _queries(round_) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert api().get(url(round_)).status_code == 200
    return len(captured.captured_queries)


def test_queries_constant_in_parties_and_items(world):
    counts = []
    for parties, items in ((0, 0), (4, 3), (2, 1)):
        _grow(world, parties=parties, items=items)
        counts.append(_queries(world.round))
    assert counts[1] - counts[0] == counts[2] - counts[1] == 4
    assert counts[0] <= 8
