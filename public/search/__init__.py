"""Search across what the portal publishes: answers of published replies, public civil-society comments and
adopted findings.

Whoever searches, the results are read through the public gates (`PUBLIC`), so a focal point or
the Secretariat finds what any reader finds, and a results page is the same for everyone in a language.

On PostgreSQL, full-text search: each text is matched with the text search configuration of its language
('english', 'french'; 'simple' for national-language texts), the query is parsed like a web search box
(quotes, `or`, `-word`), the 500 most recent matches of each kind of text are ranked, and the passage shown
is built by `ts_headline`. The vectors are columns the database generates and stores, with GIN indexes
(see `matching`).
Elsewhere (SQLite, `make run`), every word must appear in the text, case-insensitively, and the passage is
cut and marked in Python.

A passage is HTML: the text is escaped and only the `<mark>` elements around matched words are ours.
"""

from django.core.paginator import Page, Paginator
from django.db import connection

from . import matching
from .hits import Hit, hits
from .matching import ANSWER, CONTRIBUTION, FINDING, PER_PAGE, Filters, match_keys

__all__ = ["ANSWER", "CONTRIBUTION", "FINDING", "PER_PAGE", "Filters", "Hit", "search"]


def search(
    *, query: str, filters: Filters, page: int | str | None = 1, full_text: bool | None = None
) -> Page:
    """A page of hits, best first. Constant queries per page: one per kind of text to match, one or two
    per kind on the page to read. `full_text` defaults to whether the database is PostgreSQL. Where a kind of
    text matched more than can be ranked, the page's `most_recent_only` says how many of its most recent
    matches are listed (0 otherwise)."""
    if full_text is None:
        full_text = connection.vendor == "postgresql"
    query = query.strip()
    keys, only_recent = match_keys(query, filters, full_text=full_text) if query else ([], False)
    page_ = Paginator(keys, PER_PAGE).get_page(page)
    page_.object_list = hits(list(page_.object_list), query, full_text=full_text)
    page_.most_recent_only = matching.MAX_MATCHES if only_recent else 0
    return page_
