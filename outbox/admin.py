"""The Secretariat's view of every e-mail the portal sent or tried to send. Read-only: an e-mail is a record
of what was said. Those that failed after their retries are counted above the list and found with one
click; "Send again" puts them back in the queue once the cause (an address, the mail server) is fixed."""

from django.contrib import admin, messages
from django.db.models import Count
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .models import OutboundEmail
from .services import email_retry

Status = OutboundEmail.Status


class StatusFilter(admin.SimpleListFilter):
    """Each status with its count, so that failures show before anyone filters."""

    title = _("status")
    parameter_name = "status"

    def lookups(self, request, model_admin):
        counts = dict(
            OutboundEmail.objects.order_by()
            .values("status")
            .annotate(count=Count("pk"))
            .values_list("status", "count")
        )
        return [
            (value, _("%(status)s (%(count)s)") % {"status": label, "count": counts.get(value, 0)})
            for value, label in Status.choices
        ]

    def queryset(self, request, queryset):
        if self.value() in Status.values:
            return queryset.filter(status=self.value())
        return queryset


@admin.register(OutboundEmail)
class OutboundEmailAdmin(admin.ModelAdmin):
    list_display = ("subject", "recipients", "status", "attempts", "created_at", "sent_at", "error")
    list_filter = (StatusFilter, "language")
    search_fields = ("subject", "to")
    date_hierarchy = "created_at"
    fields = (
        "subject",
        "recipients",
        "language",
        "status",
        "attempts",
        "last_error",
        "created_at",
        "sent_at",
        "key",
        "body",
        "html",
    )
    readonly_fields = fields
    actions = ("send_again",)

    def has_add_permission(self, request):
        return False  # e-mails are queued by the events they tell of

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False  # the record of what was sent is kept

    def has_retry_permission(self, request) -> bool:
        """Sending again changes an e-mail's status: for those allowed to change e-mails."""
        return super().has_change_permission(request)

    def changelist_view(self, request, extra_context=None):
        extra_context = {
            **(extra_context or {}),
            "failed_count": OutboundEmail.objects.filter(status=Status.FAILED).count(),
            "failed_value": Status.FAILED,
        }
        return super().changelist_view(request, extra_context)

    @admin.display(description=_("recipients"))
    def recipients(self, email: OutboundEmail) -> str:
        return ", ".join(email.to)

    @admin.display(description=_("last error"))
    def error(self, email: OutboundEmail) -> str:
        return Truncator(email.last_error).chars(80)

    @admin.action(description=_("Send the selected failed e-mails again"), permissions=["retry"])
    def send_again(self, request, queryset):
        ids = list(queryset.values_list("pk", flat=True))
        retried = sum(email_retry(email_id=email_id) for email_id in ids)
        if retried:
            self.message_user(
                request,
                ngettext(
                    "%(count)d e-mail will be sent again.",
                    "%(count)d e-mails will be sent again.",
                    retried,
                )
                % {"count": retried},
            )
        if skipped := len(ids) - retried:
            self.message_user(
                request,
                ngettext(
                    "%(count)d e-mail had not failed and was left as it was.",
                    "%(count)d e-mails had not failed and were left as they were.",
                    skipped,
                )
                % {"count": skipped},
                messages.WARNING,
            )
