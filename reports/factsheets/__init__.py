"""Country and thematic factsheets: what they show (`country`, `thematic`, and `content` for what both share),
where a finding stands in full (`links`), and rendering them to a stored PDF (`rendering`)."""

from .content import KIND_HEADINGS, Built, public_findings, themes_with_findings
from .country import contribution_items, contribution_key, country_version
from .links import report_link_register, report_path
from .rendering import (
    AUTHOR,
    STYLESHEET,
    factsheet_html,
    factsheet_render,
    factsheet_render_by_key,
    factsheets_due,
)
from .thematic import thematic_version

__all__ = [
    "AUTHOR",
    "KIND_HEADINGS",
    "STYLESHEET",
    "Built",
    "contribution_items",
    "contribution_key",
    "country_version",
    "factsheet_html",
    "factsheet_render",
    "factsheet_render_by_key",
    "factsheets_due",
    "public_findings",
    "report_link_register",
    "report_path",
    "thematic_version",
    "themes_with_findings",
]
