"""Search across published answers, public comments and adopted findings: what is found, how it is shown,
and what is never found, whoever searches."""

import datetime
from collections import defaultdict

import pytest
from django.contrib.postgres.search import SearchQuery
from django.core.cache import cache
from django.db import connection
from django.urls import reverse
from django.utils import translation

from civil_society.models import Contribution, ContributionItem
from public.cache import public_data_version
from public.search import Filters, search
from public.search import matching as search_module
from questionnaires.models import Question, Theme
from reports.models import Finding
from reports.services import finding_adopt
from rounds.models import Language
from submissions.answer_html import answer_with_html
from submissions.models import Answer, Reply
from tests.factories import (
    AnswerFactory,
    ContributionFactory,
    ContributionItemFactory,
    FocalPointFactory,
    PartyFactory,
    QuestionFactory,
    ReplyFactory,
)
from tests.reports.conftest import create

pytestmark = pytest.mark.django_db

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="full-text search is PostgreSQL's"
)

CANARIES = {
    "draft answer": "zanzibarcanary",
    "submitted reply": "quokkacanary",
    "confidential contribution": "wombatcanary",
    "unacknowledged contribution": "narwhalcanary",
    "unadopted finding": "axolotlcanary",
}


def search_page(client, **params):
    return client.get(reverse("search"), params)


@pytest.fixture
def texts(world):
    """Searchable texts: A's published answer in English (with markup typed into it), a French reply, a
    public comment item, an adopted finding, and one unique word in every place the public never sees."""
    answer = world.published_answer
    answer.text = "Awareness campaigns reach children in schools. <script>alert('x')</script> Helplines too."
    answer_with_html(answer).save()
    french = ReplyFactory(
        round=world.round,
        party=PartyFactory(code="ZF", name_en="Fredonia", name_fr="Fredonie"),
        state=Reply.State.PUBLISHED,
        published_on=datetime.date(2025, 12, 20),
        language="fr",
    )
    french_answer = AnswerFactory(
        reply=french,
        question=world.questions["3"],
        text="Les enquêteurs protègent les enfants victimes lors des auditions.",
    )
    item = ContributionItemFactory(
        contribution=world.public_comment,
        question=world.questions["2"],
        text="<p>Peer mentoring &amp; outreach programmes in <strong>rural</strong> areas.</p>",
    )
    finding_adopt(
        finding=create(
            world,
            title_en="Prosecute grooming online",
            title_fr="Poursuivre la sollicitation en ligne",
            text_en="The Committee urges the Parties to criminalise grooming wherever it happens.",
            text_fr="Le Comité exhorte les Parties à incriminer la sollicitation où qu'elle se produise.",
            theme=Theme.PROSECUTION,
            questions=[world.questions["3"]],
        ),
        by=world.staff,
    )
    # The canaries.
    world.draft_answer.text = f"Draft only: {CANARIES['draft answer']}."
    answer_with_html(world.draft_answer).save()
    submitted = ReplyFactory(
        round=world.round, party=PartyFactory(code="ZS", name_en="Syldavia"), state=Reply.State.SUBMITTED
    )
    AnswerFactory(
        reply=submitted, question=world.questions["1"], text=f"Sent: {CANARIES['submitted reply']}."
    )
    ContributionItemFactory(
        contribution=world.confidential_comment,
        question=world.questions["1"],
        text=f"<p>{CANARIES['confidential contribution']}</p>",
    )
    ContributionItemFactory(
        contribution=world.unacknowledged_comment,
        question=world.questions["1"],
        text=f"<p>{CANARIES['unacknowledged contribution']}</p>",
    )
    create(
        world,
        title_en=CANARIES["unadopted finding"],
        title_fr=CANARIES["unadopted finding"],
        text_en=CANARIES["unadopted finding"],
        text_fr=CANARIES["unadopted finding"],
        contributions=[],
    )
    world.french_answer = french_answer
    world.item = item
    world.focal_b = FocalPointFactory(party=world.party_b, user__username="focal-zb").user
    return world


def test_an_empty_query_shows_the_form_only(client, texts):
    response = search_page(client)
    assert response.status_code == 200
    assert response.context["results"] is None
    content = response.content.decode()
    assert 'role="search"' in content and '<label for="id_q">' in content
    assert "search-hits" not in content


def test_a_word_of_a_published_answer_is_found_and_links_to_its_question_on_the_party_page(client, texts):
    response = search_page(client, q="helplines")
    hits = list(response.context["results"])
    assert [(hit.type, hit.party, hit.question.number) for hit in hits] == [("answer", texts.party_a, "1")]
    party_page = reverse("party-reply", kwargs={"slug": texts.round.slug, "iso2": texts.party_a.code})
    assert hits[0].url == f"{party_page}#q-1"
    content = response.content.decode()
    assert f'href="{party_page}#q-1"' in content
    assert "<mark>Helplines</mark>" in content
    assert '<ol class="search-hits" start="1">' in content


def test_the_passage_is_escaped_and_only_the_marks_are_markup(client, texts):
    content = search_page(client, q="children schools").content.decode()
    passage = content.split('class="search-passage"', 1)[1].split("</p>", 1)[0]
    assert "<mark>children</mark>" in passage and "<mark>schools</mark>" in passage
    assert "<script" not in passage
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in passage


def test_a_comment_passage_shows_the_text_without_its_markup(client, texts):
    hits = list(search_page(client, q="mentoring").context["results"])
    assert [hit.type for hit in hits] == ["contribution"]
    passage = str(hits[0].passage)
    assert "<mark>mentoring</mark>" in passage.replace("<mark>Mentoring</mark>", "<mark>mentoring</mark>")
    assert "&amp; outreach" in passage and "<p>" not in passage and "<strong>" not in passage
    assert hits[0].url.endswith("#q-2") and hits[0].organisation == "Alpha Child Rights"


@postgres_only
def test_french_texts_are_stemmed_in_french(client, texts):
    hits = list(search_page(client, q="enfant").context["results"])
    assert [(hit.type, hit.party) for hit in hits] == [("answer", texts.french_answer.reply.party)]
    assert "<mark>enfants</mark>" in hits[0].passage
    assert hits[0].language == "fr"


@postgres_only
def test_english_texts_are_stemmed_in_english(client, texts):
    hits = list(search_page(client, q="campaign school").context["results"])
    assert [hit.party for hit in hits] == [texts.party_a]
    assert "<mark>campaigns</mark>" in hits[0].passage and "<mark>schools</mark>" in hits[0].passage


@postgres_only
def test_web_search_syntax(texts):
    everything = Filters()
    assert search(query='"reach children"', filters=everything).paginator.count == 1
    assert search(query='"children reach"', filters=everything).paginator.count == 0
    assert search(query="helplines -schools", filters=everything).paginator.count == 0
    assert search(query="helplines or enquêteurs", filters=everything).paginator.count == 2


@postgres_only
def test_a_finding_is_found_in_either_language_and_shown_in_the_readers(client, texts):
    hits = list(search_page(client, q="grooming").context["results"])
    assert [(hit.type, hit.title, hit.language) for hit in hits] == [
        ("finding", "Prosecute grooming online", "en")
    ]
    assert hits[0].url == reverse("round-detail", kwargs={"slug": texts.round.slug})
    # A French word, read in English: the passage that matched is the French one, marked as French.
    hits = list(search_page(client, q="incriminer").context["results"])
    assert [(hit.title, hit.language) for hit in hits] == [("Poursuivre la sollicitation en ligne", "fr")]
    assert "<mark>incriminer</mark>" in hits[0].passage
    # Read in French, a French word finds the French version.
    french = client.get("/fr/search/", {"q": "sollicitation"})
    assert [hit.title for hit in french.context["results"]] == ["Poursuivre la sollicitation en ligne"]


@postgres_only
def test_national_language_texts_are_searched_too(client, texts):
    reply = texts.published_answer.reply
    reply.national_language = Language.objects.create(code="zz", name="Zedish")
    reply.save()
    texts.published_answer.national_text = "Kampanjat lapsille kouluissa."
    answer_with_html(texts.published_answer).save()
    hits = list(search_page(client, q="kouluissa").context["results"])
    assert [(hit.party, hit.language) for hit in hits] == [(texts.party_a, "zz")]
    assert "<mark>kouluissa</mark>" in hits[0].passage


def test_filters_narrow_the_results(client, texts):
    word = "helplines"
    assert search_page(client, q=word, round=texts.round.slug).context["results"].paginator.count == 1
    assert search_page(client, q=word, round=texts.other_round.slug).context["results"].paginator.count == 0
    assert (
        search_page(client, q=word, party=texts.party_a.code.lower()).context["results"].paginator.count == 1
    )
    assert search_page(client, q=word, party="ZF").context["results"].paginator.count == 0
    assert search_page(client, q=word, theme="prevention").context["results"].paginator.count == 1
    assert search_page(client, q=word, theme="prosecution").context["results"].paginator.count == 0
    assert search_page(client, q=word, kind="monitoring").context["results"].paginator.count == 1
    assert search_page(client, q=word, kind="capacity_building").context["results"].paginator.count == 0
    assert search_page(client, q=word, type="answer").context["results"].paginator.count == 1
    assert search_page(client, q=word, type="finding").context["results"].paginator.count == 0


@postgres_only
def test_filters_apply_to_comments_and_findings(texts):
    def types(**filters) -> list[str]:
        return [hit.type for hit in search(query="mentoring or grooming", filters=Filters(**filters))]

    assert sorted(types()) == ["contribution", "finding"]
    assert types(type="contribution") == ["contribution"]
    assert types(theme="prosecution") == ["finding"]
    assert types(kind="capacity_building") == ["contribution"]
    assert sorted(types(party=texts.party_a.code)) == ["contribution", "finding"]
    assert types(party=texts.stranger_party.code) == []


@pytest.mark.parametrize("full_text", [False, pytest.param(True, marks=postgres_only)])
def test_a_search_matching_more_than_can_be_ranked_says_only_the_most_recent_are_listed(
    texts, full_text, monkeypatch
):
    answers = Filters(type="answer")
    query = "helplines or enquêteurs" if full_text else "en"  # in "children" and in "enfants"
    uncapped = search(query=query, filters=answers, full_text=full_text)
    assert uncapped.paginator.count >= 2 and uncapped.most_recent_only == 0
    monkeypatch.setattr(search_module, "MAX_MATCHES", 1)
    page = search(query=query, filters=answers, full_text=full_text)
    assert page.paginator.count == 1 and page.most_recent_only == 1


@postgres_only
def test_the_results_page_tells_the_reader_to_narrow_a_search_matching_too_much(client, texts, monkeypatch):
    query = {"q": "helplines or enquêteurs"}
    notice = "only the 1 most recent of each kind are listed"
    assert notice not in search_page(client, **query).content.decode()
    monkeypatch.setattr(search_module, "MAX_MATCHES", 1)
    cache.clear()  # the first page is kept for readers without a session
    assert notice in search_page(client, **query).content.decode()
    with translation.override("fr"):
        page = client.get(reverse("search"), query).content.decode()
    assert "seuls les 1 plus récents de chaque sorte sont listés" in page


def test_an_unknown_filter_value_is_a_form_error_not_a_search(client, texts):
    response = search_page(client, q="helplines", round="no-such-round")
    assert response.status_code == 200
    assert response.context["results"] is None
    assert response.context["form"].errors["round"]


@pytest.mark.parametrize("who", ["anonymous", "staff", "focal_b", "member"])
@pytest.mark.parametrize("where", sorted(CANARIES))
def test_what_the_public_may_not_see_is_never_found(client, texts, who, where):
    if who != "anonymous":
        client.force_login(getattr(texts, who))
    response = search_page(client, q=CANARIES[where])
    assert response.context["results"].paginator.count == 0
    assert "search-hits" not in response.content.decode()


@pytest.mark.parametrize("full_text", [True, False] if connection.vendor == "postgresql" else [False])
def test_canaries_are_not_found_with_either_matcher(texts, full_text):
    for word in CANARIES.values():
        assert search(query=word, filters=Filters(), full_text=full_text).paginator.count == 0


def test_the_fallback_matches_every_word_and_highlights_with_escaping(texts):
    page = search(query="children SCHOOLS", filters=Filters(), full_text=False)
    hits = list(page)
    assert [hit.party for hit in hits] == [texts.party_a]
    passage = str(hits[0].passage)
    assert "<mark>children</mark>" in passage and "<mark>schools</mark>" in passage
    assert "&lt;script&gt;" in passage and "<script" not in passage
    assert search(query="children nowhere", filters=Filters(), full_text=False).paginator.count == 0
    comment = list(search(query="outreach", filters=Filters(), full_text=False))
    assert [hit.type for hit in comment] == ["contribution"]
    assert "<p>" not in comment[0].passage and "&amp; <mark>outreach</mark>" in comment[0].passage


def test_a_results_page_takes_a_constant_number_of_queries(
    client, texts, django_assert_num_queries, django_assert_max_num_queries
):
    """25 answers, 25 comment items and 25 findings match. The form's choices take 3 queries (rounds,
    Parties and their languages); matching takes one query per kind of text (4); reading a page takes one
    per kind on it, plus the Parties of comments and of findings: never more than 14, whatever the count.
    Full-text search matches in two steps (what a kind's indexes find, then what of it the public may read,
    ranked; the second is skipped when the first finds nothing) and keeps the planner on the text indexes
    (3 more: a savepoint here, the setting, the release)."""
    questions = [
        QuestionFactory(questionnaire=texts.questions["1"].questionnaire, kind=Question.Kind.MONITORING)
        for _ in range(25)
    ]
    comment = ContributionFactory(
        round=texts.round,
        organisation=texts.public_comment.organisation,
        created_by=texts.member,
        state="acknowledged",
        acknowledged_at=texts.public_comment.acknowledged_at,
        parties=[texts.party_a],
    )
    reply = texts.published_answer.reply
    for question in questions:
        AnswerFactory(reply=reply, question=question, text="Trafficking of minors is prosecuted.")
        ContributionItemFactory(contribution=comment, question=question, text="<p>Trafficking persists.</p>")
        finding_adopt(
            finding=create(texts, text_en="Trafficking must end.", text_fr="La traite doit cesser."),
            by=texts.staff,
        )
    full_text = connection.vendor == "postgresql"
    public_data_version()  # read once and kept: the pages below are built for the same data
    extra = {"answer": 4, "contribution": 4, "finding": 4, "all": 7} if full_text else defaultdict(int)
    for type_, queries in (("answer", 5), ("contribution", 7), ("finding", 6)):
        queries += extra[type_]
        with django_assert_num_queries(queries):
            results = search_page(client, q="trafficking", type=type_).context["results"]
        assert results.paginator.count == 25 and len(results.object_list) == 20
        with django_assert_num_queries(queries):
            results = search_page(client, q="trafficking", type=type_, page=2).context["results"]
        assert len(results.object_list) == 5
    for page in (1, 2, 3, 4):
        with django_assert_max_num_queries(14 + extra["all"]):
            results = search_page(client, q="trafficking", page=page).context["results"]
        assert results.paginator.count == 75 and len(results.object_list) == (20 if page < 4 else 15)


def test_the_page_offers_the_feeds_of_the_round_searched(client, texts):
    content = search_page(client, q="helplines", round=texts.round.slug, party=texts.party_a.code).content
    content = content.decode()
    assert f'href="{reverse("round-feed", kwargs={"slug": texts.round.slug})}"' in content
    party_feed = reverse("party-feed", kwargs={"slug": texts.round.slug, "iso2": texts.party_a.code})
    assert f'href="{party_feed}"' in content and 'type="application/atom+xml"' in content


def test_the_header_has_a_search_box_on_every_page(client, texts):
    content = client.get(reverse("round-list")).content.decode()
    assert 'class="site-search" role="search"' in content
    assert '<label for="site-search-q" class="visually-hidden">Search the portal</label>' in content


@postgres_only
@pytest.mark.parametrize(
    ("model", "vector", "config", "index"),
    [
        (Answer, search_module.answer_vector("en"), "english", "answer_search_english"),
        (Answer, search_module.answer_vector("fr"), "french", "answer_search_french"),
        (Answer, search_module.answer_national_vector(), "simple", "answer_search_national"),
        (ContributionItem, search_module.item_vector("en"), "english", "contribitem_search_english"),
        (ContributionItem, search_module.item_vector("fr"), "french", "contribitem_search_french"),
        (Contribution, search_module.general_vector("en"), "english", "contribution_search_english"),
        (Contribution, search_module.general_vector("fr"), "french", "contribution_search_french"),
        (Finding, search_module.finding_vector("en"), "english", "finding_search_english"),
        (Finding, search_module.finding_vector("fr"), "french", "finding_search_french"),
    ],
)
def test_the_search_expressions_are_the_indexed_ones(db, model, vector, config, index):
    """A vector written differently from its index's expression would silently scan the whole table.

    Plain index scans are off too: on an empty table the planner may otherwise walk an ordering index
    and filter, which says nothing about whether the search index matches.
    """
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
    query = SearchQuery("protection", config=config, search_type="websearch")
    plan = model.objects.alias(vector=vector).filter(vector=query).order_by().values("pk").explain()
    assert f"Bitmap Index Scan on {index}" in plan


def test_a_results_page_is_kept_for_readers_without_a_session_until_the_data_change(
    client, texts, django_assert_num_queries
):
    first = search_page(client, q="helplines").content.decode()
    with django_assert_num_queries(0):
        assert search_page(client, q="helplines").content.decode() == first

    reply = texts.published_answer.reply
    AnswerFactory(reply=reply, question=texts.questions["3"], text="Helplines for teens.")
    reply.save()  # a publication saves the reply: the public data's version changes
    assert "for teens" in search_page(client, q="helplines").content.decode()
