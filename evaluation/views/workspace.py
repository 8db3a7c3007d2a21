"""The question workspace (the Rapporteur's desk), and what is done from it: quoting a passage into an
observation, beginning observations on the question."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from questionnaires.selectors import questions_of
from rounds.selectors import committee_member_of, round_for

from .. import services
from ..forms import ObservationStartForm, QuoteForm
from ..selectors import (
    evidence_answers_visible_to,
    evidence_items_visible_to,
    observation_for,
    rapporteurs_of,
)
from ..workspace import SHOW_ALL, SHOWS, workspace
from .access import evaluator_page, refusals_shown


def _filters(codes: list[str], show: str) -> str:
    """The Parties and answers chosen, for links that keep them: `?party=FR&show=answered`, or nothing."""
    query = QueryDict(mutable=True)
    if codes:
        query.setlist("party", codes)
    if show in SHOWS and show != SHOW_ALL:
        query["show"] = show
    return f"?{query.urlencode()}" if query else ""


def _may_start(user, page) -> bool:
    """Its Rapporteur and the Secretariat begin observations on a question."""
    if user.is_staff:
        return True
    member = committee_member_of(user)
    return member is not None and page.rapporteur is not None and page.rapporteur.member_id == member.pk


@evaluator_page
def question_workspace(request: HttpRequest, slug: str, number: str) -> HttpResponse:
    round_ = round_for(request.user, slug)
    page = workspace(
        viewer=request.user,
        round=round_,
        number=number,
        party_codes=request.GET.getlist("party"),
        show=request.GET.get("show", ""),
    )
    context = {
        "round": round_,
        "page": page,
        "filters": _filters(page.selected, page.show),
        "may_start": _may_start(request.user, page),
        "start_form": ObservationStartForm(),
        "is_secretariat": request.user.is_staff,
    }
    return render(request, "evaluation/workspace.html", context)


def _back(slug: str, number: str, request: HttpRequest, anchor: str = "") -> str:
    url = reverse("evaluation-question", kwargs={"slug": slug, "number": number})
    kept = QueryDict(request.POST.get("filters", ""))  # the filters the page had, rebuilt, never echoed
    return f"{url}{_filters(kept.getlist('party'), kept.get('show', SHOW_ALL))}{anchor}"


@evaluator_page
@require_POST
def quote(request: HttpRequest, slug: str, number: str) -> HttpResponse:
    """Quote a passage of an answer or of a contribution's item into one of the writer's observations."""
    form = QuoteForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect(_back(slug, number, request))
    data = form.cleaned_data
    observation = observation_for(request.user, slug=slug, pk=data["observation"])
    answer = item = None
    if data["answer"]:
        answer = get_object_or_404(evidence_answers_visible_to(request.user), pk=data["answer"])
        anchor = f"#answer-{answer.pk}"
    else:
        item = get_object_or_404(evidence_items_visible_to(request.user), pk=data["item"])
        anchor = f"#item-{item.pk}"
    with refusals_shown(request):
        services.citation_add(
            observation=observation, by=request.user, passage=data["passage"], answer=answer, item=item
        )
        messages.success(request, _("The passage is quoted in “%(title)s”.") % {"title": observation.title})
    return redirect(_back(slug, number, request, anchor))


@evaluator_page
@require_POST
def observation_start(request: HttpRequest, slug: str, number: str) -> HttpResponse:
    """Begin observations on this question: by its Rapporteur for themself; by the Secretariat, prepared by
    the Secretariat or by the question's Rapporteur."""
    round_ = round_for(request.user, slug)
    question = get_object_or_404(questions_of(round=round_), number=number)
    appointed = rapporteurs_of(round_).filter(question=question).first()
    form = ObservationStartForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the observations a title."))
        return redirect(_back(slug, number, request))
    data = form.cleaned_data
    if request.user.is_staff:
        by_rapporteur = data["prepared_by"] == ObservationStartForm.BY_RAPPORTEUR
        rapporteur = appointed.member if by_rapporteur and appointed else None
    else:
        rapporteur = committee_member_of(request.user)
    with refusals_shown(request):
        observation = services.observation_create(
            round=round_,
            questions=[question],
            title=data["title"],
            language=data["language"],
            rapporteur=rapporteur,
            by=request.user,
        )
        messages.success(request, _("The observations are begun: write them below."))
        return redirect("evaluation-observation", slug, observation.pk)
    return redirect(_back(slug, number, request))
