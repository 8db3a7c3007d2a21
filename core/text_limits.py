"""Every free text a person writes has a length limit held in `settings.TEXT_LIMITS`, by kind of text:
`text` (answers, contributions, findings), `message`, `explanation` and `title`.

Services call `text_check` on what they are about to store and refuse, storing nothing, with `TextTooLong`;
the editors show a counter from 90% of the limit (the `text_limits` template tags, static/js/text-counter.js).
"""

from django.conf import settings
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from .errors import TextTooLong

# The editors' counter shows from this share of the limit.
COUNTER_FROM = 0.9


def text_limit(kind: str) -> int:
    return settings.TEXT_LIMITS[kind]


def text_length(text: str) -> int:
    """Characters as a person counts them: a line break is one, though a form sends it as two (CR LF)."""
    return len(text) - text.count("\r\n")


def text_check(text: str | None, *, kind: str, field: str, label: str) -> None:
    """Refuse `text` (None: not given) when longer than the limit of its `kind`; `label` names it."""
    if text is None:
        return
    # A title is one line, stored in a column of so many characters: every character counts.
    limit, length = text_limit(kind), len(text) if kind == "title" else text_length(text)
    if length > limit:
        raise TextTooLong(
            _(
                "%(label)s: %(length)s characters, where at most %(limit)s are accepted. "
                "Shorten it and try again."
            )
            % {
                "label": label,
                "length": number_format(length, force_grouping=True),
                "limit": number_format(limit, force_grouping=True),
            },
            field=field,
            limit=limit,
        )
