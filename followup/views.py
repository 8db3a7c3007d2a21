"""The focal points' pages for the requests for clarifications asked of their Party: the list, and a page
per request with the form that saves (compare-and-set) and submits the response. Whoever is not a focal
point of the Party asked finds nothing (404)."""

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.errors import DomainError, NotFound
from rounds.selectors import party_of

from . import services
from .errors import EditConflict
from .models import Clarification
from .selectors import assessment_before, clarification_for_focal_point, clarifications_to_answer


@login_required
def clarification_list(request: HttpRequest) -> HttpResponse:
    party = party_of(request.user)
    if party is None:
        raise Http404
    context = {"party": party, "clarifications": clarifications_to_answer(request.user)}
    return render(request, "followup/clarification_list.html", context)


def _found(request: HttpRequest, pk: int) -> Clarification:
    clarification = clarification_for_focal_point(request.user, pk)
    if clarification is None:
        raise Http404
    return clarification


def _page(request: HttpRequest, clarification: Clarification, *, status: int = 200, **extra) -> HttpResponse:
    context = {
        "clarification": clarification,
        "previous": assessment_before(request.user, clarification),
        "response": clarification.response,
        "version": clarification.version,
        **extra,
    }
    return render(request, "followup/clarification.html", context, status=status)


@login_required
def clarification_page(request: HttpRequest, pk: int) -> HttpResponse:
    return _page(request, _found(request, pk))


def _version(request: HttpRequest) -> int:
    raw = request.POST.get("version", "")
    return int(raw) if raw.isdigit() else -1


def _write(request: HttpRequest, pk: int, service: Callable[..., Clarification], done: str) -> HttpResponse:
    """Save or submit the text posted. A conflict or a refusal shows the page again with the text kept."""
    clarification = _found(request, pk)
    body = request.POST.get("response", "")
    try:
        service(clarification=clarification, body=body, version=_version(request), by=request.user)
    except EditConflict as conflict:
        current = conflict.context["current"]
        extra = {"conflict": {"current": current, "message": conflict.message}}
        return _page(request, clarification, status=409, response=body, version=current["version"], **extra)
    except NotFound as missing:
        raise Http404 from missing
    except DomainError as refusal:
        # Nothing is stored; the writer keeps the text on the page, beside the message.
        clarification.refresh_from_db()
        extra = {"refusal": refusal.message}
        return _page(request, clarification, status=refusal.status, response=body, **extra)
    messages.success(request, done)
    return redirect("clarification-page", pk)


@login_required
@require_POST
def clarification_save(request: HttpRequest, pk: int) -> HttpResponse:
    return _write(request, pk, services.clarification_response_save, _("The response is saved."))


@login_required
@require_POST
def clarification_submit(request: HttpRequest, pk: int) -> HttpResponse:
    return _write(
        request, pk, services.clarification_response_submit, _("The response is sent to the Committee.")
    )
