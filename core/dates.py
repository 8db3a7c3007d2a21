"""Dates as the portal writes them: "1 April 2018", and in French "1er avril 2018" (Django's `j` cannot).

Templates get this through the `date` filter (`core.templatetags.dates`, a template builtin); Python code
that writes a date into a message or an e-mail calls `date_display`.
"""

import datetime
import re

from django.utils import formats
from django.utils.translation import get_language

_DAY = re.compile(r"(?<!\\)j")  # the day of the month, where not escaped


def first_day_format(value, format: str | None = None) -> str | None:
    """The format to write `value` with: in French, the first of the month as the ordinal "1er"."""
    if getattr(value, "day", None) != 1 or not (get_language() or "").startswith("fr"):
        return format
    return _DAY.sub(r"1\\e\\r", formats.get_format(format or "DATE_FORMAT"))


def date_display(value: datetime.date, format: str = "DATE_FORMAT") -> str:
    """`value` in `format` (a format's name such as "DATE_FORMAT", or a format string), in the active
    language."""
    return formats.date_format(value, first_day_format(value, format))
