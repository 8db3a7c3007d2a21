"""The evaluator's desk, and a round's evaluation: who reports on which question, the observations and the
reports."""

from collections import Counter

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from questionnaires.selectors import questions_of
from rounds.selectors import committee_member_of, round_for, rounds_visible_to

from ..desk_sections import desk_sections
from ..models import Observation
from ..selectors import (
    meetings_visible_to,
    observations_visible_to,
    rapporteur_questions,
    rapporteurs_of,
    reports_visible_to,
    rounds_being_evaluated,
)
from .access import evaluator_page


@evaluator_page
def desk(request: HttpRequest) -> HttpResponse:
    user = request.user
    member = committee_member_of(user)
    rounds = list(rounds_visible_to(user).order_by("-number"))
    evaluated = list(rounds_being_evaluated(user))
    # A member's own observations; the Secretariat's, for the Secretariat.
    prepared_by = {"rapporteur": member} if member is not None else {"rapporteur__isnull": True}
    mine = observations_visible_to(user).filter(**prepared_by).prefetch_related("questions")
    context = {
        "member": member,
        "evaluated": [
            (round_, list(rapporteur_questions(user, round_)) if member else []) for round_ in evaluated
        ],
        "other_rounds": [round_ for round_ in rounds if round_ not in evaluated],
        "observations": list(mine.order_by("-updated_at")[:20]),
        "meetings": list(meetings_visible_to(user).order_by("-number")),
        "sections": desk_sections(user),  # e.g. the follow-ups' desks
    }
    return render(request, "evaluation/desk.html", context)


@evaluator_page
def round_evaluation(request: HttpRequest, slug: str) -> HttpResponse:
    user = request.user
    round_ = round_for(user, slug)
    rapporteurs = {rapporteur.question_id: rapporteur for rapporteur in rapporteurs_of(round_)}
    observations = list(
        observations_visible_to(user).filter(round=round_).prefetch_related("questions").order_by("pk")
    )
    counts = Counter(question.pk for observation in observations for question in observation.questions.all())
    # Rapporteurs are appointed on questions; their sub-parts go with them.
    questions = [question for question in questions_of(round=round_) if question.parent_id is None]
    for question in questions:
        question.rapporteur = rapporteurs.get(question.pk)
        question.observation_count = counts.get(question.pk, 0)
    context = {
        "round": round_,
        "questions": questions,
        "mine": {question.pk for question in rapporteur_questions(user, round_)},
        "observations": observations,
        "states": Observation.State,
        "reports": list(reports_visible_to(user).filter(round=round_)),
    }
    return render(request, "evaluation/round.html", context)
