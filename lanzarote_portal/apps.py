"""The project package as an app, for what every process of the portal does at start."""

from pathlib import Path

from django.apps import AppConfig
from django.conf import settings

from .celery import app as celery_app

# Where Kombu's filesystem transport reads, writes and keeps its bindings (settings.base, `var/broker/`).
BROKER_FOLDER_OPTIONS = ("data_folder_in", "data_folder_out", "processed_folder", "control_folder")


def embedded_folders() -> list[Path]:
    """The folders the embedded setup writes to, where it is the one in use: the SQLite database's (SQLite
    makes no folder), the file cache's and the filesystem broker's (Kombu makes none either). Production's
    database, cache and broker are servers: there, none. Uploads need nothing: the storage makes its
    folders on the first save, and a command refused before writing (a restore) must leave none behind."""
    folders = []
    database = settings.DATABASES["default"]
    if database["ENGINE"] == "django.db.backends.sqlite3" and str(database["NAME"]) != ":memory:":
        folders.append(Path(database["NAME"]).parent)
    folders += [
        Path(cache["LOCATION"])
        for cache in settings.CACHES.values()
        if cache["BACKEND"] == "django.core.cache.backends.filebased.FileBasedCache"
    ]
    if celery_app.conf.broker_url.startswith("filesystem://"):
        options = celery_app.conf.broker_transport_options
        folders += [Path(options[name]) for name in BROKER_FOLDER_OPTIONS if name in options]
    return folders


class PortalConfig(AppConfig):
    name = "lanzarote_portal"
    verbose_name = "Lanzarote portal"

    def ready(self) -> None:
        # Web, worker, beat and every command make them: `manage.py migrate` then `runserver` works as it
        # does after `make run`, and a publish never meets a missing broker folder.
        for folder in embedded_folders():
            folder.mkdir(parents=True, exist_ok=True)
