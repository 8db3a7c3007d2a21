from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from .selectors import rounds_visible_to


def round_list(request: HttpRequest) -> HttpResponse:
    """The real rounds, and apart from them the demonstration ones, offered to try the portal."""
    rounds = list(rounds_visible_to(request.user))
    context = {
        "rounds": [round_ for round_ in rounds if not round_.demonstration],
        "demonstrations": [round_ for round_ in rounds if round_.demonstration],
    }
    return render(request, "rounds/round_list.html", context)
