from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from core.viewers import PUBLIC
from rounds.selectors import monitoring_rounds_visible_to, round_current

from ..cache import cached, whole_page_for_readers
from ..publications import latest_comments, latest_factsheets, latest_replies

LATEST = 5


@whole_page_for_readers
def home(request: HttpRequest) -> HttpResponse:
    """What the Committee monitors, the current round and the latest publications: the same for everyone."""

    def build() -> str:
        context = {
            "current_round": round_current(PUBLIC),
            # Statistics count the real rounds (a follow-up is not a round of monitoring); the demonstration
            # is offered apart, to try the portal.
            "round_count": monitoring_rounds_visible_to(PUBLIC).filter(demonstration=False).count(),
            "demonstration": monitoring_rounds_visible_to(PUBLIC).filter(demonstration=True).first(),
            "replies": latest_replies(LATEST),
            "comments": latest_comments(LATEST),
            "factsheets": latest_factsheets(LATEST),
        }
        return render_to_string("public/_home_body.html", context)

    body = cached("home", build=build)
    return render(request, "public/home.html", {"body": mark_safe(body)})  # noqa: S308 (our autoescaped template)
