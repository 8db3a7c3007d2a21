"""Factsheets: the PDFs they produce (opened with pypdf), what they never contain, how they are served."""

import hashlib
import io

import pytest
from django.core.management import call_command
from django.utils import timezone
from pypdf import PdfReader

from reports.factsheets import factsheet_render, links
from reports.models import Factsheet
from reports.pdf import FetchRefused, StaticOnlyURLFetcher, static_root
from reports.refresh import current_versions
from reports.services import finding_adopt
from rounds.models import Language
from tests.factories import ContributionItemFactory

from .conftest import CANARY, create
from .test_evidence import link_uris

pytestmark = pytest.mark.django_db

CONFIDENTIAL_CANARY = "CANARY-confidential-comment-91c2"


@pytest.fixture
def adopted(world):
    """An adopted recommendation on Party A, a draft finding with a canary, a confidential canary comment."""
    finding = create(world, title_en="Define child sexual abuse material", figure_label_en="Parties defining")
    finding_adopt(finding=finding, by=world.staff)
    create(world, title_en=CANARY, title_fr=CANARY, text_en=CANARY, text_fr=CANARY, contributions=[])
    ContributionItemFactory(
        contribution=world.confidential_comment, question=world.questions["1"], text=CONFIDENTIAL_CANARY
    )
    return finding


def read(factsheet: Factsheet) -> tuple[PdfReader, str]:
    with factsheet.file.open("rb") as stream:
        reader = PdfReader(io.BytesIO(stream.read()))
    return reader, "\n".join(page.extract_text() for page in reader.pages)


def test_country_factsheet_pdf_has_pages_bookmarks_metadata_and_only_public_findings(world, adopted):
    sheet = factsheet_render(round=world.round, kind="country", party=world.party_a, language="en")

    reader, text = read(sheet)
    assert sheet.pages == len(reader.pages) >= 1  # a short factsheet: the content starts on its first page
    assert [item.title for item in reader.outline if not isinstance(item, list)]
    assert "Aland" in reader.metadata.title
    assert reader.metadata.author == "Council of Europe \N{EN DASH} Lanzarote Committee"
    assert reader.trailer["/Root"]["/Lang"] == "en"
    assert "define child sexual abuse material in law" in " ".join(text.split())  # its text runs in, wrapped
    assert CANARY not in text and CONFIDENTIAL_CANARY not in text
    assert "1 public contribution" in text  # the acknowledged public one; not the confidential, not the draft
    assert "http://127.0.0.1:8000/en/rounds/round-findings/parties/ZA/" in text.replace("\n", "")
    with sheet.file.open("rb") as stream:
        assert sheet.sha256 == hashlib.sha256(stream.read()).hexdigest()
    assert sheet.rendered_at and len(sheet.data_version) == 64 and sheet.file.name.startswith("factsheets/")


def test_a_long_finding_naming_the_party_is_given_by_its_first_paragraph_and_stands_in_full_in_its_theme(
    world, adopted
):
    text = "The Committee urges the Parties to train the police.\n\nIn 2022, CONTEXT-PARAGRAPH details."
    finding_adopt(
        finding=create(world, title_en="Train the police", theme="prevention", text_en=text), by=world.staff
    )

    country = factsheet_render(round=world.round, kind="country", party=world.party_a, language="en")
    thematic = factsheet_render(round=world.round, kind="thematic", theme="prevention", language="en")

    country_text = " ".join(read(country)[1].split())
    assert "Train the police The Committee urges the Parties to train the police." in country_text
    assert "CONTEXT-PARAGRAPH" not in country_text and "full text and all evidence" in country_text
    assert links.thematic_url(round=world.round, theme="prevention", language="en") in link_uris(country)
    assert "CONTEXT-PARAGRAPH" in read(thematic)[1]
    # A finding of one paragraph stands whole in the country factsheet, with no link to a fuller text.
    assert "define child sexual abuse material in law" in country_text


def test_french_factsheet_is_in_french(world, adopted):
    sheet = factsheet_render(round=world.round, kind="country", party=world.party_a, language="fr")

    reader, text = read(sheet)
    assert reader.trailer["/Root"]["/Lang"] == "fr"
    assert "Comité de Lanzarote" in text and "Cycle de suivi 52" in text
    assert "exhorte / exige" in text  # the grade of its recommendation
    assert "Alande" in reader.metadata.title
    assert CANARY not in text


def test_rendering_again_from_the_same_data_changes_nothing(world, adopted):
    first = factsheet_render(round=world.round, kind="country", party=world.party_a, language="en")
    rendered_at, name = first.rendered_at, first.file.name

    again = factsheet_render(round=world.round, kind="country", party=world.party_a, language="en")

    assert (again.pk, again.rendered_at, again.file.name) == (first.pk, rendered_at, name)


def test_thematic_factsheet_draws_a_bar_and_names_the_parties(world, adopted):
    sheet = factsheet_render(round=world.round, kind="thematic", theme="prevention", language="en")

    reader, text = read(sheet)
    assert sheet.pages >= 1 and reader.outline
    assert "Define child sexual abuse material" in text
    assert "1 of 2" in text and "Aland" in text
    assert CANARY not in text


def test_the_fetcher_serves_static_files_only():
    fetcher = StaticOnlyURLFetcher()

    assert fetcher.fetch(static_root().as_uri() + "/css/factsheet.css").read().startswith(b"/*")
    for url in (
        "http://example.org/x.png",
        "https://example.org/x.css",
        "file:///etc/passwd",
        static_root().as_uri() + "/../manage.py",
        "data:text/plain,hello",
    ):
        with pytest.raises(FetchRefused):
            fetcher.fetch(url)


def test_the_command_renders_every_factsheet_of_a_round(world, adopted, capsys):
    call_command("render_factsheets", "--round", world.round.slug, "--sync")

    sheets = Factsheet.objects.filter(round=world.round)
    # 2 Parties monitored + 1 theme with adopted findings, in 2 languages.
    assert sheets.count() == 6
    assert all(sheet.pages >= 1 and sheet.sha256 for sheet in sheets)
    assert "[6/6]" in capsys.readouterr().out


def test_the_command_renders_current_factsheets_again_only_when_forced(world, adopted):
    call_command("render_factsheets", "--round", world.round.slug, "--sync")
    before = dict(Factsheet.objects.values_list("pk", "rendered_at"))

    call_command("render_factsheets", "--round", world.round.slug, "--no-wait")  # eager in tests
    assert dict(Factsheet.objects.values_list("pk", "rendered_at")) == before

    call_command("render_factsheets", "--round", world.round.slug, "--no-wait", "--force")
    after = dict(Factsheet.objects.values_list("pk", "rendered_at"))
    assert after.keys() == before.keys() and all(after[pk] > before[pk] for pk in before)


def test_the_page_lists_factsheets_and_the_download_streams_the_pdf(client, world, adopted):
    sheet = factsheet_render(round=world.round, kind="country", party=world.party_a, language="en")

    page = client.get("/en/factsheets/")
    download = client.get(f"/en/factsheets/{sheet.pk}/download/")

    assert page.status_code == 200 and "Aland" in page.content.decode()
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment;")
    assert b"".join(download.streaming_content).startswith(b"%PDF")
    assert client.get(f"/en/factsheets/{sheet.pk + 1000}/download/").status_code == 404


def test_the_api_lists_a_rounds_factsheets(client, world, adopted, django_assert_max_num_queries):
    sheet = factsheet_render(round=world.round, kind="country", party=world.party_a, language="fr")

    with django_assert_max_num_queries(4):
        response = client.get(f"/api/v1/rounds/{world.round.slug}/factsheets/")

    assert response.status_code == 200
    body = response.json()
    rows = body["results"] if isinstance(body, dict) else body
    assert rows == [
        {
            "kind": "country",
            "party": "ZA",
            "theme": "",
            "language": "fr",
            "url": f"http://testserver/fr/factsheets/{sheet.pk}/download/",
            "sha256": sheet.sha256,
            "rendered_at": rows[0]["rendered_at"],
            "pages": sheet.pages,
        }
    ]
    assert timezone.now() >= sheet.rendered_at


def _fonts(reader: PdfReader) -> dict[str, bool]:
    """{base font name: embedded} of every font the pages use."""
    fonts = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts")
            described = descendants[0].get_object() if descendants else font
            descriptor = described["/FontDescriptor"].get_object()
            embedded = any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
            fonts[str(font["/BaseFont"]).split("+")[-1]] = embedded
    return fonts


@pytest.mark.parametrize("kind", ["country", "thematic"])
def test_the_typeface_shipped_with_the_project_is_embedded(world, adopted, kind):
    subject = {"party": world.party_a} if kind == "country" else {"theme": "prevention"}
    sheet = factsheet_render(round=world.round, kind=kind, language="fr", **subject)

    fonts = _fonts(read(sheet)[0])

    assert fonts and all(fonts.values()), fonts  # every font embedded
    assert set(fonts) <= {"Noto-Sans", "Noto-Sans-Bold", "Noto-Sans-Italic"}, fonts


def test_a_short_factsheet_starts_on_its_first_page_with_the_contents_there(world, adopted):
    sheet = factsheet_render(round=world.round, kind="country", party=world.party_a, language="en")

    reader, _text = read(sheet)
    first = " ".join(reader.pages[0].extract_text().split())

    assert sheet.pages < 6
    # The cover carries the title, the round, the date and the language, then the contents and the content.
    assert "COUNTRY FACTSHEET" in first  # set in capitals
    assert "Aland" in first and "Monitoring round 52" in first and "English" in first
    assert str(timezone.localdate().year) in first
    assert "CONTENTS" in first and "Status in the round" in first
    assert "Reply deadline" in first  # the content itself begins on the first page
    outline = [item for item in reader.outline if not isinstance(item, list)]
    assert reader.get_destination_page_number(outline[0]) == 0


def test_a_country_factsheet_leads_with_its_partys_own_findings_then_lists_the_general_ones(world, adopted):
    general = create(
        world,
        title_en="Every Party: train the judges",
        title_fr="Toutes les Parties : former les juges",
        text_en="GENERAL-FULL-TEXT the Committee invites all Parties to train judges.",
        text_fr="GENERAL-FULL-TEXT le Comité invite toutes les Parties à former les juges.",
        grade="invites",
        parties=[],
        applies_to_all=True,
        position=0,  # first in the round, before the finding naming Party A
    )
    finding_adopt(finding=general, by=world.staff)

    country = factsheet_render(round=world.round, kind="country", party=world.party_a, language="en")
    thematic = factsheet_render(round=world.round, kind="thematic", theme="prevention", language="en")

    text = " ".join(read(country)[1].split())
    text = text[text.index("Reply deadline") :]  # after the contents
    own, listed = (
        text.index("Define child sexual abuse material"),
        text.index("Every Party: train the judges"),
    )
    assert (
        text.index("Recommendations to Aland")
        < own
        < text.index("Findings addressed to all Parties")
        < listed
    )
    assert "define child sexual abuse material in law" in text  # its own: in full, with its grade
    assert "urges / requires Define child sexual abuse material" in text
    assert "GENERAL-FULL-TEXT" not in text  # the general one: by title and grade only ...
    assert "in full in the thematic factsheet" in text
    uris = [
        annotation.get_object()["/A"].get("/URI")
        for page in read(country)[0].pages
        for annotation in page.get("/Annots", [])
        if "/A" in annotation.get_object()
    ]
    assert (
        f"http://127.0.0.1:8000/en/factsheets/#{world.round.slug}-prevention-en" in uris
    )  # ... pointing there
    assert "GENERAL-FULL-TEXT" in " ".join(read(thematic)[1].split())  # where it stands in full


def test_once_the_report_registers_its_link_general_findings_point_to_it_too(world, adopted, monkeypatch):
    general = create(world, title_en="Every Party: train the judges", parties=[], applies_to_all=True)
    finding_adopt(finding=general, by=world.staff)
    before = factsheet_render(round=world.round, kind="country", party=world.party_a, language="en")
    version = before.data_version
    assert "implementation report" not in read(before)[1]

    monkeypatch.setattr(links, "_report_links", [])
    links.report_link_register(lambda round: f"/en/rounds/{round.slug}/report/")

    assert current_versions(world.round)[("country", "ZA")] != version  # the refresh renders it again
    after = factsheet_render(round=world.round, kind="country", party=world.party_a, language="en")
    assert after.data_version == current_versions(world.round)[("country", "ZA")]
    text = " ".join(read(after)[1].split())
    assert "They are also set out in the implementation report:" in text
    assert f"http://127.0.0.1:8000/en/rounds/{world.round.slug}/report/" in text.replace(" ", "")


def test_the_national_language_version_is_named_in_its_own_script_with_its_font_embedded(world, adopted):
    reply = world.published_answer.reply
    reply.national_language = Language.objects.create(code="ka", name_en="Georgian", name_fr="géorgien")
    reply.save()

    sheet = factsheet_render(round=world.round, kind="country", party=world.party_a, language="fr")

    reader, text = read(sheet)
    assert "Géorgien (ქართული)" in " ".join(text.split())
    assert "?versions=national" in " ".join(str(uri) for uri in _uris(reader))
    fonts = _fonts(reader)
    assert fonts.get("Noto-Sans-Georgian") is True and fonts.get("Noto-Sans") is True


def _uris(reader: PdfReader) -> list[str]:
    return [
        annotation.get_object()["/A"].get("/URI")
        for page in reader.pages
        for annotation in page.get("/Annots", [])
        if "/A" in annotation.get_object()
    ]
