from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.page_errors import refusal_shown
from questionnaires.models import Question

from ..models import Attachment
from ..selectors import attachments_visible_to
from ..services import attachment_add, attachment_remove
from .access import reply_for_focal_point


def _back(slug: str, iso2: str) -> HttpResponse:
    return redirect(f"{reverse('reply-edit', args=[slug, iso2])}#attachments")


@login_required
@require_POST
def add(request: HttpRequest, slug: str, iso2: str) -> HttpResponse:
    reply = reply_for_focal_point(request, slug, iso2)
    upload = request.FILES.get("file")
    if upload is None:
        messages.error(request, _("Choose a file to attach."))
        return _back(slug, iso2)
    number = request.POST.get("question") or None
    question = (
        get_object_or_404(Question, questionnaire__round=reply.round_id, number=number) if number else None
    )
    refused = _("%(file)s was not attached: %(reason)s")
    with refusal_shown(request, wrap=lambda reason: refused % {"file": upload.name, "reason": reason}):
        attachment = attachment_add(
            reply=reply,
            by=request.user,
            upload=upload,
            title=request.POST.get("title", ""),
            language=request.POST.get("language", ""),
            question=question,
        )
        messages.success(request, _("“%(title)s” is attached.") % {"title": attachment.title})
    return _back(slug, iso2)


@login_required
@require_POST
def remove(request: HttpRequest, slug: str, iso2: str, pk: int) -> HttpResponse:
    reply = reply_for_focal_point(request, slug, iso2)
    attachment = get_object_or_404(Attachment, pk=pk, reply=reply)
    with refusal_shown(request):
        attachment_remove(attachment=attachment, by=request.user)
        messages.success(request, _("“%(title)s” has been removed.") % {"title": attachment.title})
    return _back(slug, iso2)


def download(request: HttpRequest, pk: int) -> FileResponse:
    """Files are served only here, through the visibility gate, and always as downloads."""
    attachment = get_object_or_404(attachments_visible_to(request.user), pk=pk)
    response = FileResponse(attachment.file.open("rb"), as_attachment=True, filename=attachment.original_name)
    response["X-Content-Type-Options"] = "nosniff"
    return response
