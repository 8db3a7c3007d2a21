"""Where a finding that a country factsheet lists compactly stands in full: the thematic factsheet of its
theme, and the round's adopted implementation report once there is one.

The report belongs to the evaluation, which sits above `reports` in the layers: `reports` never imports it.
The evaluation tells the factsheets where its adopted report is read by registering a provider here (from its
`AppConfig.ready()`): `report_link_register(lambda round: path or "")`, a path in the active language.
"""

from collections.abc import Callable

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from rounds.models import Round

ReportLink = Callable[[Round], str]

_report_links: list[ReportLink] = []


def report_link_register(provider: ReportLink) -> None:
    """Add a provider of the path of a round's adopted report (or "" when it has none); idempotent."""
    if provider not in _report_links:
        _report_links.append(provider)


def report_path(round: Round) -> str:
    """The path of the round's adopted report in the active language, or "" while it has none."""
    for provider in _report_links:
        path = provider(round)
        if path:
            return path
    return ""


def report_key(round: Round) -> str:
    """What the factsheets' data version takes of the report link: the same in both languages."""
    with translation.override(settings.LANGUAGE_CODE):
        return report_path(round)


def site_url(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def thematic_url(*, round: Round, theme: str, language: str) -> str:
    """The thematic factsheet of a theme in the library (its entry's anchor): an address that holds before
    the factsheet is first rendered and after every rendering."""
    return site_url(reverse("factsheet-list")) + f"#{round.slug}-{theme}-{language}"
