"""What both admin pages share."""

from django.contrib import admin
from django.utils.safestring import mark_safe

from ..documents import safe_html


def rendered(html: str) -> str:
    """Stored HTML is sanitised on every write; cleaning it again costs little and trusts no import."""
    return mark_safe(safe_html(html))  # noqa: S308 (sanitised on this line)


class ReadOnlyInline(admin.TabularInline):
    """A list under the contribution or organisation: every column read-only, no row added or removed."""

    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False
