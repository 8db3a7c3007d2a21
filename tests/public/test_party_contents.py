"""The Party page's contents: its sections and the questions, theme by theme, with links back to them."""

import re

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from submissions.models import Attachment

pytestmark = pytest.mark.django_db


def test_the_party_page_has_contents_by_theme_and_question_with_links_back(client, world):
    page = client.get(reverse("party-reply", args=[world.round.slug, world.party_a.code])).content.decode()

    contents = re.search(r'<nav class="toc no-print".*?</nav>', page, re.S).group(0)
    assert '<details id="contents" data-toc>' in contents and "<summary>Contents</summary>" in contents
    assert 'href="#theme-1">Prevention</a>' in contents and 'href="#theme-2">Prosecution</a>' in contents
    for number in ("1", "2", "3"):
        assert f'href="#q-{number}"' in contents and f'id="q-{number}"' in page
    assert '<h2 id="theme-1">Prevention</h2>' in page and '<h2 id="theme-2">Prosecution</h2>' in page
    assert page.count('<a href="#contents">Back to contents</a>') == 2
    # A reader's page has no question states: those are the focal point's
    assert "toc-state" not in contents
    assert "js/toc.js" in page and "<script>" not in page


def test_the_party_page_names_the_language_of_a_document(client, world):
    attachment = Attachment(
        reply=world.published_answer.reply,
        title="Plan d'action",
        language="fr",
        original_name="a.pdf",
        kind="pdf",
        size=4,
        sha256="0" * 64,
        uploaded_by=world.focal_a,
    )
    attachment.file.save("a.pdf", ContentFile(b"%PDF"), save=False)
    attachment.save()

    page = client.get(reverse("party-reply", args=[world.round.slug, world.party_a.code])).content.decode()

    assert "(PDF, 4\xa0bytes, French)" in page
    assert 'href="#reply-documents">Documents sent with the reply</a>' in page
