"""The public page of a Party's published reply, question by question, with the public comments of civil
society under each answer. Confidential contributions are never read here, whoever asks."""

from collections import defaultdict

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from questionnaires.selectors import questions_of
from rounds.selectors import rounds_visible_to
from submissions.models import Reply
from submissions.selectors import answers_visible_to, replies_visible_to

from ..selectors import organisation_of, public_items_for
from ..windows import comment_window


def party_reply(request: HttpRequest, slug: str, iso2: str) -> HttpResponse:
    """A constant number of queries, whatever the number of questions and comments."""
    reply = get_object_or_404(
        replies_visible_to(request.user).filter(
            state=Reply.State.PUBLISHED, round__in=rounds_visible_to(request.user).values("pk")
        ),
        round__slug=slug,
        party__code=iso2.upper(),
    )
    answers = {answer.question_id: answer for answer in answers_visible_to(request.user).filter(reply=reply)}
    comments = defaultdict(list)
    for item in public_items_for(round=reply.round, party=reply.party):
        comments[item.question_id].append(item)
    questions = list(questions_of(round=reply.round))
    for question in questions:
        question.party_answer = answers.get(question.pk)
        question.comments = comments.get(question.pk, [])
    window = comment_window(round=reply.round, party=reply.party)
    context = {
        "reply": reply,
        "questions": questions,
        "comment_count": sum(len(items) for items in comments.values()),
        "window": window,
        "can_comment": organisation_of(request.user) is not None and window.is_open(),
    }
    return render(request, "civil_society/public/party_reply.html", context)
