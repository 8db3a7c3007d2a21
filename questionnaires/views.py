from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from rounds.selectors import rounds_visible_to

from .models import Questionnaire
from .selectors import questions_of


def round_detail(request: HttpRequest, slug: str) -> HttpResponse:
    round_ = get_object_or_404(rounds_visible_to(request.user), slug=slug)
    questionnaire = Questionnaire.objects.filter(round=round_).first()
    return render(
        request,
        "questionnaires/round_detail.html",
        {"round": round_, "questionnaire": questionnaire, "questions": questions_of(round=round_)},
    )
