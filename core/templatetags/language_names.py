"""A language named in the reader's language ("Polish", "polonais"), never by its code."""

from django.template import Library
from django.utils.translation import get_language_info

register = Library()


@register.filter
def language_name(code: str) -> str:
    try:
        return get_language_info(code)["name_translated"]
    except KeyError:  # a code Django does not know: better shown than dropped
        return code.upper()
