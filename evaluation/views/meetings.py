"""A meeting of the Committee: its agenda in order, each item's document and the decision recorded."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from ..selectors import meeting_for
from .access import evaluator_page


@evaluator_page
def meeting_page(request: HttpRequest, number: int) -> HttpResponse:
    meeting = meeting_for(request.user, number=number)
    return render(request, "evaluation/meeting.html", {"meeting": meeting, "items": meeting.items.all()})
