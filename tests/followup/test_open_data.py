"""The follow-up in a round's open data (format 4): the items each public follow-up asks about and the adopted
assessments, in the JSON document and as CSV files described by the dictionary; a proposed assessment, or an
exercise in preparation, never."""

import csv
import datetime
import io
import json
import zipfile

import pytest
from django.urls import reverse

from public.opendata.build import TABLE_KEYS, open_data_document
from public.opendata.dictionary import BY_NAME
from rounds.models import Round
from tests.followup.test_public import _assess

pytestmark = pytest.mark.django_db

TABLES = ("follow_up_items", "follow_up_assessments")


@pytest.fixture
def assessed(world, exercise):
    _assess(world, exercise, party=world.party_a, level="not_complied", on=datetime.date(2026, 9, 1))
    _assess(world, exercise, party=world.party_a, level="complied", reasoning="Adopted reasoning.")
    _assess(world, exercise, party=world.party_b, level="complied", adopt=False, reasoning="PROPOSED-ONLY")
    return exercise


def test_the_document_holds_the_items_and_the_adopted_assessments(world, assessed):
    document = open_data_document(round=world.round)

    assert document["format_version"] == 4
    assert set(TABLES) <= set(TABLE_KEYS)
    for name in TABLES:
        assert all(list(row) == BY_NAME[name].json_keys for row in document[name]), name
    slug = assessed.round.slug
    assert document["follow_up_items"] == [
        {
            "round": slug,
            "question": "1",
            "reference": "R-1",
            "finding_id": world.r1.finding_id,
            "statement_reference": "R-1",
            "parties": [world.party_a.code],
        },
        {
            "round": slug,
            "question": "3",
            "reference": "R-3",
            "finding_id": world.r3.finding_id,
            "statement_reference": "R-3",
            "parties": [],
        },
    ]
    assert {row["finding_id"] for row in document["follow_up_items"]} <= {
        row["id"] for row in document["findings"]
    }
    assert [
        (row["party"], row["cycle"], row["level"], row["adopted_on"])
        for row in document["follow_up_assessments"]
    ] == [
        (world.party_a.code, 1, "not_complied", "2026-09-01"),
        (world.party_a.code, 1, "complied", "2026-09-02"),
    ]
    assert document["follow_up_assessments"][1]["meeting"] == world.meeting.number
    assert "PROPOSED-ONLY" not in json.dumps(document)


def test_the_zip_has_a_csv_per_table_and_no_proposal(client, world, assessed):
    response = client.get(reverse("round-open-data-zip", args=[world.round.slug]))
    assert response.status_code == 200
    archive = zipfile.ZipFile(io.BytesIO(response.content))

    rows = list(csv.DictReader(io.StringIO(archive.read("follow_up_assessments.csv").decode("utf-8-sig"))))
    items = list(csv.DictReader(io.StringIO(archive.read("follow_up_items.csv").decode("utf-8-sig"))))

    assert [row["level"] for row in rows] == ["not_complied", "complied"]
    assert items[0]["parties"] == world.party_a.code and items[1]["parties"] == ""
    assert "follow_up_assessments.csv" in archive.read("README.txt").decode()
    assert all(b"PROPOSED-ONLY" not in archive.read(name) for name in archive.namelist())
    page = client.get(reverse("round-open-data", args=[world.round.slug])).content.decode()
    assert all(f"<code>{field.name}</code>" in page for field in BY_NAME["follow_up_assessments"].fields)


def test_an_exercise_in_preparation_is_not_in_the_data(world, assessed):
    assessed.round.status = Round.Status.PREPARATION
    assessed.round.save()

    document = open_data_document(round=world.round)

    assert document["follow_up_items"] == document["follow_up_assessments"] == []
