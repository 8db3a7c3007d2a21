"""The member's own personal data: what the portal holds, downloaded as JSON, and asking the Secretariat to
erase it (an erasure is the Secretariat's act: it keeps the organisation's work attributed to it)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from core.errors import DomainError

from ..personal_data import personal_data_erasure_request, personal_data_json
from .access import organisation_or_404


@login_required
@require_GET
def page(request: HttpRequest) -> HttpResponse:
    organisation = organisation_or_404(request)
    return render(request, "civil_society/personal_data/page.html", {"organisation": organisation})


@login_required
@require_GET
@never_cache
def export(request: HttpRequest) -> HttpResponse:
    organisation_or_404(request)
    try:
        document = personal_data_json(user=request.user)
    except DomainError:
        raise Http404 from None
    response = HttpResponse(document, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename="my-personal-data.json"
    )
    return response


@login_required
@require_POST
def erasure_request(request: HttpRequest) -> HttpResponse:
    organisation_or_404(request)
    try:
        asked = personal_data_erasure_request(user=request.user)
    except DomainError:
        raise Http404 from None
    if asked:
        messages.success(
            request,
            _("The Secretariat has been asked to erase your personal data."),
        )
    else:
        messages.warning(
            request, _("Your request could not be sent: please write to the Secretariat directly.")
        )
    return redirect("personal-data")
