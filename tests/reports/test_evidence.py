"""A finding points to its evidence: the Party page, both factsheets (EN and FR, links read with pypdf) and
the API link each finding to the exact answer and public comment it rests on; evidence the public may not
see (a comment made confidential after it was cited) is never linked."""

import io

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from pypdf import PdfReader
from rest_framework.test import APIClient

from civil_society.services.moderation import contribution_make_confidential
from reports.factsheets import factsheet_render
from reports.models import Finding
from reports.refresh import current_versions
from reports.services import finding_adopt
from tests.factories import ContributionItemFactory, FindingFactory

from .conftest import create

pytestmark = pytest.mark.django_db

SITE = "https://portal.example.org"


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.SITE_URL = SITE + "/"


@pytest.fixture
def cited(world):
    """An adopted recommendation on A resting on question 1: A's answer to it and a public comment with items
    on questions 1 and 3 (the one on question 1 is the one cited)."""
    ContributionItemFactory(
        contribution=world.public_comment, question=world.questions["3"], text="<p>On 3</p>"
    )
    ContributionItemFactory(
        contribution=world.public_comment, question=world.questions["1"], text="<p>On 1</p>"
    )
    return finding_adopt(finding=create(world), by=world.staff)


def party_page(client, world, language: str = "en") -> str:
    with translation.override(language):
        response = client.get(reverse("party-reply", args=[world.round.slug, world.party_a.code]))
    assert response.status_code == 200
    return response.content.decode()


def anchors(world) -> tuple[str, str]:
    return "answer-1", f"contribution-{world.public_comment.pk}-q-1"


def link_uris(sheet) -> list[str]:
    with sheet.file.open("rb") as stream:
        reader = PdfReader(io.BytesIO(stream.read()))
    uris = []
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A") or {}
            if "/URI" in action:
                uris.append(str(action["/URI"]))
    return uris


def test_the_party_page_anchors_each_answer_and_comment_item_and_links_the_finding_to_them(
    client, world, cited
):
    answer, comment = anchors(world)

    page = party_page(client, world)

    assert f'id="{answer}"' in page and f'id="{comment}"' in page
    assert f'id="contribution-{world.public_comment.pk}-q-3"' in page  # every item has its anchor
    finding = page.split('class="party-findings"', 1)[1].split('id="q-1"', 1)[0]
    assert f'<a href="#{answer}">Aland, answer to question 1</a>' in finding
    assert f'<a href="#{comment}">Alpha Child Rights, comment on question 1</a>' in finding


def test_the_french_party_page_names_the_evidence_in_french(client, world, cited):
    answer, comment = anchors(world)

    page = party_page(client, world, "fr")

    assert f'<a href="#{answer}">Alande, réponse à la question 1</a>' in page
    assert f'<a href="#{comment}">Alpha Child Rights, commentaire sur la question 1</a>' in page


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("kind", ["country", "thematic"])
def test_both_factsheets_link_each_finding_to_its_evidence_on_the_party_page(world, cited, kind, language):
    answer, comment = anchors(world)
    subject = {"party": world.party_a} if kind == "country" else {"theme": "prevention"}

    sheet = factsheet_render(round=world.round, kind=kind, language=language, **subject)

    page = f"{SITE}/{language}/rounds/round-findings/parties/ZA/"
    uris = link_uris(sheet)
    assert f"{page}#{answer}" in uris and f"{page}#{comment}" in uris
    # and the comment's own page, at the item cited
    own = f"{SITE}/{language}/rounds/round-findings/contributions/{world.public_comment.pk}/#q-1"
    assert own in uris


def test_a_comment_made_confidential_after_being_cited_is_linked_nowhere(client, world, cited):
    comment = f"contribution-{world.public_comment.pk}"
    sheet = factsheet_render(round=world.round, kind="country", party=world.party_a, language="en")
    assert any(comment in uri for uri in link_uris(sheet))

    contribution_make_confidential(contribution=world.public_comment, by=world.staff)

    # The factsheet's data changed (the refresh renders it again), and nothing links the comment any more.
    assert current_versions(world.round)[("country", "ZA")] != sheet.data_version
    for kind, subject in (("country", {"party": world.party_a}), ("thematic", {"theme": "prevention"})):
        for language in ("en", "fr"):
            again = factsheet_render(round=world.round, kind=kind, language=language, **subject)
            uris = link_uris(again)
            assert not any(comment in uri for uri in uris) and any("#answer-1" in uri for uri in uris)
    page = party_page(client, world)
    assert comment not in page and "Alpha Child Rights" not in page and 'href="#answer-1"' in page
    rows = APIClient().get(reverse("api:finding-list", kwargs={"slug": world.round.slug})).json()["results"]
    assert [piece["kind"] for piece in rows[0]["evidence"]] == ["answer"]


def test_evidence_stored_that_the_public_may_not_see_is_never_linked(client, world):
    """Even written past the services' checks, a confidential or unacknowledged comment or an unpublished
    answer cited by an adopted finding reaches no page, no PDF, no API answer: the public gates decide."""
    for contribution in (world.confidential_comment, world.unacknowledged_comment):
        ContributionItemFactory(
            contribution=contribution, question=world.questions["1"], text="<p>Hidden</p>"
        )
    FindingFactory(
        round=world.round,
        title_en="Leaky finding",
        questions=[world.questions["1"]],
        parties=[world.party_a],
        answers=[world.draft_answer],
        contributions=[world.confidential_comment, world.unacknowledged_comment],
        state=Finding.State.ADOPTED,
        adopted_at=timezone.now(),
    )
    hidden = [
        f"contribution-{world.confidential_comment.pk}",
        f"contribution-{world.unacknowledged_comment.pk}",
    ]
    hidden += ["parties/ZB/", "<p>Hidden</p>"]

    page = party_page(client, world)
    rows = APIClient().get(reverse("api:finding-list", kwargs={"slug": world.round.slug})).json()["results"]
    sheets = [
        factsheet_render(round=world.round, kind=kind, language=language, **subject)
        for kind, subject in (("country", {"party": world.party_a}), ("thematic", {"theme": "prevention"}))
        for language in ("en", "fr")
    ]

    assert "Leaky finding" in page and 'class="evidence"' not in page
    assert not any(marker in page for marker in hidden)
    assert rows[0]["evidence"] == []
    for sheet in sheets:
        assert not any(marker in uri for uri in link_uris(sheet) for marker in hidden)


def test_the_api_gives_each_finding_the_urls_of_its_public_evidence(world, cited):
    url = reverse("api:finding-list", kwargs={"slug": world.round.slug})

    for client in (APIClient(), _staff_client(world)):
        evidence = client.get(url, HTTP_ACCEPT_LANGUAGE="fr").json()["results"][0]["evidence"]

        page = "http://testserver/fr/rounds/round-findings/parties/ZA/"
        assert evidence == [
            {"kind": "answer", "party": "ZA", "question": "1", "comment": None, "url": f"{page}#answer-1"},
            {
                "kind": "comment",
                "party": "ZA",
                "question": "1",
                "comment": world.public_comment.pk,
                "url": f"{page}#contribution-{world.public_comment.pk}-q-1",
            },
        ]


def _staff_client(world) -> APIClient:
    """The Secretariat reads confidential comments too, but the links lead to public pages only."""
    client = APIClient()
    client.force_login(world.staff)
    return client


def test_the_question_page_anchors_each_partys_answer(client, world, cited):
    page = client.get(reverse("question-compare", args=[world.round.slug, "1"])).content.decode()

    assert 'id="party-ZA"' in page and 'id="answer-ZA-1"' in page
