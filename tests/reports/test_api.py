"""`GET /api/v1/rounds/{slug}/findings/`: adopted findings for everyone, drafts for the Secretariat too;
filters; figures counted; a constant number of queries however many findings."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from civil_society.services import contribution_make_confidential
from reports.services import finding_adopt
from rounds.models import Round
from tests.factories import FindingFactory, PartyFactory

from .conftest import CANARY, create

pytestmark = pytest.mark.django_db

URL = reverse("api:finding-list", kwargs={"slug": "round-findings"})


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def client_as(world):
    def make(role: str) -> APIClient:
        client = APIClient()
        if role != "anonymous":
            client.force_login(getattr(world, role))
        return client

    return make


@pytest.fixture
def findings(world):
    """An adopted recommendation on A (with evidence), an adopted challenge on all, a draft with a canary."""
    recommendation = finding_adopt(finding=create(world), by=world.staff)
    challenge = finding_adopt(
        finding=create(
            world,
            kind="challenge",
            grade="",
            parties=[],
            applies_to_all=True,
            questions=[world.questions["3"]],
            answers=[],
            contributions=[],
            figure_label_en="",
            figure_label_fr="",
        ),
        by=world.staff,
    )
    draft = create(world, title_en=f"Draft {CANARY}", text_en=f"Not adopted: {CANARY}", grade="invites")
    return recommendation, challenge, draft


@pytest.mark.parametrize("role", ["anonymous", "focal_a", "member", "stranger"])
def test_only_adopted_findings_are_listed_outside_the_secretariat(client_as, findings, role):
    response = client_as(role).get(URL)

    assert response.status_code == 200
    assert [row["id"] for row in response.json()["results"]] == [findings[0].pk, findings[1].pk]
    assert CANARY not in response.content.decode()


def test_the_secretariat_lists_drafts_too(client_as, findings):
    rows = client_as("staff").get(URL).json()["results"]
    assert [row["id"] for row in rows] == [finding.pk for finding in findings]
    assert rows[2]["state"] == "draft" and rows[2]["adopted_at"] is None


def test_a_finding_reads_in_both_languages_with_its_figure_parties_questions_and_evidence(world, findings):
    recommendation = findings[0]

    rows = APIClient().get(URL, HTTP_ACCEPT_LANGUAGE="fr").json()["results"]

    assert rows[0] == {
        "id": recommendation.pk,
        "kind": "recommendation",
        "grade": "urges",
        "state": "adopted",
        "position": 0,
        "title": "Définir le matériel d'abus sexuels sur enfants",  # the language asked for
        "title_en": "Define child sexual abuse material",
        "title_fr": "Définir le matériel d'abus sexuels sur enfants",
        "text": recommendation.text_fr,
        "text_en": recommendation.text_en,
        "text_fr": recommendation.text_fr,
        "theme": "prevention",
        "applies_to_all": False,
        "parties": ["ZA"],
        "questions": ["1"],
        "figure": {
            "label": "Parties définissant le matériel d'abus en droit",
            "label_en": "Parties defining CSAM in law",
            "label_fr": "Parties définissant le matériel d'abus en droit",
            "count": 1,
        },
        "answers": [{"party": "ZA", "question": "1"}],
        "comments": [world.public_comment.pk],
        "evidence": [
            {
                "kind": "answer",
                "party": "ZA",
                "question": "1",
                "comment": None,
                "url": "http://testserver/fr/rounds/round-findings/parties/ZA/#answer-1",
            },
            {  # a comment without items: read on its own page
                "kind": "comment",
                "party": "ZA",
                "question": "",
                "comment": world.public_comment.pk,
                "url": f"http://testserver/fr/rounds/round-findings/contributions/{world.public_comment.pk}/",
            },
        ],
        "adopted_at": rows[0]["adopted_at"],
    }
    assert rows[0]["adopted_at"]
    assert (rows[1]["parties"], rows[1]["applies_to_all"], rows[1]["figure"]["count"]) == (
        ["ZA", "ZB"],
        True,
        2,
    )


def test_a_comment_made_confidential_after_being_cited_is_not_listed_as_evidence(world, api, findings):
    contribution_make_confidential(contribution=world.public_comment, by=world.staff)

    assert api.get(URL).json()["results"][0]["comments"] == []


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("party=ZA", [0, 1]),
        ("party=zb", [1]),  # B is concerned by the finding on all Parties only
        ("party=ZC", []),  # not monitored in the round
        ("kind=challenge", [1]),
        ("grade=urges", [0]),
        ("grade=invites", []),  # the draft is not public
        ("theme=prosecution", [1]),
        ("question=1", [0]),
        ("question=3", [1]),
        ("kind=recommendation&party=ZB", []),
    ],
)
def test_filters_narrow_what_the_caller_may_see(api, findings, query, expected):
    rows = api.get(f"{URL}?{query}").json()["results"]
    assert [row["id"] for row in rows] == [findings[index].pk for index in expected]


def test_an_unknown_kind_is_a_validation_error(api, findings):
    response = api.get(f"{URL}?kind=opinion")
    assert response.status_code == 400 and response.json()["code"] == "invalid"


def test_findings_of_a_round_in_preparation_are_not_found_outside_the_secretariat(world, client_as, findings):
    Round.objects.filter(pk=world.round.pk).update(status=Round.Status.PREPARATION)
    assert client_as("anonymous").get(URL).json()["code"] == "not_found"
    assert client_as("focal_a").get(URL).status_code == 404
    assert len(client_as("staff").get(URL).json()["results"]) == 3


def test_the_list_is_paginated_like_the_others(api, findings):
    body = api.get(URL).json()
    assert {"count", "next", "previous", "results"} <= body.keys() and body["count"] == 2


# Round, page count, page, then one query each for Parties, questions, answers, comments and the Parties
# monitored, and five for the public evidence (answers, comments with their Parties and items, questions);
# an anonymous read also reads the public data's version (its ETag); a login adds the session and the user,
# and (outside the Secretariat) the caller's Party and organisation, looked up once each.
@pytest.mark.parametrize(
    ("role", "queries"), [("anonymous", 15), ("member", 18), ("focal_a", 18), ("staff", 16)]
)
def test_the_number_of_queries_is_pinned_and_does_not_grow_with_the_findings(
    world, client_as, findings, role, queries, django_assert_num_queries
):
    client = client_as(role)
    with django_assert_num_queries(queries):
        client.get(URL)
    for index in range(10):
        parties = [world.party_a, world.party_b] if index % 2 else []
        finding = FindingFactory(round=world.round, parties=parties, applies_to_all=not parties)
        finding.questions.set([world.questions["1"], world.questions["3"]])
        finding.answers.set([world.published_answer])
        finding.contributions.set([world.public_comment])
        finding_adopt(finding=finding, by=world.staff)
    PartyFactory()

    with django_assert_num_queries(queries):
        response = client.get(URL)

    assert response.json()["count"] >= 12
