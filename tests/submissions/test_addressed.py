"""A question addressed to some Parties only: asked of them alone, in the editor, the completeness, the
answer's save, the Word round trip and the API; the others neither see it nor need it to submit."""

import io
from types import SimpleNamespace

import docx
import pytest
from django.urls import reverse

from questionnaires.models import Question
from submissions.errors import NotFound
from submissions.models import Answer, Reply
from submissions.selectors import reply_completeness, reply_progress, with_completeness
from submissions.services import answer_save, reply_submit
from submissions.word.export import reply_docx
from tests.factories import (
    AnswerFactory,
    FocalPointFactory,
    PartyFactory,
    QuestionFactory,
    QuestionnaireFactory,
    ReplyFactory,
    RoundFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(db):
    """Questions 1 and 3 for every Party; 2 and its sub-part 2.1 addressed to Aland only. Aland and
    Borduria each have a draft reply and a focal point."""
    round_ = RoundFactory(slug="round-addressed")
    questionnaire = QuestionnaireFactory(round=round_)
    aland = PartyFactory(code="ZA", name_en="Aland", name_fr="Aland")
    borduria = PartyFactory(code="ZB", name_en="Borduria", name_fr="Bordurie")
    q1 = QuestionFactory(questionnaire=questionnaire, number="1", position=1, text_en="Everyone's first.")
    q2 = QuestionFactory(questionnaire=questionnaire, number="2", position=2, text_en="Aland's own question.")
    q21 = QuestionFactory(
        questionnaire=questionnaire, number="2.1", position=3, parent=q2, text_en="Aland's own sub-part."
    )
    q3 = QuestionFactory(questionnaire=questionnaire, number="3", position=4, text_en="Everyone's last.")
    q2.parties.set([aland])
    return SimpleNamespace(
        round=round_,
        questions={"1": q1, "2": q2, "2.1": q21, "3": q3},
        a=ReplyFactory(round=round_, party=aland),
        b=ReplyFactory(round=round_, party=borduria),
        focal_a=FocalPointFactory(party=aland).user,
        focal_b=FocalPointFactory(party=borduria).user,
    )


def test_a_question_addressed_to_a_only_is_not_required_of_b(world):
    assert reply_completeness(reply=world.a).missing_numbers == ["1", "2", "2.1", "3"]
    assert reply_completeness(reply=world.b).missing_numbers == ["1", "3"]


def test_b_submits_without_answering_a_s_question(world):
    for number in ("1", "3"):
        answer_save(reply=world.b, question=world.questions[number], by=world.focal_b, version=None, text="x")

    reply_submit(reply=world.b, by=world.focal_b)

    world.b.refresh_from_db()
    assert world.b.state == Reply.State.SUBMITTED


def test_the_counts_beside_each_reply_count_the_party_s_questions(world):
    AnswerFactory(reply=world.b, question=world.questions["1"])
    counted = {
        reply.party.code: reply for reply in with_completeness(Reply.objects.filter(round=world.round))
    }
    assert (counted["ZA"].question_count, counted["ZA"].missing_count) == (4, 4)
    assert (counted["ZB"].question_count, counted["ZB"].missing_count, counted["ZB"].answered_count) == (
        2,
        1,
        1,
    )
    progress = reply_progress([world.a, world.b])
    assert (progress[world.b.pk]["total"], progress[world.b.pk]["required_missing"]) == (2, 1)
    assert (progress[world.a.pk]["total"], progress[world.a.pk]["required_missing"]) == (4, 4)


def test_saving_an_answer_to_a_question_not_asked_of_the_party_is_refused(world):
    with pytest.raises(NotFound) as refused:
        answer_save(reply=world.b, question=world.questions["2.1"], by=world.focal_b, version=None, text="x")

    assert refused.value.message == "This question is not asked of Borduria."
    assert not Answer.objects.filter(reply=world.b).exists()


def test_the_editor_shows_the_party_its_own_questions_only(client, world):
    client.force_login(world.focal_b)
    page = client.get(reverse("reply-edit", args=[world.round.slug, "ZB"])).content.decode()
    assert "Everyone&#x27;s first." in page and "Everyone&#x27;s last." in page
    assert "Aland&#x27;s own" not in page

    client.force_login(world.focal_a)
    page = client.get(reverse("reply-edit", args=[world.round.slug, "ZA"])).content.decode()
    assert "Aland&#x27;s own question." in page and "Aland&#x27;s own sub-part." in page


def test_the_editor_s_save_of_a_question_not_asked_is_not_found(client, world):
    client.force_login(world.focal_b)
    response = client.post(reverse("answer-save", args=[world.round.slug, "ZB", "2"]), {"text": "x"})
    assert response.status_code == 404
    assert not Answer.objects.filter(reply=world.b).exists()


def _question_numbers(document) -> list[str]:
    return [
        table.cell(0, 0).text.strip().removeprefix("Question ")
        for table in document.tables
        if table.cell(0, 0).text.strip().startswith("Question ")
    ]


def test_the_word_export_holds_the_party_s_questions_only(world):
    assert _question_numbers(docx.Document(io.BytesIO(reply_docx(reply=world.b)))) == ["1", "3"]
    assert _question_numbers(docx.Document(io.BytesIO(reply_docx(reply=world.a)))) == ["1", "2", "2.1", "3"]


def test_the_api_reads_the_answers_to_the_party_s_questions_only(client, world):
    AnswerFactory(reply=world.b, question=world.questions["1"], text="Borduria on one.")
    AnswerFactory(reply=world.b, question=world.questions["2"], text="Written before it was addressed.")
    client.force_login(world.focal_b)
    response = client.get(f"/api/v1/rounds/{world.round.slug}/replies/zb/")
    assert response.status_code == 200
    assert sorted(response.json()["answers"]) == ["1"]


def test_the_api_save_of_a_question_not_asked_says_so(client, world):
    client.force_login(world.focal_b)
    response = client.put(
        f"/api/v1/rounds/{world.round.slug}/replies/zb/answers/2/",
        {"text": "x", "language": "en", "version": None},
        content_type="application/json",
    )
    assert response.status_code == 404
    assert response.json()["detail"] == "This question is not asked of Borduria."
    assert not Answer.objects.filter(reply=world.b).exists()


def test_a_sub_part_naming_parties_of_its_own_follows_them_not_its_question(world):
    world.questions["2.1"].parties.set([world.b.party])
    assert reply_completeness(reply=world.b).missing_numbers == ["1", "2.1", "3"]
    assert reply_completeness(reply=world.a).missing_numbers == ["1", "2", "3"]


def test_nothing_changes_when_no_question_names_parties(world):
    world.questions["2"].parties.clear()
    assert not Question.parties.through.objects.exists()
    assert reply_completeness(reply=world.b).missing_numbers == ["1", "2", "2.1", "3"]
