"""What apps above `evaluation` add to the evaluator's desk (`/evaluation/`), without `evaluation` importing
them: a section of links, registered from the app's `AppConfig.ready()` (as `submissions.panels`). A
provider reads through its own selectors, renders its own template, and answers in a constant number of
queries."""

from collections.abc import Callable

from django.utils.html import conditional_escape
from django.utils.safestring import SafeString

from core.viewers import Viewer

# viewer -> HTML sections
DeskSections = Callable[[Viewer], list[str]]

_desk_sections: list[DeskSections] = []


def desk_sections_register(provider: DeskSections) -> None:
    """Add a provider of sections shown on the evaluator's desk; idempotent."""
    if provider not in _desk_sections:
        _desk_sections.append(provider)


def desk_sections(viewer: Viewer) -> list[SafeString]:
    return [conditional_escape(html) for provider in _desk_sections for html in provider(viewer)]
