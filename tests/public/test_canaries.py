"""Nothing that is not public reaches a public page, whoever reads it: a unique string is planted in a draft
answer, an answer of a submitted (unpublished) reply, a confidential and an unacknowledged comment (an item
and the general part of each), and a draft finding; then every public page (the public contribution's own
included), the CSV, the feeds, the search and the factsheets are read, and the pages of the confidential
and unacknowledged contributions are found missing. The pages of the Parties whose reply is not published
are read too: they say only whether and when it was received."""

import io

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from reports.factsheets import factsheet_render
from reports.services import finding_adopt
from submissions.answer_html import answer_with_html
from submissions.models import Reply
from tests.factories import AnswerFactory, ContributionItemFactory, FocalPointFactory, ReplyFactory
from tests.reports.conftest import create

pytestmark = pytest.mark.django_db

CANARIES = {
    "draft answer": "CANARYDRAFTANSWER",
    "unpublished reply": "CANARYUNPUBLISHED",
    "confidential comment": "CANARYCONFIDENTIAL",
    "unacknowledged comment": "CANARYUNACKNOWLEDGED",
    "confidential general part": "CANARYGENERALCONFIDENTIAL",
    "unacknowledged general part": "CANARYGENERALUNACKNOWLEDGED",
    "draft finding": "CANARYDRAFTFINDING",
}
ROLES = ("anonymous", "focal_b", "focal_c", "member", "staff")


@pytest.fixture
def planted(world):
    world.draft_answer.text = f"Our draft says {CANARIES['draft answer']}."
    answer_with_html(world.draft_answer).save()
    submitted = ReplyFactory(
        round=world.round, state=Reply.State.SUBMITTED, submitted_at=timezone.now(), party__code="ZD"
    )
    AnswerFactory(
        reply=submitted, question=world.questions["1"], text=f"Sent: {CANARIES['unpublished reply']}."
    )
    world.focal_c = FocalPointFactory(party=submitted.party, user__username="focal-zd").user
    world.focal_b = FocalPointFactory(party=world.party_b, user__username="focal-zb").user
    for contribution, key in (
        (world.public_comment, None),
        (world.confidential_comment, "confidential comment"),
        (world.unacknowledged_comment, "unacknowledged comment"),
    ):
        text = f"<p>{CANARIES[key]}</p>" if key else "<p>A public observation.</p>"
        ContributionItemFactory(contribution=contribution, question=world.questions["1"], text=text)
        general = CANARIES[key.replace("comment", "general part")] if key else "A public general part."
        contribution.general_text = f"<p>{general}</p>"
        contribution.save()
    finding_adopt(finding=create(world, title_en="An adopted finding"), by=world.staff)
    create(world, title_en=CANARIES["draft finding"], text_en=CANARIES["draft finding"], contributions=[])
    return world


def public_urls(world) -> list[str]:
    slug, round_ = world.round.slug, world.round
    urls = [reverse("home"), reverse("round-list"), reverse("round-detail", args=[slug])]
    urls += [reverse("round-status", args=[slug]), reverse("round-status-csv", args=[slug])]
    urls += [reverse("round-feed", args=[slug]), reverse("factsheet-list")]
    for party in round_.parties.all():
        urls += [reverse("party-feed", args=[slug, party.code])]
    urls += [reverse("party-reply", args=[slug, world.party_a.code])]
    # The pages of the Parties whose reply is a draft (B) or submitted, not published (ZD): its receipt only.
    urls += [reverse("party-reply", args=[slug, code]) for code in (world.party_b.code, "ZD")]
    urls += [reverse("public-contribution", args=[slug, world.public_comment.pk])]
    urls += [reverse("question-compare", args=[slug, number]) for number in world.questions]
    urls += [f"{reverse('search')}?q={canary}" for canary in CANARIES.values()]
    return urls


@pytest.mark.parametrize("role", ROLES)
def test_no_canary_on_any_public_page_for_any_reader(client, planted, role):
    if role != "anonymous":
        client.force_login(getattr(planted, role))
    checked = 0
    for url in public_urls(planted):
        for language in ("en", "fr"):
            localised = url.replace("/en/", f"/{language}/", 1)
            response = client.get(localised)
            assert response.status_code == 200, localised
            content = response.content.decode()
            if "?q=" in url:  # the page repeats the query; it must find nothing
                assert 'class="search-hit' not in content, localised
                content = content.replace(url.split("?q=")[1], "")
            for what, canary in CANARIES.items():
                assert canary not in content, f"{what} on {localised} for {role}"
                checked += 1
    assert checked >= 7 * 2 * 19


@pytest.mark.parametrize("role", ROLES)
def test_the_pages_of_a_confidential_and_an_unacknowledged_contribution_are_missing(client, planted, role):
    if role != "anonymous":
        client.force_login(getattr(planted, role))
    for contribution in (planted.confidential_comment, planted.unacknowledged_comment):
        for language in ("en", "fr"):
            url = reverse("public-contribution", args=[planted.round.slug, contribution.pk])
            response = client.get(url.replace("/en/", f"/{language}/", 1))
            assert response.status_code == 404, (url, language)
            assert not any(canary in response.content.decode() for canary in CANARIES.values())


def test_the_public_pages_show_the_public_general_part(client, planted):
    """The other side of the canaries: the public general part is there, so the pages above were read."""
    for url in (
        reverse("party-reply", args=[planted.round.slug, planted.party_a.code]),
        reverse("public-contribution", args=[planted.round.slug, planted.public_comment.pk]),
        reverse("question-compare", args=[planted.round.slug, "1"]),
    ):
        assert "A public general part." in client.get(url).content.decode(), url
    unpublished = client.get(reverse("party-reply", args=[planted.round.slug, "ZD"])).content.decode()
    assert "The reply was received on" in unpublished


def test_no_canary_in_a_factsheet(planted):
    for kind, subject in (("country", {"party": planted.party_a}), ("thematic", {"theme": "prevention"})):
        sheet = factsheet_render(round=planted.round, kind=kind, language="en", **subject)
        with sheet.file.open("rb") as stream:
            text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(stream.read())).pages)
        assert "An adopted finding" in text or kind == "country"
        for what, canary in CANARIES.items():
            assert canary not in text, f"{what} in the {kind} factsheet"
