"""The status table of a round, as a page and as a CSV download of the same rows."""

import csv

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language

from .. import status
from ..cache import cached, whole_page_for_readers


@whole_page_for_readers
def round_status(request: HttpRequest, slug: str) -> HttpResponse:
    if request.GET.get("format") == "csv":
        return round_status_csv(request, slug)
    round_ = status.public_round(slug)
    query = status.StatusQuery.from_params(request.GET)
    rows = cached("status", round_.pk, query, build=lambda: status.status_rows(round=round_, query=query))
    context = {
        "round": round_,
        "rows": rows,
        "query": query,
        "columns": status.columns(query),
        "states": status.STATES,
        "windows": status.WINDOWS,
        "csv_query": query.params(),
    }
    return render(request, "public/status.html", context)


@whole_page_for_readers
def round_status_csv(request: HttpRequest, slug: str) -> HttpResponse:
    round_ = status.public_round(slug)
    query = status.StatusQuery.from_params(request.GET)
    rows = cached("status", round_.pk, query, build=lambda: status.status_rows(round=round_, query=query))
    filename = f"{round_.slug}-status-{get_language()}.csv"
    response = HttpResponse(
        content_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
    response.write("\ufeff")  # a byte-order mark, so that spreadsheets read the file as UTF-8
    csv.writer(response).writerows(status.csv_table(rows, base_url=request.build_absolute_uri("/")[:-1]))
    return response
