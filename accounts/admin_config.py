from django.contrib.admin.apps import AdminConfig


class PortalAdminConfig(AdminConfig):
    """Django's admin with the portal's site: staff reach it only with a second factor."""

    default_site = "accounts.admin_site.PortalAdminSite"
