from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from .selectors import round_current, rounds_visible_to


def home(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "rounds/home.html",
        {"current_round": round_current(request.user), "rounds": rounds_visible_to(request.user)},
    )


def round_list(request: HttpRequest) -> HttpResponse:
    return render(request, "rounds/round_list.html", {"rounds": rounds_visible_to(request.user)})
