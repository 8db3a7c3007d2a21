"""The adopted report's public page (`/rounds/<slug>/report/`): contents, chapters, statements at their
anchors with their public evidence, the PDFs; 404 without an adopted report; the round page's link; French;
the page's cache following the adoption and corrections."""

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from civil_society.services.moderation import contribution_make_confidential
from evaluation import services
from evaluation.models import ReportDocument
from tests.evaluation.report_world import BODY_EN, adopt_a_report

pytestmark = pytest.mark.django_db


def page_url(world, language: str = "en") -> str:
    with translation.override(language):
        return reverse("round-report", args=[world.round.slug])


def page(client, world, language: str = "en") -> str:
    response = client.get(page_url(world, language))
    assert response.status_code == 200
    return response.content.decode()


def test_no_adopted_report_no_page(client, world):
    adopt_a_report(world, adopt=False)  # a draft only

    assert client.get(page_url(world)).status_code == 404
    assert client.get(reverse("round-report", args=["no-such-round"])).status_code == 404
    client.force_login(world.staff)  # whoever asks: drafts are read on the internal pages
    assert client.get(page_url(world)).status_code == 404


def test_the_adopted_report_with_contents_chapters_and_statements(
    client, world, django_assert_max_num_queries
):
    adopted = adopt_a_report(world)

    with django_assert_max_num_queries(22):
        html = page(client, world)

    assert "<h1>Protecting children against ICT-facilitated abuse</h1>" in html
    assert "T-ES(2022)02" in html
    assert "at the Committee's meeting no. 41, on 10 March 2026" in html
    # The contents, nested: the section inside its chapter's entry.
    contents = html.split('class="report-contents"')[1].split("</nav>")[0]
    assert contents.index('href="#chapter-I"') < contents.index('href="#chapter-I-1"')
    assert contents.count('class="report-toc-level"') == 2
    assert 'id="chapter-I"' in html and 'id="chapter-I-1"' in html and 'id="chapter-II"' in html
    assert BODY_EN in html  # sanitised HTML, shown as HTML
    # Each statement at its anchor, with its reference, grade and Parties concerned.
    assert f'id="{adopted.recommendation.anchor}"' in html and adopted.recommendation.anchor == "r-1"
    recommendation = html.split('id="r-1"')[1].split("</article>")[0]
    assert ">R-1</a>" in recommendation and "tag-grade" in recommendation
    concerned = recommendation.split("statement-parties")[1].split("</p>")[0]
    assert "Party concerned:" in concerned
    assert world.party_b.name_en in concerned and world.party_a.name_en not in concerned
    challenge = html.split('id="c-1"')[1].split("</article>")[0]
    assert "Parties concerned: all Parties" in challenge
    assert 'id="p-1"' in html


def test_the_page_costs_the_same_queries_however_long_the_report(client, world):
    adopted = adopt_a_report(world, adopt=False)
    for number in ("III", "III.1", "IV"):
        chapter = services.chapter_create(
            report=adopted.report, number=number, title_en=f"Chapter {number}", title_fr="", by=world.staff
        )
        for _ in range(3):
            services.statement_add(
                chapter=chapter,
                kind="challenge",
                grade="",
                title_en="More",
                title_fr="Plus",
                text_en="More text.",
                text_fr="Plus de texte.",
                answers=[world.answer_a1],
                contributions=[world.public],
                questions=[world.q1],
                applies_to_all=True,
                by=world.staff,
            )
    services.report_adopt(
        report=adopted.report, meeting=adopted.meeting, adopted_on=adopted.meeting.ends_on, by=world.staff
    )

    with CaptureQueriesContext(connection) as queries:
        html = page(client, world)

    assert html.count('class="statement ') == 12
    assert len(queries) <= 22


def test_each_statement_links_to_its_public_evidence(client, world):
    adopt_a_report(world)

    recommendation = page(client, world).split('id="r-1"')[1].split("</article>")[0]

    party_page = reverse("party-reply", args=[world.round.slug, world.party_a.code])
    assert f'href="{party_page}#answer-1"' in recommendation
    contribution = reverse("public-contribution", args=[world.round.slug, world.public.pk])
    assert f'href="{contribution}#q-1"' in recommendation


def test_a_comment_made_confidential_after_adoption_links_nowhere(client, world):
    adopt_a_report(world)
    contribution_make_confidential(contribution=world.public, by=world.staff)

    html = page(client, world)

    assert reverse("public-contribution", args=[world.round.slug, world.public.pk]) not in html
    assert "SECRET-CANARY" not in html


def test_the_pdfs_are_offered_once_rendered(client, world):
    adopted = adopt_a_report(world)
    assert "report-pdfs" not in page(client, world)
    document = ReportDocument.objects.get(report=adopted.report, language="fr")  # queued at adoption
    document.file.save("report.pdf", ContentFile(b"%PDF-1.7 test"), save=False)
    document.rendered_at, document.pages = timezone.now(), 12
    document.save()

    html = page(client, world)  # the rendering changed the public data: the page is built again

    pdf = reverse("round-report-pdf", args=[world.round.slug, adopted.report.pk, "fr"])
    assert f'href="{pdf}"' in html and "12 pages" in html
    assert reverse("round-report-pdf", args=[world.round.slug, adopted.report.pk, "en"]) not in html
    response = client.get(pdf)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == b"%PDF-1.7 test"
    assert client.get(pdf.replace("/fr.pdf", "/en.pdf")).status_code == 404  # not rendered


def test_a_draft_reports_pdf_is_never_served(client, world):
    drafted = adopt_a_report(world, adopt=False)
    document = ReportDocument.objects.create(report=drafted.report, language="en", rendered_at=timezone.now())
    document.file.save("report.pdf", ContentFile(b"%PDF-1.7 draft"))

    client.force_login(world.member)
    assert (
        client.get(reverse("round-report-pdf", args=[world.round.slug, drafted.report.pk, "en"])).status_code
        == 404
    )


def test_the_round_page_links_to_the_report_once_adopted(client, world):
    round_page = reverse("round-detail", args=[world.round.slug])
    report = page_url(world)
    drafted = adopt_a_report(world, adopt=False)
    assert report not in client.get(round_page).content.decode()

    services.report_adopt(
        report=drafted.report, meeting=drafted.meeting, adopted_on=drafted.meeting.ends_on, by=world.staff
    )

    assert report in client.get(round_page).content.decode()


def test_a_correction_shows_at_once_for_readers_without_a_session(client, world):
    adopted = adopt_a_report(world)
    assert "Helplines funded by the State" in page(client, world)
    statement = adopted.practice
    statement.text_en = "Helplines paid for by the State answer children."
    statement.save()

    assert "Helplines paid for by the State answer children." in page(client, world)


def test_in_french(client, world):
    adopt_a_report(world)

    html = page(client, world, "fr")

    assert "<h1>Protéger les enfants contre les abus facilités par les TIC</h1>" in html
    assert "Cadres juridiques" in html and "La plupart des Parties incriminent" in html
    assert "Définir le matériel autoproduit en droit" in html
    assert "10 mars 2026" in html
