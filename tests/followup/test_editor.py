"""The editor of a follow-up reply: above each answer box, the recommendation, the Party's published answers
in the round followed up to the questions it rests on (or none), and its latest adopted assessment; read
in a constant number of queries."""

import datetime

import pytest
from django.urls import reverse
from django.utils import translation

from evaluation.selectors import is_evaluator
from followup.selectors import editor_context
from followup.services import assessment_adopt, assessment_propose, exercise_create
from rounds.models import Participation
from rounds.selectors import party_of
from submissions.models import Reply
from submissions.services import reply_open

pytestmark = pytest.mark.django_db


def _editor(client, user, exercise, party, language="en") -> str:
    client.force_login(user)
    with translation.override(language):
        address = reverse("reply-edit", args=[exercise.round.slug, party.code])
    response = client.get(address)
    assert response.status_code == 200
    return response.content.decode()


def _reply(world, round) -> Reply:
    participation = Participation.objects.get(round=round, party=world.party_a)
    return reply_open(participation=participation, by=world.focal)


def _block(page: str, number: str) -> str:
    start = page.index(f'id="q-{number}"')
    end = page.find('class="answer-block', start + 1)
    return page[start : end if end > 0 else len(page)]


def test_each_question_shows_its_recommendation_and_the_partys_earlier_answer(client, world, exercise):
    page = _editor(client, world.focal, exercise, world.party_a)

    r1, r3 = _block(page, "1"), _block(page, "3")
    assert "Recommendation R-1" in r1 and "urges / requires" in r1 and "Recommendation R-1" in r1
    assert "Our law defines self-generated material since 2019." in r1  # Party A's answer to Question 1
    public = reverse("party-reply", args=[world.round.slug, world.party_a.code])
    assert f'href="{public}#q-1"' in r1
    assert "Helplines are funded by the State." in r3 and f'href="{public}#q-2"' in r3  # R-3 rests on Q2
    assert "Latest assessment adopted" not in page
    assert "since 4 March 2026" in r1  # what the Committee asks, as before


def test_without_a_published_answer_the_editor_says_so(client, world, exercise):
    from tests.factories import FocalPointFactory, UserFactory

    focal_b = FocalPointFactory(user=UserFactory(username="focal-b"), party=world.party_b).user

    page = _editor(client, focal_b, exercise, world.party_b)

    assert 'id="q-1"' not in page  # R-1 is not asked of Party B
    assert "No published answer" in _block(page, "3")


def test_the_latest_adopted_assessment_shows_in_french_too(client, world, exercise):
    for level, day in (("not_complied", 1), ("partially_complied", 3)):
        assessment = assessment_propose(
            round=exercise.round,
            question=exercise.q_r3,
            party=world.party_a,
            level=level,
            reasoning="Reasoning.",
            by=world.staff,
        )
        assessment_adopt(
            assessment=assessment,
            meeting=world.meeting,
            adopted_on=datetime.date(2026, 9, day),
            by=world.staff,
        )

    english = _block(_editor(client, world.focal, exercise, world.party_a), "3")
    french = _block(_editor(client, world.focal, exercise, world.party_a, "fr"), "3")

    assert "Partially complied" in english and "3 September 2026" in english and "Not complied" not in english
    assert "Partiellement respectée" in french and "3 septembre 2026" in french


def test_a_reply_of_a_monitoring_round_has_no_panel_and_no_query(world, django_assert_num_queries):
    reply = Reply.objects.select_related("round").get(round=world.round, party=world.party_a)

    with django_assert_num_queries(0):
        assert editor_context(world.focal, reply) == {}


def test_the_context_is_read_in_five_queries_whatever_its_size(world, exercise, django_assert_num_queries):
    small = _reply(world, exercise.round)
    # The viewer's Party and seat are read once a request (the editor's gate read them already).
    assert party_of(world.focal) == world.party_a and not is_evaluator(world.focal)
    assert small.round.follows  # loaded, as the editor has it (the round's label names it)
    with django_assert_num_queries(5):
        context = editor_context(world.focal, small)
    assert len(context) == 2

    larger = exercise_create(
        round=world.round,
        report=world.report,
        grades=("urges", "considers"),
        reply_deadline=datetime.date(2026, 8, 1),
        by=world.staff,
    )
    larger.status = larger.Status.REPLIES
    larger.save()
    questions = {q.number: q for q in larger.questionnaire.questions.all()}
    for question in questions.values():
        assessment = assessment_propose(
            round=larger,
            question=question,
            party=world.party_a,
            level="not_complied",
            reasoning="Reasoning.",
            by=world.staff,
        )
        assessment_adopt(
            assessment=assessment, meeting=world.meeting, adopted_on=datetime.date(2026, 9, 2), by=world.staff
        )
    reply = _reply(world, larger)
    assert reply.round.follows
    with django_assert_num_queries(5):
        context = editor_context(world.focal, reply)
    assert len(context) == 3
    assert all(entry.assessment is not None for entry in context.values())
    assert [answer.question.number for answer in context[questions["2"].pk].earlier] == ["2"]
