from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublicConfig(AppConfig):
    """The reader's portal: status tables, comparisons across Parties, search and feeds. It only reads,
    and only through the visibility selectors of the apps below it.

    Its one listener forgets the cached version of the public data when a model its pages show is saved,
    deleted or relinked: those writes come from every app below (and the admin's plain saves), which may
    not call up into this app, and the version is computed from the data anyway, so the signal only makes
    the change seen at once (docs/architecture.md)."""

    name = "public"
    verbose_name = _("Public portal")

    def ready(self) -> None:
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from .cache import VERSIONED, forget_public_data_version

        for model in VERSIONED:
            post_save.connect(
                forget_public_data_version, sender=model, dispatch_uid=f"version-{model.__name__}"
            )
            post_delete.connect(
                forget_public_data_version, sender=model, dispatch_uid=f"version-{model.__name__}"
            )
            for field in model._meta.local_many_to_many:
                m2m_changed.connect(forget_public_data_version, sender=field.remote_field.through)
