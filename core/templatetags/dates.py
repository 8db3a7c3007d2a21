"""The `date` filter, made a template builtin so that every date shown in French writes the first of the
month "1er" (`core.dates`), whatever format the template asks for."""

from django.template import Library
from django.template.defaultfilters import date as django_date

from ..dates import first_day_format

register = Library()


@register.filter(expects_localtime=True, is_safe=False)
def date(value, arg=None):
    return django_date(value, first_day_format(value, arg))
