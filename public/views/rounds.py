from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from core.viewers import PUBLIC
from evaluation.selectors import adopted_reports
from questionnaires.selectors import questionnaire_of, questions_of
from reports.selectors import factsheets_in_reading_order, factsheets_visible_to
from rounds.models import Round
from rounds.selectors import round_for, rounds_visible_to
from submissions.selectors import replies_visible_to

from ..cache import cached, whole_page_for_readers


@whole_page_for_readers
def round_page(request: HttpRequest, slug: str) -> HttpResponse:
    """A round: its theme and timeline, the questionnaire with both kinds of question, what is published.
    The Secretariat also sees a round still in preparation; what the page counts is public either way."""
    round_ = round_for(request.user, slug)

    def build() -> str:
        context = {
            "round": round_,
            "is_public": round_.status != Round.Status.PREPARATION,
            "questionnaire": questionnaire_of(round=round_),
            "questions": questions_of(round=round_),
            "published_count": replies_visible_to(PUBLIC).filter(round=round_).count(),
            "has_report": adopted_reports(round_).exists(),
            "has_follow_up": rounds_visible_to(PUBLIC).filter(follows=round_).exists(),
            "factsheets": factsheets_in_reading_order(factsheets_visible_to(PUBLIC).filter(round=round_)),
        }
        return render_to_string("public/_round_body.html", context)

    body = cached("round", round_.pk, round_.status, build=build)
    return render(request, "public/round.html", {"round": round_, "body": mark_safe(body)})  # noqa: S308 (autoescaped)
