"""The personal-data tools on a user's admin page: "Export personal data" downloads the JSON document;
"Erase personal data" shows what goes and what stays, then erases on confirmation. For organisations'
members and registered readers only: the tools are not offered for staff and focal points, and refused if
asked for."""

from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from core.errors import DomainError
from core.page_errors import refusal_shown
from rounds.admin import PortalUserAdmin

from ..personal_data import (
    personal_data_check,
    personal_data_erase,
    personal_data_erasure_plan,
    personal_data_json,
)

User = get_user_model()


def json_attachment(document: str, *, user) -> HttpResponse:
    response = HttpResponse(document, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=f"personal-data-{user.pk}.json"
    )
    return response


admin.site.unregister(User)


@admin.register(User)
class MemberUserAdmin(PortalUserAdmin):
    change_form_template = "admin/civil_society/user/change_form.html"

    def get_urls(self):
        name = f"{self.opts.app_label}_{self.opts.model_name}"
        own = [
            path(
                "<path:object_id>/personal-data/",
                self.admin_site.admin_view(never_cache(self.personal_data_export_view)),
                name=f"{name}_personal_data_export",
            ),
            path(
                "<path:object_id>/personal-data/erase/",
                self.admin_site.admin_view(self.personal_data_erase_view),
                name=f"{name}_personal_data_erase",
            ),
        ]
        return own + super().get_urls()

    def change_view(self, request, object_id, form_url="", extra_context=None):
        user = self.get_object(request, unquote(object_id))
        extra_context = {**(extra_context or {}), "personal_data_tools": user is not None and _handled(user)}
        return super().change_view(request, object_id, form_url, extra_context)

    def _change_page(self, user):
        return redirect(reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_change", args=[user.pk]))

    def personal_data_export_view(self, request, object_id):
        user = self.get_object(request, unquote(object_id))
        if user is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        if not self.has_view_permission(request, user):
            raise PermissionDenied
        with refusal_shown(request):
            document = personal_data_json(user=user)
            return json_attachment(document, user=user)
        return self._change_page(user)

    def personal_data_erase_view(self, request, object_id):
        user = self.get_object(request, unquote(object_id))
        if user is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        if not self.has_change_permission(request, user):
            raise PermissionDenied
        with refusal_shown(request):
            if request.method == "POST":
                erased = personal_data_erase(user=user, by=request.user)
                # The message names the new account only: messages may be kept in the session.
                self.message_user(
                    request,
                    _("The personal data was erased. The account is now %(username)s.")
                    % {"username": erased.username},
                )
                return self._change_page(erased)
            context = {
                **self.admin_site.each_context(request),
                "title": _("Erase personal data"),
                "subject": user,
                "plan": personal_data_erasure_plan(user=user),
                "opts": self.opts,
            }
            return render(request, "admin/civil_society/user/erase_personal_data.html", context)
        return self._change_page(user)


def _handled(user) -> bool:
    try:
        personal_data_check(user)
    except DomainError:
        return False
    return True
