"""The limits of free texts in forms: `{% text_limit "title" %}` gives a field's maxlength, and
`{% text_counter "text" "text-" question.pk %}` the counter of the field with that id, shown near the limit by
static/js/text-counter.js (hidden until then, and without JavaScript)."""

import math

from django.template import Library
from django.utils.html import format_html
from django.utils.translation import gettext as _

from ..text_limits import COUNTER_FROM
from ..text_limits import text_limit as limit_of

register = Library()


@register.simple_tag
def text_limit(kind: str) -> int:
    return limit_of(kind)


@register.simple_tag
def text_counter(kind: str, *field_id) -> str:
    """The counter of the field whose id is the `field_id` parts joined; the script fills in the numbers."""
    field = "".join(map(str, field_id))
    limit = limit_of(kind)
    return format_html(
        '<p class="text-count" id="{}-count" data-count-for="{}" data-limit="{}" data-count-from="{}" '
        'data-near="{}" data-over="{}" aria-live="polite" hidden></p>',
        field,
        field,
        limit,
        math.ceil(limit * COUNTER_FROM),
        _("%(count)s of %(limit)s characters"),
        _("%(count)s of %(limit)s characters: %(over)s too many. Shorten the text to save it."),
    )
