"""Filters of the API's lists (django-filter), shared by every app: a Party by its code, and what changed
since an instant. An unknown or malformed value is 400 `invalid`; a filter only narrows what the visibility
gate already let through."""

import datetime

import django_filters as filters
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _
from django_filters.fields import IsoDateTimeField

from .models import Party, Round

PARTY_CODE = RegexValidator(r"^[A-Za-z]{2}$", _("Name a Party by its ISO 3166-1 alpha-2 code, e.g. FR."))


def party_filter(field_name: str = "party__code", **kwargs) -> filters.CharFilter:
    kwargs.setdefault("help_text", "A Party's ISO 3166-1 alpha-2 code, in either case, e.g. `FR`.")
    return filters.CharFilter(field_name=field_name, lookup_expr="iexact", validators=[PARTY_CODE], **kwargs)


class InstantField(IsoDateTimeField):
    """An ISO 8601 date and time, as an instant in UTC: Python reads offsets up to 24 hours, databases
    store less (PostgreSQL refuses one past 15:59), and an instant is all a filter needs."""

    def to_python(self, value):
        value = super().to_python(value)
        if value is None:
            return None
        try:
            return value.astimezone(datetime.UTC)
        except OverflowError:
            raise ValidationError(
                _("Enter a date and time between the years 1 and 9999."), code="invalid"
            ) from None


class InstantFilter(filters.IsoDateTimeFilter):
    field_class = InstantField


def updated_since_filter() -> filters.IsoDateTimeFilter:
    return InstantFilter(
        field_name="updated_at",
        lookup_expr="gte",
        help_text="Only what changed at or after this ISO 8601 instant, e.g. `2025-01-31T00:00:00Z`.",
    )


class PartyFilter(filters.FilterSet):
    language = filters.CharFilter(
        field_name="national_languages__code",
        max_length=3,
        help_text="Parties with this national language (ISO 639-1 code, e.g. `de`).",
    )
    updated_since = updated_since_filter()

    class Meta:
        model = Party
        fields = ["language", "updated_since"]


class RoundFilter(filters.FilterSet):
    kind = filters.ChoiceFilter(
        choices=Round.Kind.choices,
        help_text="Regular or urgent rounds, or the follow-ups of their recommendations.",
    )
    status = filters.ChoiceFilter(choices=Round.Status.choices, help_text="Rounds at this stage.")
    updated_since = updated_since_filter()

    class Meta:
        model = Round
        fields = ["kind", "status", "updated_since"]
