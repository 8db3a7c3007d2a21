from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from .selectors import rounds_visible_to


def round_list(request: HttpRequest) -> HttpResponse:
    return render(request, "rounds/round_list.html", {"rounds": rounds_visible_to(request.user)})
