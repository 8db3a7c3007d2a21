"""What apps above `submissions` add to the focal points' pages, without `submissions` importing them: a
panel above a question's answer box in the editor, a notice on the dashboard.

An app registers a provider from its `AppConfig.ready()` (as the evaluation tells the factsheets where its
report is, `reports.factsheets.report_link_register`); the provider reads through its own selectors and
renders its own template. Providers answer in a constant number of queries, and in none when they have
nothing to add, so that the editor's and the dashboard's query counts hold.
"""

from collections.abc import Callable

from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe

from core.viewers import Viewer

from .models import Reply

# (viewer, reply) -> HTML by question id
EditorPanels = Callable[[Viewer, Reply], dict[int, str]]
# viewer -> HTML notices
DashboardNotices = Callable[[Viewer], list[str]]

_editor_panels: list[EditorPanels] = []
_dashboard_notices: list[DashboardNotices] = []


def editor_panels_register(provider: EditorPanels) -> None:
    """Add a provider of panels shown above answer boxes; idempotent."""
    if provider not in _editor_panels:
        _editor_panels.append(provider)


def dashboard_notices_register(provider: DashboardNotices) -> None:
    """Add a provider of notices shown on the focal point's dashboard; idempotent."""
    if provider not in _dashboard_notices:
        _dashboard_notices.append(provider)


def editor_panels(viewer: Viewer, reply: Reply) -> dict[int, SafeString]:
    panels: dict[int, list[str]] = {}
    for provider in _editor_panels:
        for question_id, html in provider(viewer, reply).items():
            panels.setdefault(question_id, []).append(conditional_escape(html))
    return {question_id: mark_safe("".join(parts)) for question_id, parts in panels.items()}  # noqa: S308


def dashboard_notices(viewer: Viewer) -> list[SafeString]:
    return [conditional_escape(html) for provider in _dashboard_notices for html in provider(viewer)]
