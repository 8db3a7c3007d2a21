"""The adopted reports in a round's open data: the tables `reports`, `report_chapters` and
`report_statements` in the JSON document and the zip, described by the dictionary; drafts and evidence no
longer public never in them; a document with a report restored into an empty database exports the same."""

import csv
import io
import json
import zipfile

import pytest
from django.core.management import call_command
from django.urls import reverse

from civil_society.services.moderation import contribution_make_confidential
from evaluation import services
from evaluation.models import Report
from public.opendata.build import TABLE_KEYS, open_data_document
from public.opendata.dictionary import BY_NAME
from reports.models import Factsheet, Finding
from submissions.models import Reply
from tests.evaluation.report_world import BODY_FR, adopt_a_report

pytestmark = pytest.mark.django_db


def document_of(client, world) -> dict:
    response = client.get(reverse("round-open-data-json", args=[world.round.slug]))
    assert response.status_code == 200
    return json.loads(response.content)


def test_the_adopted_report_its_chapters_and_statements_in_the_document(client, world):
    adopted = adopt_a_report(world)
    services.report_create(round=world.round, title_en="A draft", title_fr="Un brouillon", by=world.staff)

    document = document_of(client, world)

    assert document["format_version"] == 4
    assert {"reports", "report_chapters", "report_statements"} <= set(TABLE_KEYS)
    [report] = document["reports"]  # not the draft
    assert report == {
        "id": adopted.report.pk,
        "position": 0,
        "title_en": "Protecting children against ICT-facilitated abuse",
        "title_fr": "Protéger les enfants contre les abus facilités par les TIC",
        "document_ref": "T-ES(2022)02",
        "adopted_on": "2026-03-10",
        "meeting": 41,
    }
    assert [(c["number"], c["questions"]) for c in document["report_chapters"]] == [
        ("I", []),
        ("I.1", ["1"]),
        ("II", []),
    ]
    assert document["report_chapters"][0]["html_fr"] == BODY_FR
    statements = {s["reference"]: s for s in document["report_statements"]}
    assert list(statements) == ["R-1", "P-1", "C-1"]
    recommendation = statements["R-1"]
    assert recommendation["chapter"] == "I.1" and recommendation["grade"] == "urges"
    assert recommendation["parties"] == [world.party_b.code]
    assert recommendation["evidence_answer_ids"] == sorted([world.answer_a1.pk, world.answer_b1.pk])
    assert recommendation["evidence_contribution_ids"] == [world.public.pk]
    findings = {f["id"] for f in document["findings"]}
    assert all(s["finding_id"] in findings for s in statements.values())
    assert statements["C-1"]["applies_to_all"] and statements["C-1"]["parties"] == []
    for name in ("reports", "report_chapters", "report_statements"):
        assert all(list(row) == BY_NAME[name].json_keys for row in document[name]), name
    assert "SECRET-CANARY" not in json.dumps(document)


def test_the_zip_holds_the_report_tables(client, world):
    adopt_a_report(world)

    response = client.get(reverse("round-open-data-zip", args=[world.round.slug]))

    archive = zipfile.ZipFile(io.BytesIO(response.content))
    rows = list(csv.DictReader(io.StringIO(archive.read("report_statements.csv").decode("utf-8-sig"))))
    assert [row["reference"] for row in rows] == ["R-1", "P-1", "C-1"]
    assert rows[2]["applies_to_all"] == "true"
    assert {"reports.csv", "report_chapters.csv"} <= set(archive.namelist())
    readme = archive.read("README.txt").decode()
    assert "report_statements.csv" in readme and "Numéro de la réunion du Comité qui l'a adopté" in readme


def test_evidence_no_longer_public_is_left_out(client, world):
    adopt_a_report(world)
    contribution_make_confidential(contribution=world.public, by=world.staff)

    document = document_of(client, world)

    recommendation = next(s for s in document["report_statements"] if s["reference"] == "R-1")
    assert recommendation["evidence_contribution_ids"] == []


def test_a_round_without_an_adopted_report_has_empty_tables(client, world):
    adopt_a_report(world, adopt=False)

    document = document_of(client, world)

    assert document["reports"] == document["report_chapters"] == document["report_statements"] == []


def test_the_dictionary_page_describes_the_report_tables(client, world):
    page = client.get(reverse("round-open-data", args=[world.round.slug])).content.decode()

    for name in ("reports", "report_chapters", "report_statements"):
        assert all(f"<code>{field.name}</code>" in page for field in BY_NAME[name].fields), name


def test_a_document_with_a_report_is_restored_and_exports_the_same(client, world, tmp_path):
    adopted = adopt_a_report(world)
    exported = document_of(client, world)
    path = tmp_path / "open-data.json"
    path.write_text(json.dumps(exported))
    slug = world.round.slug
    Report.objects.filter(round=world.round).delete()
    for model in (Finding, Factsheet, Reply):
        model.objects.filter(round=world.round).delete()
    from civil_society.models import Contribution
    from rounds.models import Round

    Contribution.objects.filter(round=world.round).delete()
    Round.objects.filter(slug=slug).delete()

    call_command("load_open_data", str(path), stdout=io.StringIO())

    restored = open_data_document(round=Round.objects.get(slug=slug))
    strip = {"generated_at"}
    assert {k: v for k, v in restored.items() if k not in strip} == {
        k: v for k, v in exported.items() if k not in strip
    }
    assert Report.objects.get(pk=adopted.report.pk).state == Report.State.ADOPTED
