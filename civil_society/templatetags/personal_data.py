"""`{{ user|member_name:organisation }}`: who did something, as pages show it — the organisation once the
person's personal data is erased, never the anonymised account's name."""

from django.template import Library

from .. import personal_data

register = Library()


@register.filter
def member_name(user, organisation=None) -> str:
    return personal_data.member_name(user, organisation)
