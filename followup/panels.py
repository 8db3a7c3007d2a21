"""What the follow-up adds to the focal points' pages (registered in `apps.py`, see `submissions.panels`):
above each answer of a follow-up reply, the recommendation, the Party's earlier answers and its latest
adopted assessment; on the dashboard, the requests for clarifications still to answer. On the evaluator's
desk (`evaluation.desk_sections`), a link to each follow-up's desk."""

from django.template.loader import render_to_string

from core.viewers import Viewer
from rounds.models import Round
from rounds.selectors import rounds_visible_to
from submissions.models import Reply

from .selectors import clarifications_to_answer, editor_context


def editor_panels(viewer: Viewer, reply: Reply) -> dict[int, str]:
    return {
        question_id: render_to_string("followup/_editor_item.html", {"entry": entry, "reply": reply})
        for question_id, entry in editor_context(viewer, reply).items()
    }


def dashboard_notices(viewer: Viewer) -> list[str]:
    open_count = clarifications_to_answer(viewer).filter(submitted_at__isnull=True).count()
    if not open_count:
        return []
    return [render_to_string("followup/_dashboard_notice.html", {"open_count": open_count})]


def evaluation_desk_sections(viewer: Viewer) -> list[str]:
    """The follow-ups the evaluator may see, each linked to its desk: one query, nothing if there is none."""
    follow_ups = list(rounds_visible_to(viewer).filter(kind=Round.Kind.FOLLOW_UP).order_by("-pk"))
    if not follow_ups:
        return []
    return [render_to_string("followup/_evaluation_desk.html", {"follow_ups": follow_ups})]
