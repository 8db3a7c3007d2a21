"""Word round trip: download the questionnaire pre-filled, upload it back, preview, confirm."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from core.errors import TextTooLong

from ..errors import EditConflict, InvalidFile, InvalidTransition, NotEditable
from ..models import Reply, WordImport
from ..services.word_import import (
    word_import_apply,
    word_import_changes,
    word_import_missing,
    word_import_read,
    word_import_unmatched,
)
from ..word.export import DOCX_CONTENT_TYPE, reply_docx, reply_docx_filename
from .access import reply_for_focal_point


@never_cache
@login_required
@require_http_methods(["GET"])
def download(request: HttpRequest, slug: str, iso2: str) -> HttpResponse:
    reply = reply_for_focal_point(request, slug, iso2)
    response = HttpResponse(reply_docx(reply=reply), content_type=DOCX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{reply_docx_filename(reply)}"'
    return response


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def upload(request: HttpRequest, slug: str, iso2: str) -> HttpResponse:
    reply = reply_for_focal_point(request, slug, iso2)
    if request.method == "GET":
        return _upload_page(request, reply)
    document = request.FILES.get("document")
    if document is None:
        return _upload_page(request, reply, error=_("Choose a Word (.docx) file to upload."), status=400)
    try:
        word_import = word_import_read(reply=reply, by=request.user, upload=document)
    except (InvalidFile, NotEditable) as error:
        return _upload_page(request, reply, error=error.message, status=400)
    return redirect("reply-word-preview", slug, iso2, word_import.pk)


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def preview(request: HttpRequest, slug: str, iso2: str, pk: int) -> HttpResponse:
    reply = reply_for_focal_point(request, slug, iso2)
    word_import = get_object_or_404(WordImport.objects.select_related("reply__round"), pk=pk, reply=reply)
    if request.method == "GET":
        return _preview_page(request, reply, word_import)
    try:
        saved = word_import_apply(word_import=word_import, by=request.user)
    except (EditConflict, InvalidTransition, NotEditable, InvalidFile, TextTooLong) as error:
        word_import.refresh_from_db()
        return _preview_page(request, reply, word_import, error=error.message, status=error.status)
    messages.success(
        request,
        ngettext(
            "%(count)d answer was imported from the Word document.",
            "%(count)d answers were imported from the Word document.",
            len(saved),
        )
        % {"count": len(saved)},
    )
    return redirect(reverse("reply-edit", args=[slug, iso2]))


def _upload_page(request: HttpRequest, reply: Reply, *, error: str = "", status: int = 200) -> HttpResponse:
    return render(request, "submissions/word_upload.html", {"reply": reply, "error": error}, status=status)


def _preview_page(
    request: HttpRequest, reply: Reply, word_import: WordImport, *, error: str = "", status: int = 200
) -> HttpResponse:
    changes = word_import_changes(word_import)
    counts = {name: sum(row["status"] == name for row in changes) for name in ("new", "changed", "unchanged")}
    context = {
        "reply": reply,
        "word_import": word_import,
        "changing": [row for row in changes if row["status"] != "unchanged"],  # what needs reading first
        "unchanged": [row for row in changes if row["status"] == "unchanged"],
        "counts": counts,
        "national": reply.national_language,
        "official_name": reply.get_language_display(),
        "unmatched": word_import_unmatched(word_import),
        "missing": word_import_missing(word_import),
        "stale": any(row["stale"] for row in changes),
        "error": error,
    }
    return render(request, "submissions/word_preview.html", context, status=status)
