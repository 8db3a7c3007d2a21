"""The admin site: a staff session reaches it only once verified with a second factor (django-otp)."""

from django.contrib import admin
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth.views import redirect_to_login
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class PortalAdminSite(admin.AdminSite):
    site_header = _("Lanzarote Committee — Secretariat")
    site_title = _("Lanzarote Committee — Secretariat")
    index_title = _("Secretariat")

    def has_permission(self, request):
        return super().has_permission(request) and request.user.is_verified()

    def login(self, request, extra_context=None):
        """Log-in goes through the portal's own page, then the second factor; the admin's form is only
        what a signed-in user who is not staff sees."""
        user = request.user
        next_url = request.GET.get(REDIRECT_FIELD_NAME) or reverse("admin:index", current_app=self.name)
        if not user.is_authenticated:
            return redirect_to_login(next_url, reverse("login"))
        if user.is_active and user.is_staff and not user.is_verified():
            return redirect_to_login(next_url, reverse("two-factor-verify"))
        return super().login(request, extra_context)
