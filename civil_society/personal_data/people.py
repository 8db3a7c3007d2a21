"""Whose personal data this module handles, and how an erased account is recognised.

Organisations' members and registered readers: the Secretariat's staff and the Parties' focal points act
for an institution, and what they wrote is the record of that institution's work, so their accounts are
handled by other means (and refused here).
"""

import json
import re

from django.contrib.auth import get_user_model
from django.utils.html import escape
from django.utils.translation import gettext as _

from rounds.models import FocalPoint

from ..errors import PersonalDataRefused

User = get_user_model()

ERASED_PREFIX = "erased-"
# Shorter traces (a two-letter user name) would match inside ordinary words of the texts searched for them.
SHORTEST_TRACE = 3


def is_erased(user) -> bool:
    """An account whose personal data was erased: renamed, disabled and without a password."""
    return user.username.startswith(ERASED_PREFIX) and not user.is_active and not user.has_usable_password()


def personal_data_check(user) -> None:
    """Refuse, with a message the Secretariat can act on, anyone whose personal data is not handled here."""
    if is_erased(user):
        raise PersonalDataRefused(_("The personal data of this account has already been erased."))
    if user.is_staff or user.is_superuser:
        raise PersonalDataRefused(
            _(
                "%(username)s is a member of the Secretariat's staff, not of an organisation: their personal "
                "data is not handled here."
            )
            % {"username": user.username}
        )
    focal_point = FocalPoint.objects.select_related("party").filter(user=user).first()
    if focal_point is not None:
        raise PersonalDataRefused(
            _(
                "%(username)s is the focal point %(of_party)s, not a member of an organisation: their "
                "personal data is not handled here."
            )
            % {"username": user.username, "of_party": focal_point.party.of_name}
        )


def traces_of(user) -> list[str]:
    """What names the person in free text: e-mail address, user name, full name."""
    found = {user.email.strip(), user.username.strip(), user.get_full_name().strip()}
    return sorted((trace for trace in found if len(trace) >= SHORTEST_TRACE), key=len, reverse=True)


def trace_variants(traces: list[str]) -> list[str]:
    """Each trace as written, as HTML escapes it (e-mails' HTML) and as JSON does (the admin's log)."""
    variants = {variant for trace in traces for variant in (trace, escape(trace), json.dumps(trace)[1:-1])}
    return sorted(variants, key=len, reverse=True)


def trace_pattern(traces: list[str]) -> re.Pattern | None:
    """Any trace, as a whole word: a user name "anna" leaves "Savannah" alone."""
    variants = trace_variants(traces)
    if not variants:
        return None
    alternatives = "|".join(re.escape(variant) for variant in variants)
    return re.compile(rf"(?<![\w.@-])(?:{alternatives})(?![\w@-])", re.IGNORECASE)


def member_name(user, organisation=None) -> str:
    """How pages name the author of an action: the user name, or once the person's data is erased, the
    organisation they acted for (or "a former member" where the page does not know it)."""
    if user is None:
        return ""
    if not is_erased(user):
        return user.get_username()
    return str(organisation) if organisation is not None else _("a former member")
