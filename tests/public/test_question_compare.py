"""One question compared across Parties: every published answer by Party name, sub-parts under each Party,
the public comments counted, filters by Party and a jump to any question; the same for every reader."""

import datetime
import re
from types import SimpleNamespace

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from civil_society.models import Contribution
from questionnaires.models import Theme
from rounds.models import Language, Participation, Round
from submissions.models import Reply
from tests.factories import (
    AnswerFactory,
    ContributionFactory,
    ContributionItemFactory,
    FocalPointFactory,
    MembershipFactory,
    OrganisationFactory,
    ParticipationFactory,
    PartyFactory,
    QuestionFactory,
    QuestionnaireFactory,
    ReplyFactory,
    RoundFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

CANARIES = ("CANARY-submitted-answer", "CANARY-draft-answer", "CANARY-confidential-item", "CANARY-unack-item")
ROLES = ("anonymous", "focal_c", "member", "staff")


@pytest.fixture
def world(db):
    """Questions 1 and 2 (with sub-parts 2.1 and 2.1.a) on prevention, 3 on protection, 4 on prosecution.

    Aland (published, German version): answers 1, 2.1 (also in German) and 2.1.a; a public comment on 2 and
    one on 2.1, a confidential and an unacknowledged comment on 2, a public reply to the questionnaire on 2.
    Borduria (published): answers 1, 2 and 2.1. Élysia (published): answers nothing. Carpania (submitted)
    and Dalmatia (draft) answer 2 with canaries. Freedonia has no reply. Qumran is not monitored."""
    round_ = RoundFactory(slug="round-compare", number=71, status=Round.Status.EVALUATION)
    questionnaire = QuestionnaireFactory(round=round_)

    def question(number, position, theme=Theme.PREVENTION, parent=None):
        return QuestionFactory(
            questionnaire=questionnaire, number=number, position=position, theme=theme, parent=parent
        )

    q1, q2 = question("1", 1), question("2", 2)
    q21 = question("2.1", 3, parent=q2)
    q21a = question("2.1.a", 4, parent=q21)
    q3, q4 = question("3", 5, Theme.PROTECTION), question("4", 6, Theme.PROSECUTION)
    german = Language.objects.create(code="de", name_en="German", name_fr="allemand")

    def reply(code, name, state=Reply.State.PUBLISHED, **fields):
        published_on = datetime.date(2026, 1, 15) if state == Reply.State.PUBLISHED else None
        party = PartyFactory(code=code, name_en=name, name_fr=name)
        return ReplyFactory(round=round_, party=party, state=state, published_on=published_on, **fields)

    aland = reply("ZA", "Aland", national_language=german)
    AnswerFactory(reply=aland, question=q1, text="Aland on one.")
    AnswerFactory(reply=aland, question=q21, text="Aland on two point one.", national_text="Aland zu 2.1.")
    AnswerFactory(reply=aland, question=q21a, text="Aland on two point one a.")
    borduria = reply("ZB", "Borduria")
    AnswerFactory(reply=borduria, question=q1, text="Borduria on one.")
    AnswerFactory(reply=borduria, question=q2, text="Borduria on two.")
    AnswerFactory(reply=borduria, question=q21, text="Borduria on two point one.")
    elysia = reply("ZE", "Élysia")
    carpania = reply("ZC", "Carpania", state=Reply.State.SUBMITTED, submitted_at=timezone.now())
    AnswerFactory(reply=carpania, question=q2, text=CANARIES[0])
    dalmatia = reply("ZD", "Dalmatia", state=Reply.State.DRAFT)
    AnswerFactory(reply=dalmatia, question=q2, text=CANARIES[1])
    freedonia = ParticipationFactory(round=round_, party=PartyFactory(code="ZF", name_en="Freedonia")).party
    qumran = PartyFactory(code="ZQ", name_en="Qumran")

    ngo = OrganisationFactory(name="Alpha Child Rights")
    member = MembershipFactory(organisation=ngo).user

    def comment(question_, text="<p>Our view.</p>", kind=Contribution.Kind.COMMENT, **fields):
        fields = {"visibility": "public", "state": "acknowledged", **fields}
        made = ContributionFactory(
            round=round_,
            organisation=ngo,
            created_by=member,
            kind=kind,
            acknowledged_at=timezone.now() if fields["state"] == "acknowledged" else None,
            parties=[aland.party],
            **fields,
        )
        ContributionItemFactory(contribution=made, question=question_, text=text)

    comment(q2)
    comment(q21)
    comment(q2, text=f"<p>{CANARIES[2]}</p>", visibility="confidential")
    comment(q2, text=f"<p>{CANARIES[3]}</p>", state="submitted")
    comment(q2, kind=Contribution.Kind.QUESTIONNAIRE_REPLY)

    other = RoundFactory(slug="round-compare-other", number=72, status=Round.Status.EVALUATION)
    QuestionFactory(questionnaire=QuestionnaireFactory(round=other), number="9", position=1)

    return SimpleNamespace(
        round=round_,
        questions={q.number: q for q in (q1, q2, q21, q21a, q3, q4)},
        aland=aland,
        borduria=borduria,
        elysia=elysia,
        freedonia=freedonia,
        qumran=qumran,
        focal_c=FocalPointFactory(party=carpania.party).user,
        member=member,
        staff=UserFactory(username="secretariat-compare", is_staff=True),
    )


def url(number: str, query: str = "", *, slug: str = "round-compare", language: str = "en") -> str:
    with translation.override(language):
        base = reverse("question-compare", args=[slug, number])
    return f"{base}?{query}" if query else base


def party_url(code: str, number: str) -> str:
    return reverse("party-reply", args=["round-compare", code]) + f"#q-{number}"


def sections(page: str) -> dict[str, str]:
    """Each Party's section of the page, by ISO code, in page order."""
    found = re.findall(r'<section class="compare-party" id="party-(\w+)".*?</section>', page, re.S)
    parts = re.split(r'<section class="compare-party" id="party-\w+"', page)[1:]
    return {code: part.split("</section>", 1)[0] for code, part in zip(found, parts, strict=True)}


def main_of(html: str) -> str:
    return html.split("<main", 1)[1].split("</main>", 1)[0]


def log_in(client, world, role: str) -> None:
    if role != "anonymous":
        client.force_login(getattr(world, role))


# --- Answers -----------------------------------------------------------------------------------------------


def test_every_published_answer_by_party_name_and_who_has_not_published(client, world):
    page = client.get(url("1")).content.decode()
    by_party = sections(page)

    assert list(by_party) == ["ZA", "ZB", "ZE"]  # Aland, Borduria, Élysia (accents do not count)
    assert "Aland on one." in by_party["ZA"] and "Borduria on one." in by_party["ZB"]
    assert "No answer." in by_party["ZE"]
    unpublished = page.split('id="compare-unpublished"', 1)[1]
    assert "Carpania, Dalmatia, Freedonia" in unpublished
    assert "Qumran" not in page
    assert "3 published replies." in page


def test_each_answer_links_to_the_question_on_the_party_s_page(client, world):
    by_party = sections(client.get(url("1")).content.decode())

    assert f'href="{party_url("ZA", "1")}"' in by_party["ZA"]
    assert f'href="{party_url("ZB", "1")}"' in by_party["ZB"]


def test_a_question_with_sub_parts_shows_them_under_each_party(client, world):
    page = client.get(url("2")).content.decode()
    aland, borduria = sections(page)["ZA"], sections(page)["ZB"]

    assert re.findall(r"<h3>Question ([\d.a-z]+)</h3>", aland) == ["2", "2.1", "2.1.a"]
    assert aland.index("Aland on two point one.") < aland.index("Aland on two point one a.")
    assert "Borduria on two." in borduria and "Borduria on two point one." in borduria
    assert borduria.count("No answer.") == 1  # 2.1.a
    for number in ("2.1", "2.1.a"):
        assert f'href="{url(number)}"' in page


def test_a_heading_question_without_an_answer_or_comment_is_left_out(client, world):
    elysia = sections(client.get(url("2")).content.decode())["ZE"]

    assert re.findall(r"<h3>Question ([\d.a-z]+)</h3>", elysia) == ["2.1.a"]  # 2 and 2.1 have sub-parts


def test_the_national_language_text_is_in_a_details_element(client, world):
    aland = sections(client.get(url("2.1")).content.decode())["ZA"]

    details = aland.split('<details class="compare-national">', 1)[1].split("</details>", 1)[0]
    assert "Text in German" in details and '<div class="answer-text" lang="de">' in details
    assert "Aland zu 2.1." in details
    assert "Aland zu 2.1." not in aland.split('<details class="compare-national">', 1)[0]


def test_public_comments_are_counted_per_party_and_question(client, world):
    page = client.get(url("2")).content.decode()
    aland = sections(page)["ZA"]
    blocks = {
        re.search(r"<h3>Question ([\d.a-z]+)</h3>", block).group(1): block
        for block in aland.split('<div class="compare-answer')[1:]
    }

    # On 2: one public comment; not the confidential, the unacknowledged or the reply to the questionnaire.
    assert "1 public comment<" in blocks["2"] and f'href="{party_url("ZA", "2")}"' in blocks["2"]
    assert "1 public comment<" in blocks["2.1"]
    assert "0 public comments" in blocks["2.1.a"]
    assert "0 public comments" in sections(page)["ZB"]


# --- Navigation --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("number", "previous", "following"),
    [("1", None, "2"), ("2", "1", "3"), ("2.1", "2", "3"), ("2.1.a", "2.1", "3"), ("4", "3", None)],
)
def test_previous_and_next_questions_skip_the_sub_parts_already_shown(
    client, world, number, previous, following
):
    page = client.get(url(number)).content.decode()
    pager = page.split('class="compare-pager"', 1)[1].split("</nav>", 1)[0]

    assert re.findall(r'rel="prev" href="([^"]+)"', pager) == ([url(previous)] if previous else [])
    assert re.findall(r'rel="next" href="([^"]+)"', pager) == ([url(following)] if following else [])


def test_the_question_list_groups_questions_by_theme(client, world):
    page = client.get(url("2.1")).content.decode()
    select = page.split('<select id="compare-question" name="question">', 1)[1].split("</select>", 1)[0]

    groups = re.findall(r'<optgroup label="([^"]+)">(.*?)</optgroup>', select, re.S)
    assert [label for label, _ in groups] == ["Prevention", "Protection", "Prosecution"]
    assert re.findall(r'<option value="([^"]+)"', groups[0][1]) == ["1", "2", "2.1", "2.1.a"]
    assert '<option value="2.1" selected>' in select
    assert '<label for="compare-question">' in page


def test_choosing_a_question_in_the_form_goes_to_its_page_with_the_parties_kept(client, world):
    response = client.get(url("1", "question=3&party=ZB&party=ZA"))

    assert response.status_code == 302 and response["Location"] == url("3", "party=ZB&party=ZA")
    assert client.get(url("1", "question=1&party=ZA")).status_code == 200  # the same question: no detour


def test_choosing_a_question_that_does_not_exist_is_not_found(client, world):
    assert client.get(url("1", "question=99"), follow=True).status_code == 404
    assert client.get(url("1", "question=../../admin")).status_code == 404


# --- Filtering by Party ------------------------------------------------------------------------------------


def test_filtered_by_parties_in_name_order_whatever_the_order_asked(client, world):
    page = client.get(url("1", "party=ZB&party=za")).content.decode()

    assert list(sections(page)) == ["ZA", "ZB"]
    assert 'id="compare-unpublished"' not in page
    assert (
        'value="ZA" id="compare-party-ZA" checked' in page
        and 'value="ZB" id="compare-party-ZB" checked' in page
    )
    assert 'value="ZE" id="compare-party-ZE">' in page
    assert "2 Parties chosen" in page


def test_a_party_chosen_without_a_published_reply_is_listed_as_such(client, world):
    page = client.get(url("1", "party=ZF")).content.decode()

    assert sections(page) == {}
    assert (
        "Freedonia" in page.split('id="compare-unpublished"', 1)[1]
        and "Carpania" not in page.split('id="compare-unpublished"', 1)[1]
    )


def test_links_to_other_questions_keep_the_parties_chosen(client, world):
    page = client.get(url("2", "party=ZA")).content.decode()

    assert f'rel="next" href="{url("3", "party=ZA")}"' in page
    assert f'href="{url("2.1", "party=ZA")}"' in page


@pytest.mark.parametrize("code", ["ZQ", "XX"])
def test_a_party_the_round_does_not_monitor_is_not_found(client, world, code):
    assert client.get(url("1", f"party=ZA&party={code}")).status_code == 404


# --- Not found ---------------------------------------------------------------------------------------------


def test_an_unknown_round_question_or_a_round_in_preparation_is_not_found(client, world):
    RoundFactory(slug="round-preparing", number=73, status=Round.Status.PREPARATION)
    client.force_login(world.staff)

    assert client.get(url("1", slug="no-such-round")).status_code == 404
    assert client.get(url("7")).status_code == 404
    assert client.get(url("9")).status_code == 404  # a question of another round
    assert client.get(url("1", slug="round-preparing")).status_code == 404


# --- The same for every reader -----------------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("number", ["1", "2"])
def test_every_reader_sees_published_answers_and_public_comments_only(client, world, role, number):
    public_page = main_of(client.get(url(number)).content.decode())
    log_in(client, world, role)

    page = client.get(url(number)).content.decode()

    assert main_of(page) == public_page
    for canary in CANARIES:
        assert canary not in page
    assert "ZC" not in sections(page) and "ZD" not in sections(page)


# --- In French ---------------------------------------------------------------------------------------------


def test_the_page_reads_in_french(client, world):
    page = client.get(url("2", language="fr")).content.decode()

    assert '<html lang="fr">' in page
    assert '<optgroup label="Prévention">' in page
    assert "Aucune réponse." in sections(page)["ZB"]
    assert f'href="{url("2.1", language="fr")}"' in page


# --- Queries -----------------------------------------------------------------------------------------------


# round, data version, questions, Parties, replies, answers; items, their Parties, co-signers; and, as
# question 6 cites articles, the reservations and declarations on them
QUERIES = 10
CACHED_QUERIES = 0  # the data version and the whole page both come from the cache
OTHER_PAGE_QUERIES = QUERIES - 1  # another page built with the data version the cache keeps


def test_queries_do_not_grow_with_parties_answers_and_comments(client, seeded, django_assert_num_queries):
    round_ = Round.objects.get(slug="2nd-round")
    page_url = reverse("question-compare", args=[round_.slug, "6"])
    with django_assert_num_queries(QUERIES):
        assert client.get(page_url).status_code == 200

    shown = list(round_.questionnaire.questions.filter(number__startswith="6"))
    ngo = OrganisationFactory()
    waiting = Participation.objects.filter(round=round_).exclude(
        party__in=Reply.objects.filter(round=round_).values("party")
    )
    for participation in waiting[:10]:
        reply = Reply.objects.create(
            round=round_,
            party=participation.party,
            state=Reply.State.PUBLISHED,
            submitted_at=timezone.now(),
            published_on=timezone.localdate(),
        )
        for question in shown:
            AnswerFactory(reply=reply, question=question, national_text="Antwort.")
        made = ContributionFactory(
            round=round_,
            organisation=ngo,
            state=Contribution.State.ACKNOWLEDGED,
            parties=[participation.party],
        )
        for question in shown:
            ContributionItemFactory(contribution=made, question=question)
    for _ in range(5):
        ParticipationFactory(round=round_)

    with django_assert_num_queries(QUERIES):
        page = client.get(page_url).content.decode()
    with django_assert_num_queries(CACHED_QUERIES):
        again = client.get(page_url).content.decode()
    assert sections(again) == sections(page)
    with django_assert_num_queries(OTHER_PAGE_QUERIES):
        assert client.get(page_url + "?party=FR&party=DE").status_code == 200
    assert len(sections(page)) == Reply.objects.filter(round=round_, state=Reply.State.PUBLISHED).count()
