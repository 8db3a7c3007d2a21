from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import PasswordResetForm
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from outbox.services import email_queue


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=20,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "text", "autofocus": True}
        ),
    )

    def __init__(self, user, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)


class EmailChangeForm(forms.Form):
    """A new address, asked with the current password: whoever holds an open session cannot take over the
    account's e-mail (and with it password resets) without knowing the password."""

    email = forms.EmailField(label=_("New e-mail address"))
    password = forms.CharField(
        label=_("Your current password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, user, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(
                _("Your password was entered incorrectly."), code="password_incorrect"
            )
        return password

    def clean_email(self):
        email = get_user_model().objects.normalize_email(self.cleaned_data["email"])
        if email.lower() == (self.user.email or "").lower():
            raise forms.ValidationError(_("This is already your address."), code="same")
        if get_user_model().objects.filter(email__iexact=email).exclude(pk=self.user.pk).exists():
            raise forms.ValidationError(_("Another account uses this address."), code="taken")
        return email


class OutboxPasswordResetForm(PasswordResetForm):
    """Django's reset form, its e-mail sent through the outbox like every other e-mail of the portal."""

    def send_mail(self, subject_template_name, email_template_name, context, from_email, to_email, **kwargs):
        email_queue(
            template="accounts/email/password_reset",
            to=[to_email],
            context={
                "username": context["user"].get_username(),
                "uid": context["uid"],
                "token": context["token"],
                "hours": settings.PASSWORD_RESET_TIMEOUT // 3600,
            },
            language=translation.get_language() or settings.LANGUAGE_CODE,
        )
