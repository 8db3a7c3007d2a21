"""The public page of a Party in a round: the reply with its attachments, the public comments, the
Committee's adopted findings and factsheets; the same for every reader, cached until its data changes."""

import re

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import translation

from civil_society.services.moderation import contribution_make_confidential
from reports.factsheets import factsheet_render
from reports.services import finding_adopt
from rounds.models import Language
from submissions.answer_html import answer_html, answer_with_html
from submissions.models import Answer, Attachment
from tests.factories import ContributionItemFactory
from tests.reports.conftest import CANARY, create

pytestmark = pytest.mark.django_db

ROLES = ("anonymous", "focal_a", "member", "staff")


def url(world, **query) -> str:
    base = reverse("party-reply", args=[world.round.slug, world.party_a.code])
    return base + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def without_tokens(page: str) -> str:
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", page)


def log_in(client, world, role: str) -> None:
    if role != "anonymous":
        client.force_login(getattr(world, role))


@pytest.fixture
def published(world):
    """An adopted recommendation and a draft canary finding on A; a public and a confidential comment item;
    a document of the whole reply and one on question 1; A's country factsheet in English."""
    finding_adopt(finding=create(world, title_en="Define child sexual abuse material"), by=world.staff)
    create(world, title_en=CANARY, title_fr=CANARY, text_en=CANARY, text_fr=CANARY, contributions=[])
    ContributionItemFactory(
        contribution=world.public_comment, question=world.questions["1"], text="<p>PUBLIC-ITEM</p>"
    )
    ContributionItemFactory(
        contribution=world.confidential_comment,
        question=world.questions["1"],
        text="<p>CONFIDENTIAL-ITEM</p>",
    )
    reply = world.published_answer.reply
    for title, question in (("Action plan 2024", None), ("Police guidelines", world.questions["1"])):
        attachment = Attachment(
            reply=reply,
            question=question,
            title=title,
            language="en",
            original_name="a.pdf",
            kind="pdf",
            size=4,
            sha256="0" * 64,
            uploaded_by=world.focal_a,
        )
        attachment.file.save("a.pdf", ContentFile(b"%PDF"), save=False)
        attachment.save()
    return factsheet_render(round=world.round, kind="country", party=world.party_a, language="en")


@pytest.mark.parametrize("role", ROLES)
def test_every_reader_sees_the_same_public_page(client, world, published, role):
    log_in(client, world, role)

    page = client.get(url(world)).content.decode()

    assert "Define child sexual abuse material" in page and "Recommendations" in page
    assert reverse("factsheet-download", kwargs={"pk": published.pk}) in page
    assert "Action plan 2024" in page
    q1 = page.split('id="q-1"', 1)[1].split('id="q-2"', 1)[0]
    assert "Police guidelines" in q1 and "PUBLIC-ITEM" in q1 and world.published_answer.text in q1
    assert CANARY not in page and "CONFIDENTIAL-ITEM" not in page
    assert world.draft_answer.text not in page


def test_a_cached_page_shows_a_comment_made_confidential_at_once(client, world, published):
    assert "PUBLIC-ITEM" in client.get(url(world)).content.decode()

    contribution_make_confidential(contribution=world.public_comment, by=world.staff)

    assert "PUBLIC-ITEM" not in client.get(url(world)).content.decode()


def test_a_cached_page_shows_a_finding_adopted_since(client, world, published):
    client.get(url(world))

    finding_adopt(finding=create(world, title_en="Remove dual criminality"), by=world.staff)

    assert "Remove dual criminality" in client.get(url(world)).content.decode()


def test_a_warm_page_costs_fewer_queries_and_the_same_html(
    client, world, published, django_assert_max_num_queries
):
    cold = client.get(url(world)).content.decode()

    with django_assert_max_num_queries(4):  # the data version, the reply, the comment window (2)
        warm = client.get(url(world)).content.decode()

    assert without_tokens(warm) == without_tokens(cold)


def test_a_finding_names_the_questions_it_rests_on_as_one_list(client, world, published):
    """One item of the flex row of metadata: its commas are not spread apart like separate items."""
    questions = [world.questions["1"], world.questions["2"]]
    finding_adopt(finding=create(world, questions=questions), by=world.staff)

    page = client.get(url(world)).content.decode()

    assert '<span>Rests on questions <a href="#q-1">1</a>, <a href="#q-2">2</a></span>' in page


def test_the_french_page_is_cached_apart(client, world, published):
    client.get(url(world))

    page = client.get(f"/fr/rounds/{world.round.slug}/parties/{world.party_a.code}/").content.decode()

    assert "Recommandations" in page and "Définir le matériel" in page


def test_the_reader_chooses_which_texts_to_see(client, world, published):
    reply = world.published_answer.reply
    reply.national_language = Language.objects.create(code="xx", name_en="Xish", name_fr="Xois")
    reply.save()
    world.published_answer.national_text = "NATIONAL-TEXT"
    answer_with_html(world.published_answer).save()

    both = client.get(url(world)).content.decode()
    official = client.get(url(world, versions="official")).content.decode()
    national = client.get(url(world, versions="national")).content.decode()

    assert world.published_answer.text in both and "NATIONAL-TEXT" in both
    assert world.published_answer.text in official and "NATIONAL-TEXT" not in official
    assert world.published_answer.text not in national and "NATIONAL-TEXT" in national
    assert 'lang="xx"' in national


def test_side_by_side_texts_keep_both_labels_when_the_national_text_is_empty(client, world, published):
    reply = world.published_answer.reply
    reply.national_language = Language.objects.create(code="xx", name_en="Xish", name_fr="Xois")
    reply.save()
    world.published_answer.national_text = ""
    answer_with_html(world.published_answer).save()

    page = client.get(url(world)).content.decode()

    assert f'<h4 class="column-title">{reply.get_language_display()}</h4>' in page
    assert '<h4 class="column-title">Xish</h4>' in page and "No text in this language." in page


def test_a_reader_without_a_session_gets_the_whole_page_from_the_cache_and_a_member_never_does(
    client, world, published, django_assert_num_queries
):
    page_url = url(world)
    first = client.get(page_url).content.decode()
    with django_assert_num_queries(0):  # the data version and the page, both from the cache
        assert client.get(page_url).content.decode() == first

    log_in(client, world, "member")
    page = client.get(page_url).content.decode()
    assert "Log out (" in page and "Log out (" not in first  # built for the member, not the cached copy


def test_a_web_process_serves_a_page_from_its_memory_until_the_shared_cache_is_emptied(
    client, world, published, django_assert_num_queries
):
    from django.core.cache import cache

    from public.cache import page_key

    page_url = url(world)
    first = client.get(page_url).content.decode()
    with translation.override("en"):
        cache.delete(page_key(page_url))
    with django_assert_num_queries(0):  # the shared copy is gone: the process's own copy serves
        assert client.get(page_url).content.decode() == first

    # Changed without a save (no signal, no new data version): only emptying the shared cache shows it.
    changed = "CHANGED-BEHIND-THE-CACHE"
    Answer.objects.filter(pk=world.published_answer.pk).update(text=changed, text_html=answer_html(changed))
    assert "CHANGED-BEHIND-THE-CACHE" not in client.get(page_url).content.decode()
    cache.clear()  # a new generation: the process's copy is not served again
    assert "CHANGED-BEHIND-THE-CACHE" in client.get(page_url).content.decode()


def test_a_reader_served_from_the_cache_can_still_switch_language(world, published):
    from django.test import Client

    Client().get(url(world))  # cached by the first reader
    newcomer = Client(enforce_csrf_checks=True)
    page = newcomer.get(url(world)).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    newcomer.cookies.clear()  # the cached copy carries another reader's token, and sets no cookie
    response = newcomer.post(
        reverse("set_language"), {"language": "fr", "next": url(world), "csrfmiddlewaretoken": token}
    )
    assert response.status_code == 302 and response.url.startswith("/fr/")
