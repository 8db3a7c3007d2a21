"""What the browser journeys share."""

from pathlib import Path

import pytest
from playwright.sync_api import Page


def wait_for_htmx(page: Page) -> None:
    """Typing before htmx has wired the page up would fire input events nobody listens to."""
    page.wait_for_function("() => window.htmx !== undefined && document.readyState === 'complete'")


AXE = Path(__file__).resolve().parents[2] / "var" / "node" / "node_modules" / "axe-core" / "axe.min.js"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def accessibility_violations(page: Page) -> list[tuple[str, str, list]]:
    """What axe-core finds against WCAG 2.1 A and AA on the page as it stands: (rule, help, first targets)."""
    if not AXE.exists():
        pytest.fail(f"axe-core is missing at {AXE}: `make test` installs it with npm.")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_21_AA
    )
    return [
        (violation["id"], violation["help"], [node["target"] for node in violation["nodes"][:3]])
        for violation in result["violations"]
    ]
