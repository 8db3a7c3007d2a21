"""One question compared across every Party's published reply."""

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect, QueryDict
from django.shortcuts import render
from django.urls import reverse

from questionnaires.models import QUESTION_NUMBER

from ..cache import cached, whole_page_for_readers
from ..comparison import comparison
from ..status import public_round


@whole_page_for_readers
def question_compare(request: HttpRequest, slug: str, number: str) -> HttpResponse:
    parties = request.GET.getlist("party")
    goto = request.GET.get("question", "").strip()
    if goto and goto != number:
        # The form's question list works without JavaScript: it is sent here and we go to its page.
        return _redirect_to(slug, goto, parties)
    round_ = public_round(slug)
    page = cached(
        "question",
        round_.pk,
        number,
        sorted(parties),
        build=lambda: comparison(round=round_, number=number, party_codes=parties),
    )
    return render(
        request,
        "public/question.html",
        {"round": round_, "page": page, "party_query": _party_query(page.selected)},
    )


def _party_query(codes: list[str]) -> str:
    """The Parties chosen, for the links to other questions: `?party=FR&party=DE`, or nothing."""
    query = QueryDict(mutable=True)
    query.setlist("party", codes)
    return f"?{query.urlencode()}" if codes else ""


def _redirect_to(slug: str, number: str, parties: list[str]) -> HttpResponse:
    try:
        QUESTION_NUMBER(number)
    except ValidationError as error:
        raise Http404 from error
    url = reverse("question-compare", kwargs={"slug": slug, "number": number})
    return HttpResponseRedirect(url + _party_query(parties))
