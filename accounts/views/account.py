"""Log-in, the account page, and changing the password or the e-mail address, each asking again who the user
is: the current password for a change, the mailbox for a reset or a new address."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from outbox.services import email_queue

from .. import two_factor
from ..email_change import email_change_confirm, email_change_pending, email_change_request
from ..forms import EmailChangeForm, OutboxPasswordResetForm


class LoginView(auth_views.LoginView):
    """Django's log-in (which gives the session a new key); staff go on to their second factor."""

    def form_valid(self, form):
        response = super().form_valid(form)
        if two_factor.needs_second_factor(form.get_user()):
            return redirect_to_login(self.get_success_url(), reverse("two-factor-verify"))
        return response


@login_required
@require_GET
def account(request):
    user = request.user
    return render(
        request,
        "accounts/account.html",
        {
            "two_factor": two_factor.needs_second_factor(user),
            "has_authenticator": two_factor.has_authenticator(user),
            "recovery_codes_left": two_factor.recovery_codes_left(user),
        },
    )


class PasswordChangeView(auth_views.PasswordChangeView):
    """Asks for the current password; the user's other sessions end (their password hash no longer
    matches), this one is kept, and the mailbox is told."""

    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("account")

    def form_valid(self, form):
        response = super().form_valid(form)
        email_queue(
            template="accounts/email/password_changed",
            to=[self.request.user.email],
            context={"username": self.request.user.get_username()},
            language=translation.get_language() or settings.LANGUAGE_CODE,
        )
        messages.success(self.request, _("Your password has been changed. Your other sessions have ended."))
        return response


class PasswordResetView(auth_views.PasswordResetView):
    form_class = OutboxPasswordResetForm
    template_name = "accounts/password_reset.html"
    success_url = reverse_lazy("password-reset-done")


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """The link from the mailbox sets a new password; the user then logs in with it (and, for staff, with
    the second factor): a reset never opens a session by itself."""

    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("password-reset-complete")


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"


@login_required
@require_http_methods(["GET", "POST"])
def email_change(request):
    form = EmailChangeForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        email_change_request(user=request.user, new_email=form.cleaned_data["email"])
        messages.success(
            request,
            _("We have sent a link to %(email)s. Open it to confirm the new address.")
            % {"email": form.cleaned_data["email"]},
        )
        return redirect("account")
    return render(request, "accounts/email_change.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def email_change_confirm_view(request, token):
    new_email = email_change_pending(user=request.user, token=token)
    if new_email is None:
        raise Http404(_("This link is not valid, has expired, or was already used."))
    if request.method == "POST":
        email_change_confirm(user=request.user, new_email=new_email)
        messages.success(request, _("Your e-mail address is now %(email)s.") % {"email": new_email})
        return redirect("account")
    return render(request, "accounts/email_change_confirm.html", {"new_email": new_email})
