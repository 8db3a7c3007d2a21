"""A confidential contribution cited in an observation reaches its Rapporteur and the Secretariat, and
nothing else: not another member's view of the observation, nor anything published once the report is
adopted (its pages, PDFs, API, open data, search, feeds and factsheets), whoever reads them.

The other side is checked too: the adopted report's own words are on each surface, so each was read."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from evaluation import services
from evaluation.services.documents import report_document_render
from reports.factsheets import factsheet_render

pytestmark = pytest.mark.django_db

CANARY = "SECRET-CANARY"  # planted in the world's confidential item (tests/evaluation/conftest.py)
REPORT_WORDS = "Legislate on self-generated material"


@pytest.fixture
def adopted(world):
    observation = services.observation_create(
        round=world.round,
        questions=[world.q1],
        title="Q1",
        by=world.rapporteur,
        rapporteur=world.rapporteur_member,
    )
    services.observation_save(
        observation=observation, body="<p>See the citations.</p>", version=0, by=world.rapporteur
    )
    services.citation_add(
        observation=observation, by=world.rapporteur, item=world.confidential_item, passage=CANARY
    )
    services.citation_add(
        observation=observation, by=world.rapporteur, item=world.public_item, passage="wait two years"
    )
    meeting = services.meeting_create(
        number=31,
        place="online",
        starts_on=world.round.reply_deadline,
        ends_on=world.round.reply_deadline,
        by=world.staff,
    )
    report = services.report_create(
        round=world.round, title_en="Implementation report", title_fr="Rapport", by=world.staff
    )
    chapter = services.chapter_create(
        report=report, number="I", title_en="Legal frameworks", title_fr="Cadres juridiques", by=world.staff
    )
    services.chapter_save(
        chapter=chapter,
        title_en="Legal frameworks",
        title_fr="Cadres juridiques",
        version=0,
        by=world.staff,
        body_en="<p>The Committee read every reply.</p>",
        body_fr="<p>Le Comité a lu chaque réponse.</p>",
    )
    services.statement_add(
        chapter=chapter,
        kind="recommendation",
        grade="urges",
        title_en=REPORT_WORDS,
        title_fr="Légiférer",
        text_en="The Committee urges it.",
        text_fr="Le Comité l'exhorte.",
        by=world.staff,
        questions=[world.q1],
        parties=[world.party_b],
        answers=[world.answer_b1],
        contributions=[world.public],
    )
    services.report_adopt(report=report, meeting=meeting, adopted_on=meeting.starts_on, by=world.staff)
    world.observation, world.report = observation, report
    return world


READERS = ("anonymous", "member", "rapporteur", "ngo", "focal", "staff")


def _published_urls(world) -> list[str]:
    slug = world.round.slug
    return [
        reverse("round-report", args=[slug]),
        reverse("round-detail", args=[slug]),
        reverse("round-feed", args=[slug]),
        reverse("party-feed", args=[slug, world.party_a.code]),
        reverse("party-reply", args=[slug, world.party_a.code]),
        reverse("question-compare", args=[slug, "1"]),
        reverse("round-open-data-json", args=[slug]),
        reverse("api:report", args=[slug]),
        reverse("api:finding-list", args=[slug]),
        reverse("api:round-open-data", args=[slug]),
        f"{reverse('search')}?q=shelter",
    ]


@pytest.mark.parametrize("reader", READERS)
def test_no_published_surface_carries_the_confidential_citation(client, adopted, reader):
    if reader != "anonymous":
        client.force_login(getattr(adopted, reader))
    read_the_report = False
    for url in _published_urls(adopted):
        for language in ("en", "fr"):
            response = client.get(url.replace("/en/", f"/{language}/", 1), HTTP_ACCEPT_LANGUAGE=language)
            assert response.status_code == 200, url
            content = response.content.decode()
            assert CANARY not in content, f"{url} ({language}) for {reader}"
            assert "turns children away" not in content, f"{url} ({language}) for {reader}"
            read_the_report |= REPORT_WORDS in content
    assert read_the_report


def test_no_pdf_of_the_report_and_no_factsheet_carries_it(adopted):
    texts = []
    for language in ("en", "fr"):
        document = report_document_render(report=adopted.report, language=language)
        with document.file.open("rb") as stream:
            texts.append("".join(page.extract_text() for page in PdfReader(io.BytesIO(stream.read())).pages))
    for kind, subject in (("country", {"party": adopted.party_b}), ("thematic", {"theme": "prevention"})):
        sheet = factsheet_render(round=adopted.round, kind=kind, language="en", **subject)
        with sheet.file.open("rb") as stream:
            texts.append("".join(page.extract_text() for page in PdfReader(io.BytesIO(stream.read())).pages))
    assert REPORT_WORDS in texts[0]
    for text in texts:
        assert CANARY not in text and "turns children away" not in text


def test_the_rapporteur_reads_the_citation_and_another_member_only_that_it_exists(client, adopted):
    url = reverse("evaluation-observation", args=[adopted.round.slug, adopted.observation.pk])
    client.force_login(adopted.rapporteur)
    assert CANARY in client.get(url).content.decode()
    client.force_login(adopted.member)
    page = client.get(url).content.decode()
    assert CANARY not in page and "wait two years" in page
    client.force_login(adopted.ngo)
    assert client.get(url).status_code == 404
