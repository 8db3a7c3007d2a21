from django.apps import AppConfig


class CoreConfig(AppConfig):
    """What every app shares, at the bottom of the layers: the audit trail, domain errors, deadlines and
    dates, the official languages, the lengths of free texts and the API's schema helpers. It has no models
    and imports no app of the portal."""

    name = "core"
