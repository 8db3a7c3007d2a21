"""The second factor's pages: the code asked after log-in, enrolling an authenticator, recovery codes."""

from django.contrib import messages
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from .. import two_factor
from ..forms import CodeForm

NEW_CODES = "accounts_new_recovery_codes"


def _next_url(request) -> str:
    url = request.POST.get(REDIRECT_FIELD_NAME) or request.GET.get(REDIRECT_FIELD_NAME, "")
    safe = url_has_allowed_host_and_scheme(url, {request.get_host()}, require_https=request.is_secure())
    return url if safe else reverse("admin:index")


def _with_next(url_name: str, next_url: str) -> str:
    return f"{reverse(url_name)}?{urlencode({REDIRECT_FIELD_NAME: next_url})}"


def _staff_only(request) -> None:
    if not two_factor.needs_second_factor(request.user):
        raise Http404


@login_required
@require_http_methods(["GET", "POST"])
def verify(request):
    _staff_only(request)
    next_url = _next_url(request)
    if request.user.is_verified():
        return redirect(next_url)
    if not two_factor.has_authenticator(request.user):
        return redirect(_with_next("two-factor-setup", next_url))
    form = CodeForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        kind = _try_code(form, lambda code: two_factor.verify(request, code))
        if kind == two_factor.RECOVERY:
            left = two_factor.recovery_codes_left(request.user)
            messages.warning(
                request,
                ngettext(
                    "You used a recovery code: %(count)d is left.",
                    "You used a recovery code: %(count)d are left.",
                    left,
                )
                % {"count": left},
            )
        if kind:
            return redirect(next_url)
    return render(request, "accounts/two_factor_verify.html", {"form": form, "next": next_url})


def _try_code(form, check):
    """`check(code)`'s result, or None with the reason on the form. While the user's devices hold back after
    wrong codes, no code is tried at all (a guess made then would count for nothing)."""
    if two_factor.throttled(form.user):
        form.add_error("code", _("Too many wrong codes. Wait a little, then try again."))
        return None
    result = check(form.cleaned_data["code"])
    if not result:
        form.add_error("code", _("This code is wrong or has expired."))
    return result


@login_required
@require_http_methods(["GET", "POST"])
def setup(request):
    _staff_only(request)
    if not two_factor.may_enrol(request):
        # Replacing an authenticator needs a session verified with the current one (or a recovery code).
        return redirect(_with_next("two-factor-verify", request.path))
    next_url = _next_url(request)
    device = two_factor.pending_authenticator(request.user)
    form = CodeForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        codes = _try_code(form, lambda code: two_factor.confirm_authenticator(request, device, code))
        if codes:
            request.session[NEW_CODES] = codes
            messages.success(request, _("Your authenticator app is set up."))
            return redirect(_with_next("two-factor-recovery-codes", next_url))
    context = {"form": form, "next": next_url, **two_factor.enrolment_details(device)}
    return render(request, "accounts/two_factor_setup.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def recovery_codes(request):
    """New codes are shown once, right after they are made; the page otherwise says how many are left."""
    _staff_only(request)
    if not request.user.is_verified():
        return redirect(_with_next("two-factor-verify", request.path))
    if request.method == "POST":
        request.session[NEW_CODES] = two_factor.new_recovery_codes(request.user)
        return redirect("two-factor-recovery-codes")
    context = {
        "codes": request.session.pop(NEW_CODES, None),
        "left": two_factor.recovery_codes_left(request.user),
        "next": _next_url(request),
    }
    return render(request, "accounts/two_factor_recovery_codes.html", context)
