from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublicConfig(AppConfig):
    """The reader's portal: status tables, comparisons across Parties, search and feeds. It only reads,
    and only through the visibility selectors of the apps below it."""

    name = "public"
    verbose_name = _("Public portal")
