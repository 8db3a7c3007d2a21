"""The evaluation over the API: `GET rounds/{slug}/report/` (adopted reports for everyone, drafts flagged
for evaluators) and `GET/PUT rounds/{slug}/observations/{id}/` (evaluators; 409 `edit_conflict` with
`current`, 403 `not_permitted`, 404 for anyone else)."""

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone
from rest_framework.test import APIClient

from evaluation import services
from evaluation.models import Observation, ReportDocument
from tests.evaluation.report_world import BODY_EN, BODY_FR, adopt_a_report

pytestmark = pytest.mark.django_db


def api(user=None) -> APIClient:
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


def report_url(world) -> str:
    return f"/api/v1/rounds/{world.round.slug}/report/"


def observation_url(world, observation) -> str:
    return f"/api/v1/rounds/{world.round.slug}/observations/{observation.pk}/"


def test_the_public_reads_the_adopted_report_with_its_chapters_statements_evidence_and_pdfs(
    world, django_assert_max_num_queries
):
    adopted = adopt_a_report(world)
    services.report_create(round=world.round, title_en="A second draft", title_fr="", by=world.staff)
    document = ReportDocument.objects.get(report=adopted.report, language="en")
    document.file.save("report.pdf", ContentFile(b"%PDF-1.7"), save=False)
    document.rendered_at, document.pages, document.sha256 = timezone.now(), 5, "0" * 64
    document.save()

    with django_assert_max_num_queries(23):
        response = api().get(report_url(world))

    assert response.status_code == 200, response.content
    body = response.json()
    assert body["round"] == world.round.slug
    [report] = body["reports"]  # the draft is not the public's
    assert report["state"] == "adopted" and report["document_ref"] == "T-ES(2022)02"
    assert report["adopted_on"] == "2026-03-10" and report["meeting"] == 41
    assert report["title_fr"] == "Protéger les enfants contre les abus facilités par les TIC"
    assert report["url"] == f"http://testserver/en/rounds/{world.round.slug}/report/"
    assert [(pdf["language"], pdf["pages"]) for pdf in report["pdf"]] == [("en", 5)]
    assert report["pdf"][0]["url"].endswith(
        f"/en/rounds/{world.round.slug}/report/{adopted.report.pk}/en.pdf"
    )
    assert [(c["number"], c["depth"]) for c in report["chapters"]] == [("I", 0), ("I.1", 1), ("II", 0)]
    legal, section, support = report["chapters"]
    assert legal["body"] == BODY_EN and legal["body_fr"] == BODY_FR
    assert section["questions"] == ["1"]
    [recommendation] = section["statements"]
    assert recommendation["reference"] == "R-1" and recommendation["grade"] == "urges"
    assert recommendation["parties"] == [world.party_b.code] and recommendation["questions"] == ["1"]
    adopted.recommendation.refresh_from_db()
    assert recommendation["finding"] == adopted.recommendation.finding_id is not None
    assert recommendation["url"].endswith(f"/rounds/{world.round.slug}/report/#r-1")
    kinds = sorted((e["kind"], e["party"], e["question"]) for e in recommendation["evidence"])
    assert kinds == sorted(
        [
            ("answer", world.party_a.code, "1"),
            ("answer", world.party_b.code, "1"),
            ("comment", world.party_a.code, "1"),
        ]
    )
    comment = next(e for e in recommendation["evidence"] if e["kind"] == "comment")
    assert comment["comment"] == world.public.pk
    assert (
        comment["url"]
        == f"http://testserver/en/rounds/{world.round.slug}/contributions/{world.public.pk}/#q-1"
    )
    challenge = support["statements"][1]
    assert challenge["applies_to_all"] and challenge["parties"] == sorted(
        [world.party_a.code, world.party_b.code]
    )
    assert "SECRET-CANARY" not in response.content.decode()


def test_in_french_the_texts_follow_the_language(world):
    adopt_a_report(world)

    report = api().get(report_url(world), HTTP_ACCEPT_LANGUAGE="fr").json()["reports"][0]

    assert report["title"] == "Protéger les enfants contre les abus facilités par les TIC"
    assert report["chapters"][0]["body"] == BODY_FR


@pytest.mark.parametrize("who", ["staff", "member", "rapporteur"])
def test_evaluators_also_read_drafts_flagged_by_state(world, who):
    adopt_a_report(world)
    services.report_create(round=world.round, title_en="A second draft", title_fr="", by=world.staff)

    reports = api(getattr(world, who)).get(report_url(world)).json()["reports"]

    assert [(r["title_en"], r["state"]) for r in reports] == [
        ("Protecting children against ICT-facilitated abuse", "adopted"),
        ("A second draft", "draft"),
    ]
    assert reports[1]["url"] is None and reports[1]["adopted_on"] is None and reports[1]["meeting"] is None


@pytest.mark.parametrize("who", ["ngo", "focal", None])
def test_others_read_no_draft(world, who):
    adopt_a_report(world, adopt=False)

    response = api(getattr(world, who) if who else None).get(report_url(world))

    assert response.status_code == 200 and response.json()["reports"] == []


def test_an_unknown_round_is_not_found(world):
    response = api().get("/api/v1/rounds/no-such-round/report/")

    assert response.status_code == 404 and response.json()["code"] == "not_found"


@pytest.fixture
def observation(world) -> Observation:
    return services.observation_create(
        round=world.round,
        questions=[world.q1],
        title="Observations on Question 1",
        rapporteur=world.rapporteur_member,
        by=world.staff,
    )


def test_an_evaluator_reads_an_observation(world, observation, django_assert_max_num_queries):
    with django_assert_max_num_queries(4):
        response = api(world.member).get(observation_url(world, observation))

    assert response.status_code == 200, response.content
    body = response.json()
    assert body["id"] == observation.pk and body["round"] == world.round.slug
    assert body["questions"] == ["1"] and body["rapporteur"] == world.party_a.code
    assert body["version"] == 0 and body["state"] == "draft"
    assert body["may_write"] is False
    assert api(world.rapporteur).get(observation_url(world, observation)).json()["may_write"] is True


@pytest.mark.parametrize("who", ["ngo", "focal", None])
def test_anyone_else_is_told_it_does_not_exist(world, observation, who):
    client = api(getattr(world, who) if who else None)

    read = client.get(observation_url(world, observation))
    write = client.put(observation_url(world, observation), {"body": "<p>x</p>", "version": 0}, format="json")

    assert read.status_code == 404 and read.json()["code"] == "not_found"
    assert write.status_code == (401 if who is None else 404)
    observation.refresh_from_db()
    assert observation.version == 0 and observation.body == ""


def test_the_rapporteur_saves_and_a_stale_save_is_a_conflict_with_the_current_text(world, observation):
    url = observation_url(world, observation)

    saved = api(world.rapporteur).put(
        url, {"body": "<p>First text.</p><script>x</script>", "version": 0}, format="json"
    )
    stale = api(world.staff).put(url, {"body": "<p>Another text.</p>", "version": 0}, format="json")

    assert saved.status_code == 200, saved.content
    assert saved.json()["version"] == 1 and saved.json()["body"] == "<p>First text.</p>"
    assert saved.json()["saved_by"] == world.rapporteur.username
    assert stale.status_code == 409
    conflict = stale.json()
    assert conflict["code"] == "edit_conflict"
    assert conflict["current"]["body"] == "<p>First text.</p>" and conflict["current"]["version"] == 1
    assert conflict["current"]["saved_by"] == str(world.rapporteur)
    observation.refresh_from_db()
    assert observation.body == "<p>First text.</p>" and observation.version == 1


def test_a_member_who_reads_but_may_not_write_is_refused_403(world, observation):
    response = api(world.member).put(
        observation_url(world, observation), {"body": "<p>Mine.</p>", "version": 0}, format="json"
    )

    assert response.status_code == 403 and response.json()["code"] == "not_permitted"
    observation.refresh_from_db()
    assert observation.version == 0


def test_an_invalid_body_is_400(world, observation):
    response = api(world.rapporteur).put(
        observation_url(world, observation), {"body": "<p>x</p>"}, format="json"
    )

    assert response.status_code == 400 and response.json()["code"] == "invalid"
    assert "version" in response.json()["errors"]
