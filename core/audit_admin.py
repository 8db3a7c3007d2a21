"""The audit trail in the admin: an audited model's "History" lists who changed what, when and why, and shows
each past version, read-only. Nothing there writes: no revert (SIMPLE_HISTORY_REVERT_DISABLED hides the
button, and a POST is refused here), and the historical models have no add, change or delete permission.
Like the whole admin, it is for the Secretariat's staff only."""

from django.core.exceptions import PermissionDenied
from django.urls import path
from simple_history.admin import SimpleHistoryAdmin


class HistoryAdmin(SimpleHistoryAdmin):
    """Put first among the bases of an audited model's ModelAdmin."""

    def get_urls(self):
        # simple-history's own route to a past version, with named arguments like the admin's other routes.
        opts = self.model._meta
        name = f"{opts.app_label}_{opts.model_name}_simple_history"
        version = path(
            "<path:object_id>/history/<int:version_id>/",
            self.admin_site.admin_view(self.history_form_view),
            name=name,
        )
        return [version, *(url for url in super().get_urls() if getattr(url, "name", None) != name)]

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method not in ("GET", "HEAD"):
            raise PermissionDenied  # a past version is read, never restored
        request.viewing_past_version = True
        return super().history_form_view(request, object_id, version_id, extra_context)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        if not getattr(request, "viewing_past_version", False):
            return form

        class PastVersionForm(form):
            """Every field shown as it was, disabled: nothing to submit (and a POST is refused anyway)."""

            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                for field in self.fields.values():
                    field.disabled = True

        return PastVersionForm
