"""The evaluators' desk of a follow-up (`/rounds/<slug>/evaluation/follow-up/`): per recommendation and Party,
the current level, the proposals, the latest request for clarifications and the Party's response; and the
form that proposes an assessment, for the Secretariat and the Rapporteurs concerned. Like the evaluation's
pages: log in first, 404 for anyone but an evaluator, 403 with its reason for a member who may not propose."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.errors import DomainError, NotFound
from evaluation.views.access import evaluator_page
from rounds.models import Party, Round
from rounds.selectors import round_for

from . import services
from .errors import NotPermitted
from .forms import ProposeForm
from .models import Level
from .selectors import desk, items_of


def _follow_up(request: HttpRequest, slug: str) -> Round:
    round_ = round_for(request.user, slug)
    if round_.kind != Round.Kind.FOLLOW_UP:
        raise Http404
    return round_


def _page(
    request: HttpRequest, round_: Round, *, status: int = 200, failed: dict | None = None
) -> HttpResponse:
    context = {
        "round": round_,
        "desk": desk(request.user, round_),
        "levels": Level.choices,
        "failed": failed or {},
    }
    return render(request, "followup/desk.html", context, status=status)


@evaluator_page
def follow_up_desk(request: HttpRequest, slug: str) -> HttpResponse:
    return _page(request, _follow_up(request, slug))


@evaluator_page
@require_POST
def follow_up_propose(request: HttpRequest, slug: str) -> HttpResponse:
    """Propose an assessment of one Party on one recommendation. A refusal stores nothing: the desk again with
    the text kept beside the message (400), or the 403 page for a member who may not propose."""
    round_ = _follow_up(request, slug)
    form = ProposeForm(request.POST)
    if not form.is_valid():
        raise Http404  # no question or Party named: nothing the desk sent
    data = form.cleaned_data
    item = items_of(request.user, round_).filter(question=data["question"]).first()
    party = Party.objects.filter(pk=data["party"], participations__round=round_).first()
    if item is None or party is None:
        raise Http404
    try:
        services.assessment_propose(
            round=round_,
            question=item.question,
            party=party,
            level=data["level"],
            reasoning=data["reasoning"],
            language=data["language"] or "en",
            by=request.user,
        )
    except NotFound as missing:
        raise Http404 from missing
    except NotPermitted as refusal:
        return render(request, "evaluation/refused.html", {"message": refusal.message}, status=403)
    except DomainError as refusal:
        failed = {"question": item.question_id, "party": party.pk, "message": refusal.message, **data}
        return _page(request, round_, status=refusal.status, failed=failed)
    messages.success(
        request,
        _("The assessment of %(party)s on %(reference)s is proposed: the Committee adopts it at a meeting.")
        % {"party": party.name, "reference": item.reference},
    )
    anchor = f"#cell-{item.question.number}-{party.code}"
    return redirect(reverse("follow-up-desk", args=[round_.slug]) + anchor)
