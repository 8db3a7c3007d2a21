"""An observation's page: its text editor for its writers (compare-and-set on the version, a conflict shown
beside the stored text), its citations, versions and comments; tabling, reopening and examining it."""

from collections.abc import Callable

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.errors import DomainError, NotFound

from .. import services
from ..errors import EditConflict, NotPermitted
from ..models import Citation, Observation
from ..selectors import (
    citations_visible_to,
    comments_visible_to,
    hidden_citations_count,
    may_write_observation,
    observation_for,
)
from .access import evaluator_page, refusals_shown


def _source_url(citation: Citation, observation: Observation) -> str:
    """Where a citation's source is read: the answer on the Party's public page, a public contribution's
    page, or — for a confidential one — the question's workspace, where only those allowed read it."""
    slug = observation.round.slug
    if citation.answer_id:
        answer = citation.answer
        page = reverse("party-reply", kwargs={"slug": slug, "iso2": answer.reply.party.code})
        return f"{page}#q-{answer.question.number}"
    item = citation.item
    if citation.is_confidential:
        page = reverse("evaluation-question", kwargs={"slug": slug, "number": item.question.number})
        return f"{page}#item-{item.pk}"
    page = reverse("public-contribution", kwargs={"slug": slug, "pk": item.contribution_id})
    return f"{page}#q-{item.question.number}"


def _context(request: HttpRequest, observation: Observation, **extra) -> dict:
    user = request.user
    citations = list(
        citations_visible_to(user).filter(observation=observation).select_related("item__question")
    )
    for citation in citations:
        citation.source_url = _source_url(citation, observation)
    return {
        "round": observation.round,
        "observation": observation,
        "writes": may_write_observation(user, observation),
        "editable": observation.state != Observation.State.EXAMINED,
        "states": Observation.State,
        "citations": citations,
        "hidden_citations": hidden_citations_count(user, observation),
        "versions": observation.versions.select_related("saved_by")[:50],
        "comments": comments_visible_to(user).filter(observation=observation).order_by("created_at", "pk"),
        "body": observation.body,
        "version": observation.version,
        **extra,
    }


@evaluator_page
def observation_page(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    observation = observation_for(request.user, slug=slug, pk=pk)
    return render(request, "evaluation/observation.html", _context(request, observation))


def _version(request: HttpRequest) -> int:
    raw = request.POST.get("version", "")
    return int(raw) if raw.isdigit() else -1


@evaluator_page
@require_POST
def observation_save(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Save the text. A conflict or a refusal shows the page again with the writer's text kept."""
    observation = observation_for(request.user, slug=slug, pk=pk)
    body = request.POST.get("body", "")
    try:
        services.observation_save(
            observation=observation, body=body, version=_version(request), by=request.user
        )
    except EditConflict as conflict:
        current = conflict.context["current"]
        context = _context(
            request,
            observation,
            conflict={"current": current, "message": conflict.message},
            body=body,
            version=current["version"],
        )
        return render(request, "evaluation/observation.html", context, status=409)
    except NotFound as missing:
        raise Http404 from missing
    except NotPermitted as refusal:
        return render(request, "evaluation/refused.html", {"message": refusal.message}, status=403)
    except DomainError as refusal:
        # Nothing is stored; the writer keeps the text on the page, beside the message.
        messages.error(request, refusal.message)
        context = _context(request, observation, body=body, version=_version(request))
        return render(request, "evaluation/observation.html", context, status=refusal.status)
    messages.success(request, _("The observations are saved."))
    return redirect("evaluation-observation", slug, pk)


def _act(
    request: HttpRequest, slug: str, pk: int, service: Callable[..., Observation], done: str
) -> HttpResponse:
    observation = observation_for(request.user, slug=slug, pk=pk)
    with refusals_shown(request):
        service(observation=observation, by=request.user)
        messages.success(request, done)
    return redirect("evaluation-observation", slug, pk)


@evaluator_page
@require_POST
def observation_table(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    return _act(
        request, slug, pk, services.observation_table, _("The observations are tabled for a meeting.")
    )


@evaluator_page
@require_POST
def observation_reopen(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    return _act(request, slug, pk, services.observation_reopen, _("The observations are a draft again."))


@evaluator_page
@require_POST
def observation_examine(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    return _act(
        request, slug, pk, services.observation_examine, _("The observations are recorded as examined.")
    )


@evaluator_page
@require_POST
def observation_comment(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    observation = observation_for(request.user, slug=slug, pk=pk)
    with refusals_shown(request):
        services.observation_comment(
            observation=observation, text=request.POST.get("text", ""), by=request.user
        )
        messages.success(request, _("Your comment is added."))
    return redirect(reverse("evaluation-observation", args=[slug, pk]) + "#comments")


@evaluator_page
@require_POST
def citation_remove(request: HttpRequest, slug: str, pk: int, citation: int) -> HttpResponse:
    observation = observation_for(request.user, slug=slug, pk=pk)
    found = get_object_or_404(citations_visible_to(request.user).filter(observation=observation), pk=citation)
    with refusals_shown(request):
        services.citation_remove(citation=found, by=request.user)
        messages.success(request, _("The citation is removed."))
    return redirect(reverse("evaluation-observation", args=[slug, pk]) + "#citations")
