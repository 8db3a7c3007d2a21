"""A result's passage as HTML: the text escaped, and only the `<mark>` elements around matched words
ours. On PostgreSQL `ts_headline` cuts it; elsewhere it is cut in Python."""

import html
import re

from django.contrib.postgres.search import SearchHeadline, SearchQuery
from django.db.models import F, Value
from django.db.models.functions import Replace
from django.utils.html import escape, strip_tags
from django.utils.safestring import SafeString, mark_safe

# Sentinels around matched words: private-use characters, so a text cannot smuggle markup in through them.
START, STOP = "\ue000", "\ue001"
_MARKED = re.compile(f"{START}([^{START}{STOP}]*){STOP}")
_SENTINELS = re.compile(f"[{START}{STOP}]")


def escaped(expression: str):
    """A plain text as HTML, in SQL, so `ts_headline` (which drops anything that looks like a tag) keeps
    what the text says; the passage is unescaped and escaped again in Python."""
    escaped = Replace(F(expression), Value("&"), Value("&amp;"))
    escaped = Replace(escaped, Value("<"), Value("&lt;"))
    return Replace(escaped, Value(">"), Value("&gt;"))


def headline(expression, query: SearchQuery, config: str) -> SearchHeadline:
    return SearchHeadline(
        expression,
        query,
        config=config,
        start_sel=START,
        stop_sel=STOP,
        max_words=35,
        min_words=15,
        max_fragments=2,
        fragment_delimiter=" … ",
    )


def marked(headline: str) -> SafeString:
    """A passage out of `ts_headline` (sentinels around matched words, HTML entities, no tags) as safe HTML:
    everything escaped, then the sentinels turned into `<mark>`."""
    text = escape(html.unescape(headline or "").strip())
    text = _MARKED.sub(r"<mark>\1</mark>", text)
    return mark_safe(_SENTINELS.sub("", text))  # noqa: S308 (escaped above: only our <mark>s are markup)


def highlight(text: str, words: list[str], *, is_html: bool = False, width: int = 30) -> SafeString:
    """The fallback's passage: the words around the first match, escaped, matched words in `<mark>`."""
    if is_html:
        text = html.unescape(strip_tags(text))
    text = _SENTINELS.sub("", text)
    tokens = text.split()
    lowered = [token.lower() for token in tokens]
    first = next((i for i, token in enumerate(lowered) if any(word in token for word in words)), 0)
    start = max(0, first - width // 3)
    excerpt = " ".join(tokens[start : start + width])
    if words:
        pattern = re.compile("|".join(re.escape(word) for word in sorted(words, key=len, reverse=True)), re.I)
        excerpt = pattern.sub(lambda found: f"{START}{found.group(0)}{STOP}", excerpt)
    prefix = "… " if start > 0 else ""
    suffix = " …" if start + width < len(tokens) else ""
    return marked(f"{prefix}{excerpt}{suffix}".replace("&", "&amp;"))


def has_mark(passage: str) -> bool:
    return "<mark>" in passage
