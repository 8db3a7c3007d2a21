"""Coalitions and moderation as organisations meet them: co-signers, consent to publication, and answers
to the Secretariat's requests for additional information."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.page_errors import refusal_shown

from .. import selectors, services
from ..contribution_forms import (
    CoSignerAddForm,
    InformationAnswerForm,
)
from ..errors import NotFound
from ..models import CoSignature
from .access import editor_url, for_authoring, organisation_or_404

TEMPLATES = "civil_society/contributions"


@login_required
@require_POST
def co_signers(request: HttpRequest, pk: int) -> HttpResponse:
    """Invite another verified organisation (`action=add`), or withdraw the invitation (`action=remove`)."""
    contribution = for_authoring(request, pk)
    with refusal_shown(request):
        if request.POST.get("action") == "remove":
            signature = (
                CoSignature.objects.select_related("organisation")
                .filter(contribution=contribution, organisation_id=request.POST.get("organisation", ""))
                .first()
                if request.POST.get("organisation", "").isdigit()
                else None
            )
            if signature is None:
                raise Http404
            services.co_signer_remove(
                contribution=contribution, by=request.user, organisation=signature.organisation
            )
            messages.success(
                request, _("%(name)s is no longer a co-signer.") % {"name": signature.organisation}
            )
        else:
            form = CoSignerAddForm(request.POST, contribution=contribution)
            if not form.is_valid():
                messages.error(request, " ".join(form.errors["organisation"]))
                return redirect(editor_url(pk, "co-signers"))
            organisation = form.cleaned_data["organisation"]
            services.co_signer_add(contribution=contribution, by=request.user, organisation=organisation)
            messages.success(
                request,
                _("%(name)s is invited to co-sign; its members have been e-mailed.") % {"name": organisation},
            )
    return redirect(editor_url(pk, "co-signers"))


@login_required
@require_POST
def co_sign(request: HttpRequest, pk: int) -> HttpResponse:
    """A member of a co-signing organisation confirms (`decision=confirm`) or declines."""
    organisation = organisation_or_404(request)
    try:
        contribution = selectors.contribution_for_reading(user=request.user, pk=pk)
    except NotFound:
        raise Http404 from None
    signature = next(
        (s for s in contribution.co_signatures.all() if s.organisation_id == organisation.pk), None
    )
    decision = request.POST.get("decision")
    if signature is None or decision not in ("confirm", "decline"):
        raise Http404
    with refusal_shown(request):
        services.co_signature_decide(co_signature=signature, by=request.user, confirm=decision == "confirm")
        if decision == "decline":
            # An organisation that declined no longer reads the contribution: back to its own page.
            messages.success(request, _("Your organisation has declined to co-sign this contribution."))
            return redirect("ngo-dashboard")
        messages.success(request, _("Your organisation co-signs this contribution."))
    return redirect("contribution-edit", pk)


@login_required
@require_POST
def consent(request: HttpRequest, pk: int) -> HttpResponse:
    """The lead organisation agrees that its confidential contribution be made public; the Secretariat
    decides."""
    contribution = for_authoring(request, pk)
    with refusal_shown(request):
        services.contribution_publicity_consent(contribution=contribution, by=request.user)
        messages.success(
            request,
            _(
                "Your organisation's consent to publication is recorded. "
                "The Secretariat decides whether to make it public."
            ),
        )
    return redirect(editor_url(pk, "history"))


@login_required
def information_request(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = organisation_or_404(request)
    info = get_object_or_404(selectors.information_requests_for(organisation), pk=pk)
    form = InformationAnswerForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        with refusal_shown(request, form=form):
            services.information_request_answer(
                request=info, by=request.user, answer=form.cleaned_data["answer"]
            )
            messages.success(request, _("Your answer has been sent to the Secretariat."))
            return redirect("information-request", pk)
    context = {"info": info, "contribution": info.contribution, "form": form}
    return render(
        request, f"{TEMPLATES}/information_request.html", context, status=400 if form.errors else 200
    )
