"""The adopted report's PDF: rendered by the PDF worker's task, tagged, in the document's language, with a
table of contents of links and bookmarks, and the evidence as endnotes with their public addresses; rendered
once per data version; never for a draft."""

import datetime
import io
import re
import shutil
import subprocess

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from pypdf import PdfReader

from evaluation.errors import InvalidEvaluation
from evaluation.models import ReportDocument
from evaluation.services.documents import (
    report_document_render,
    report_documents_queue,
    report_documents_requeue,
)
from evaluation.tasks import report_document_render_task
from tests.evaluation.report_world import adopt_a_report

pytestmark = pytest.mark.django_db

PDFTOPPM = shutil.which("pdftoppm")  # poppler-utils


def reader(document: ReportDocument) -> PdfReader:
    with document.file.open("rb") as stream:
        return PdfReader(io.BytesIO(stream.read()))


def outline_titles(outline) -> list[str]:
    titles = []
    for entry in outline:
        titles += outline_titles(entry) if isinstance(entry, list) else [entry.title]
    return titles


def link_targets(pdf: PdfReader) -> tuple[list[str], int]:
    """The external addresses of the PDF's links, and how many links lead inside it."""
    urls, internal = [], 0
    for page in pdf.pages:
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            if annotation.get("/Subtype") != "/Link":
                continue
            action = annotation.get("/A")
            if action is not None and action.get_object().get("/URI"):
                urls.append(str(action.get_object()["/URI"]))
            else:
                internal += 1
    return urls, internal


def test_the_pdf_in_english_with_contents_bookmarks_language_links_and_endnotes(world, tmp_path):
    adopted = adopt_a_report(world)

    document = report_document_render(report=adopted.report, language="en")

    assert document.rendered_at and document.pages >= 4 and len(document.sha256) == 64
    assert re.search(
        rf"reports/{world.round.slug}/report-{adopted.report.pk}-en(_\w+)?\.pdf$", document.file.name
    )
    pdf = reader(document)
    assert pdf.trailer["/Root"]["/Lang"] == "en"
    assert "/StructTreeRoot" in pdf.trailer["/Root"]  # tagged
    assert pdf.metadata.title == "Protecting children against ICT-facilitated abuse"
    titles = outline_titles(pdf.outline)
    assert titles[0] == "Protecting children against ICT-facilitated abuse"
    assert "I Legal frameworks" in titles and "I.1 Self-generated material" in titles
    assert "R-1 Define self-generated material in law" in titles and "Evidence" in titles
    nested = next(entry for entry in pdf.outline if isinstance(entry, list))
    assert nested, "the sections are bookmarked under their chapters"
    text = "\n".join(page.extract_text() for page in pdf.pages)
    assert "R-1" in text and "P-1" in text and "C-1" in text
    assert "Contents" in text and "T-ES(2022)02" in text
    urls, internal = link_targets(pdf)
    assert internal >= 6  # the contents' entries, the notes' calls and their way back
    site = settings.SITE_URL.rstrip("/")
    party_page = reverse("party-reply", args=[world.round.slug, world.party_a.code])
    contribution = reverse("public-contribution", args=[world.round.slug, world.public.pk])
    assert f"{site}{party_page}#answer-1" in urls
    assert f"{site}{contribution}#q-1" in urls
    assert f"{site}{reverse('round-report', args=[world.round.slug])}" in urls
    assert "SECRET-CANARY" not in text


@pytest.mark.skipif(PDFTOPPM is None, reason="poppler-utils (pdftoppm) is not installed")
def test_a_page_of_the_pdf_renders_to_an_image(world, tmp_path):
    adopted = adopt_a_report(world)
    document = report_document_render(report=adopted.report, language="fr")
    source = tmp_path / "report.pdf"
    source.write_bytes(document.file.open("rb").read())

    subprocess.run(
        [PDFTOPPM, "-png", "-r", "50", "-f", "3", "-l", "3", str(source), str(tmp_path / "page")],
        check=True,
    )

    [image] = list(tmp_path.glob("page*.png"))
    from PIL import Image

    with Image.open(image) as page:
        assert page.size[0] > 300 and page.convert("L").getextrema()[0] < 100  # ink on the page


def test_the_pdf_in_french(world):
    adopted = adopt_a_report(world)

    document = report_document_render(report=adopted.report, language="fr")

    pdf = reader(document)
    assert pdf.trailer["/Root"]["/Lang"] == "fr"
    text = "\n".join(page.extract_text() for page in pdf.pages)
    assert "Cadres juridiques" in text and "Sommaire" in text and "Éléments à l'appui" in text
    assert "10 mars 2026" in text
    with translation.override("fr"):
        party_page = reverse("party-reply", args=[world.round.slug, world.party_a.code])
    assert party_page.startswith("/fr/")
    assert any(url.endswith(f"{party_page}#answer-1") for url in link_targets(pdf)[0])


def test_rendered_once_per_data_version_and_again_after_a_correction(world):
    adopted = adopt_a_report(world)
    first = report_document_render(report=adopted.report, language="en")
    rendered_at, sha256 = first.rendered_at, first.sha256

    again = report_document_render_task.apply(args=[adopted.report.pk, "en"]).get()  # a task run twice
    assert again is None
    first.refresh_from_db()
    assert (first.rendered_at, first.sha256) == (rendered_at, sha256)

    adopted.challenge.text_en = "Victims wait two years for a hearing."
    adopted.challenge.save()
    corrected = report_document_render(report=adopted.report, language="en")

    assert corrected.rendered_at > rendered_at and corrected.sha256 != sha256
    assert "Victims wait two years" in "\n".join(page.extract_text() for page in reader(corrected).pages)
    assert ReportDocument.objects.filter(report=adopted.report, language="en").count() == 1


def test_a_draft_is_never_rendered(world):
    drafted = adopt_a_report(world, adopt=False)

    with pytest.raises(InvalidEvaluation):
        report_document_render(report=drafted.report, language="en")
    with pytest.raises(InvalidEvaluation):
        report_document_render(report=drafted.report, language="de")
    assert not ReportDocument.objects.filter(report=drafted.report).exclude(file="").exists()


def test_the_adoption_queues_both_languages_on_the_pdf_queue_after_the_commit(
    world, django_capture_on_commit_callbacks
):
    assert settings.CELERY_TASK_ROUTES["evaluation.tasks.report_document_render_task"] == {"queue": "pdf"}
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        adopted = adopt_a_report(world)
    documents = ReportDocument.objects.filter(report=adopted.report).order_by("language")
    assert [(d.language, bool(d.queued_at), bool(d.file)) for d in documents] == [
        ("en", True, False),
        ("fr", True, False),
    ]
    assert len(callbacks) >= 2

    for callback in callbacks:  # the commit: the tasks run (eagerly, in the tests)
        callback()

    documents = ReportDocument.objects.filter(report=adopted.report).order_by("language")
    assert [(d.language, d.queued_at, d.pages > 0) for d in documents] == [
        ("en", None, True),
        ("fr", None, True),
    ]


def test_queueing_again_keeps_one_document_per_language(world, django_capture_on_commit_callbacks):
    adopted = adopt_a_report(world)

    with django_capture_on_commit_callbacks(execute=False):
        report_documents_queue(report=adopted.report)

    assert ReportDocument.objects.filter(report=adopted.report).count() == 2


def test_a_rendering_lost_with_its_worker_is_queued_again_and_done(world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):  # adopted; the renderings never ran
        adopted = adopt_a_report(world)
    queued = ReportDocument.objects.get(report=adopted.report, language="en").queued_at
    soon = queued + datetime.timedelta(seconds=settings.FACTSHEET_REQUEUE_AFTER_SECONDS - 1)
    later = queued + datetime.timedelta(seconds=settings.FACTSHEET_REQUEUE_AFTER_SECONDS + 1)

    assert report_documents_requeue(now=soon) == 0
    assert report_documents_requeue(now=later) == 2  # the tasks run eagerly in the tests

    documents = ReportDocument.objects.filter(report=adopted.report)
    assert all(document.rendered_at and document.queued_at is None for document in documents)
    assert report_documents_requeue(now=later + datetime.timedelta(hours=1)) == 0


def test_the_pdf_embeds_the_publications_typeface_only(world):
    adopted = adopt_a_report(world)

    pdf = reader(report_document_render(report=adopted.report, language="fr"))

    fonts = set()
    for page in pdf.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            fonts.add(str(font["/BaseFont"]).split("+")[-1])
            assert "/FontFile2" in font["/DescendantFonts"][0].get_object()["/FontDescriptor"]  # embedded
    assert fonts and all(name.startswith("Noto-Sans") for name in fonts), fonts
