"""A round's open data: the JSON document and the zip of CSV files as downloads, and the page describing
every field with the licence. Only a public round has them, and not a demonstration, whose data are invented;
any other slug answers 404, whoever asks."""

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language

from ..opendata import downloads
from ..opendata.dictionary import DOCUMENT, TABLES
from ..status import public_round


def _open_data_round(slug: str):
    round_ = public_round(slug)
    if round_.demonstration or round_.follows_id:  # a follow-up's are in the document of the round it follows
        raise Http404
    return round_


def _attachment(content: bytes, *, content_type: str, filename: str) -> HttpResponse:
    return HttpResponse(
        content,
        content_type=content_type,
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


def round_open_data_json(request: HttpRequest, slug: str) -> HttpResponse:
    round_ = _open_data_round(slug)
    return _attachment(
        downloads.round_json(round_),
        content_type="application/json; charset=utf-8",
        filename=downloads.filename(round_, "json"),
    )


def round_open_data_zip(request: HttpRequest, slug: str) -> HttpResponse:
    round_ = _open_data_round(slug)
    return _attachment(
        downloads.round_zip(round_),
        content_type="application/zip",
        filename=downloads.filename(round_, "zip"),
    )


def round_open_data(request: HttpRequest, slug: str) -> HttpResponse:
    """The data dictionary, in the language of the request."""
    round_ = _open_data_round(slug)
    language = "fr" if get_language() == "fr" else "en"
    licence = settings.OPEN_DATA_LICENCE
    context = {
        "round": round_,
        "language": language,
        "licence": licence,
        "notice": licence["notice_fr" if language == "fr" else "notice_en"],
        "tables": [
            {
                "table": table,
                "description": table.description(language),
                "fields": [
                    {
                        "field": field,
                        "type": field.type_label(language),
                        "description": field.description(language),
                    }
                    for field in table.fields
                ],
            }
            for table in (DOCUMENT, *TABLES)
        ],
    }
    return render(request, "public/open_data.html", context)
