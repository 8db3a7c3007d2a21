"""The organisations' pages: registering an organisation with its first member, activating the account
from the e-mailed link, the organisation's dashboard, inviting colleagues and accepting an invitation."""

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core.page_errors import refusal_shown

from ..errors import NotFound
from ..forms import InvitationAcceptForm, MemberInviteForm, OrganisationRegisterForm
from ..models import Contribution, Invitation
from ..selectors import (
    co_signature_requests_for,
    contributions_of,
    information_requests_for,
    members_of,
    pending_invitations_of,
    window_of,
)
from ..services import (
    invitation_accept,
    invitation_open,
    member_email_verify,
    member_invite,
    organisation_register,
)
from ..windows import Window
from .access import organisation_or_404

# The address a registration was sent to, kept for the page shown after the redirect (post/redirect/get).
REGISTERED_EMAIL = "civil_society_registered_email"


def _log_in(request: HttpRequest, user) -> None:
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")


def _status(form) -> int:
    """A form shown again with its errors answers 400, as the contribution pages do."""
    return 400 if form.errors else 200


def register(request: HttpRequest) -> HttpResponse:
    if request.method == "GET" and (email := request.session.pop(REGISTERED_EMAIL, None)):
        return render(request, "civil_society/organisations/registered.html", {"email": email})
    form = OrganisationRegisterForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        with refusal_shown(request, form=form):
            organisation_register(**form.registration(), language=translation.get_language())
            request.session[REGISTERED_EMAIL] = form.cleaned_data["member_email"]
            return redirect("organisation-register")
    return render(request, "civil_society/organisations/register.html", {"form": form}, status=_status(form))


def verify_email(request: HttpRequest, uid: str, token: str) -> HttpResponse:
    try:
        user = member_email_verify(uid=uid, token=token)
    except NotFound:
        raise Http404 from None
    _log_in(request, user)
    messages.success(request, _("Your e-mail address is confirmed and your account is active. Welcome."))
    return redirect("ngo-dashboard")


def _windows(contributions: list[Contribution]) -> dict[int, Window]:
    """The window of each draft, read once per round, kind and Parties (drafts mostly share them)."""
    by_key: dict[tuple, Window] = {}
    windows = {}
    for contribution in contributions:
        if contribution.is_editable:
            key = (contribution.round_id, contribution.kind, tuple(p.pk for p in contribution.parties.all()))
            if key not in by_key:
                by_key[key] = window_of(contribution)
            windows[contribution.pk] = by_key[key]
    return windows


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    organisation = organisation_or_404(request)
    contributions = list(contributions_of(organisation))
    windows = _windows(contributions)
    now = timezone.now()
    context = {
        "organisation": organisation,
        "members": members_of(organisation),
        "invitations": [
            (invitation, invitation.created_at + Invitation.LIFETIME)
            for invitation in pending_invitations_of(organisation, now=now)
        ],
        "rows": [{"contribution": c, "window": windows.get(c.pk)} for c in contributions],
        "co_signature_requests": co_signature_requests_for(organisation),
        "information_requests": information_requests_for(organisation),
        "today": timezone.localdate(now),
    }
    return render(request, "civil_society/organisations/dashboard.html", context)


@login_required
def invite(request: HttpRequest) -> HttpResponse:
    organisation = organisation_or_404(request)
    form = MemberInviteForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        email = form.cleaned_data["email"]
        with refusal_shown(request, form=form):
            member_invite(
                organisation=organisation, email=email, by=request.user, language=translation.get_language()
            )
            messages.success(
                request,
                _("An invitation has been e-mailed to %(email)s. The link is valid for 14 days.")
                % {"email": email},
            )
            return redirect("ngo-dashboard")
    return render(
        request,
        "civil_society/organisations/invite.html",
        {"organisation": organisation, "form": form},
        status=_status(form),
    )


def accept_invitation(request: HttpRequest, token) -> HttpResponse:
    try:
        invitation = invitation_open(token=str(token))
    except NotFound:
        raise Http404 from None
    form = InvitationAcceptForm(request.POST if request.method == "POST" else None, email=invitation.email)
    if form.is_valid():
        with refusal_shown(request, form=form):
            membership = invitation_accept(
                token=str(token),
                username=form.cleaned_data["username"],
                password=form.cleaned_data["password"],
            )
            _log_in(request, membership.user)
            messages.success(
                request,
                _("Welcome. You are now a member of %(organisation)s.")
                % {"organisation": membership.organisation.name},
            )
            return redirect("ngo-dashboard")
    return render(
        request,
        "civil_society/organisations/accept_invitation.html",
        {"invitation": invitation, "form": form},
        status=_status(form),
    )
