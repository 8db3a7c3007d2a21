"""The open-data downloads of a round, built on request and cached under the public data version
(`public.cache`): a publication, an acknowledged or withdrawn comment, an adopted finding changes the key, so
the next download is rebuilt from the new data at once.

The files are the same whoever asks and in whichever language: the data are read as an anonymous reader, and
the cache key is taken in one language.
"""

from django.utils import translation

from rounds.models import Round

from ..cache import cached
from .build import open_data_document
from .csv_files import document_json, open_data_zip

KEY_LANGUAGE = "en"


def round_document(round: Round) -> dict:
    with translation.override(KEY_LANGUAGE):
        return cached("open-data", round.pk, build=lambda: open_data_document(round=round))


def round_json(round: Round) -> bytes:
    with translation.override(KEY_LANGUAGE):
        return cached("open-data-json", round.pk, build=lambda: document_json(round_document(round)))


def round_zip(round: Round) -> bytes:
    with translation.override(KEY_LANGUAGE):
        return cached("open-data-zip", round.pk, build=lambda: open_data_zip(round_document(round)))


def filename(round: Round, extension: str) -> str:
    return f"lanzarote-{round.slug}-open-data.{extension}"
