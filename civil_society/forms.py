"""Forms of the organisation pages: they parse and check what a person typed; the services decide.

Contribution forms live in `contribution_forms.py`.
"""

from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.core.exceptions import ValidationError
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from core.text_limits import text_limit

User = get_user_model()


class FieldsetsMixin:
    """Fields grouped under legends: `fieldsets = [(legend, [field names]), ...]`, shown in that order."""

    fieldsets: list[tuple[str, list[str]]] = []

    def grouped_fields(self) -> list[tuple[str, list[forms.BoundField]]]:
        return [(legend, [self[name] for name in names]) for legend, names in self.fieldsets]


class NewAccountForm(FieldsetsMixin, forms.Form):
    """A user name and a password typed twice, checked by the site's password validators."""

    username = forms.CharField(
        label=_("User name"),
        max_length=150,
        validators=[UnicodeUsernameValidator()],
        help_text=_("Up to 150 characters: letters, digits and @ . + - _ only. You log in with it."),
        widget=forms.TextInput(attrs={"autocomplete": "username", "autocapitalize": "none"}),
    )
    password = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )
    password_confirmation = forms.CharField(
        label=_("Password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("Type the same password, to be sure of it."),
    )

    def account_email(self) -> str:
        raise NotImplementedError

    def clean(self) -> dict:
        data = super().clean()
        password, confirmation = data.get("password"), data.get("password_confirmation")
        if password and confirmation and password != confirmation:
            self.add_error("password_confirmation", _("The two passwords differ."))
        elif password:
            # The validators compare the password with the user name and e-mail of the account to be.
            candidate = User(username=data.get("username", ""), email=self.account_email())
            try:
                password_validation.validate_password(password, user=candidate)
            except ValidationError as error:
                self.add_error("password", error)
        return data


class OrganisationRegisterForm(NewAccountForm):
    name = forms.CharField(
        label=_("Name of the organisation"),
        max_length=300,
        help_text=_("Its full name, as it appears in its statutes."),
    )
    acronym = forms.CharField(label=_("Acronym"), max_length=30, required=False)
    country = forms.CharField(
        label=_("Country"),
        max_length=100,
        required=False,
        help_text=_("Where the organisation is based."),
    )
    website = forms.URLField(
        label=_("Website"),
        required=False,
        assume_scheme="https",
        help_text=_("For example https://example.org"),
    )
    email = forms.EmailField(
        label=_("Contact e-mail of the organisation"),
        help_text=_("The Secretariat writes to this address about the organisation."),
    )
    description = forms.CharField(
        label=_("Short description"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    member_email = forms.EmailField(
        label=_("Your e-mail address"),
        help_text=_("We send a link to this address: follow it to activate your account."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    field_order = [
        "name",
        "acronym",
        "country",
        "website",
        "email",
        "description",
        "username",
        "member_email",
        "password",
        "password_confirmation",
    ]
    fieldsets = [
        (_("The organisation"), ["name", "acronym", "country", "website", "email", "description"]),
        (_("Your account"), ["username", "member_email", "password", "password_confirmation"]),
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The limit is the service's (settings.TEXT_LIMITS), which refuses a longer description.
        limit = text_limit("explanation")
        description = self.fields["description"]
        description.widget.attrs["maxlength"] = limit
        description.help_text = _(
            "What the organisation does, in a few sentences (up to %(limit)s characters)."
        ) % {"limit": number_format(limit, force_grouping=True)}

    def account_email(self) -> str:
        return self.cleaned_data.get("member_email", "")

    def registration(self) -> dict:
        """The keyword arguments of `organisation_register`, but its `language`."""
        return {
            name: self.cleaned_data[name]
            for name in (
                "name",
                "acronym",
                "country",
                "website",
                "email",
                "description",
                "username",
                "member_email",
                "password",
            )
        }


class MemberInviteForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail address of your colleague"),
        help_text=_("They receive a link to create their account; it is valid for 14 days."),
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )


class InvitationAcceptForm(NewAccountForm):
    fieldsets = [(_("Your account"), ["username", "password", "password_confirmation"])]

    def __init__(self, *args, email: str, **kwargs):
        self.email = email
        super().__init__(*args, **kwargs)

    def account_email(self) -> str:
        return self.email
