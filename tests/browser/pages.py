"""What the browser journeys share."""

from playwright.sync_api import Page


def wait_for_htmx(page: Page) -> None:
    """Typing before htmx has wired the page up would fire input events nobody listens to."""
    page.wait_for_function("() => window.htmx !== undefined && document.readyState === 'complete'")
