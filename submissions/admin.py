"""The Secretariat's view of every reply: state, dates, lateness, progress, and the actions on it."""

from django import forms
from django.contrib import admin
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core.admin_actions import act_on_each
from core.audit_admin import HistoryAdmin
from core.page_errors import refusal_shown
from core.text_limits import text_limit

from .models import Answer, Attachment, Reply, ReplyTransition
from .selectors import reply_completeness, with_completeness
from .services import reply_publish, reply_register, reply_send_back


class ReplyTransitionInline(admin.TabularInline):
    model = ReplyTransition
    extra = 0
    can_delete = False
    fields = ("at", "by", "from_state", "to_state", "message")
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


class AttachmentInline(admin.TabularInline):
    model = Attachment
    extra = 0
    can_delete = False
    fields = ("title", "question", "language", "kind", "size", "uploaded_by", "download")
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False

    @admin.display(description=_("file"))
    def download(self, attachment: Attachment) -> str:
        return format_html(
            '<a href="{}">{}</a>',
            reverse("attachment-download", args=[attachment.pk]),
            attachment.original_name,
        )


class IsLateFilter(admin.SimpleListFilter):
    title = _("late")
    parameter_name = "late"

    def lookups(self, request, model_admin):
        return (("yes", _("late")), ("no", _("on time")))

    def queryset(self, request, queryset):
        if self.value() in ("yes", "no"):
            return queryset.filter(is_late=self.value() == "yes")
        return queryset


class CompletenessFilter(admin.SimpleListFilter):
    title = _("completeness")
    parameter_name = "complete"

    def lookups(self, request, model_admin):
        return (("yes", _("complete")), ("no", _("required questions missing")))

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(missing_count=0)
        if self.value() == "no":
            return queryset.filter(missing_count__gt=0)
        return queryset


def _reason_field() -> forms.CharField:
    return forms.CharField(
        label=_("Reason for registering an incomplete reply"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Required when required questions are missing (a reply that reached the Secretariat "
            "incomplete): why it is registered as it is. Kept in the reply's history."
        ),
    )


class RegisterForm(forms.Form):
    reason = _reason_field()


class SendBackForm(forms.Form):
    message = forms.CharField(label=_("What should the focal points correct?"), widget=forms.Textarea)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["message"].widget.attrs["maxlength"] = text_limit("message")


class PublishForm(forms.Form):
    published_on = forms.DateField(
        label=_("Publication date"),
        required=False,
        # The browser's date picker sends ISO dates whatever the page's language; typed, the same format.
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_(
            "Format: YYYY-MM-DD (for example 2026-04-01). Empty for today; a past date records a historic "
            "publication."
        ),
    )
    reason = _reason_field()


@admin.register(Reply)
class ReplyAdmin(HistoryAdmin):
    list_display = (
        "party",
        "round",
        "state",
        "lateness",
        "submitted_at",
        "published_on",
        "progress",
        "completeness",
    )
    list_filter = ("round", "state", IsLateFilter, CompletenessFilter)
    list_select_related = ("party", "round")
    search_fields = ("party__code", "party__name_en", "party__name_fr")
    readonly_fields = (
        "round",
        "party",
        "state",
        "language",
        "national_language",
        "submitted_at",
        "lateness",
        "registered_at",
        "published_on",
        "completeness_detail",
    )
    fields = readonly_fields
    inlines = (AttachmentInline, ReplyTransitionInline)
    actions = ("register_selected",)

    def has_add_permission(self, request):
        return False  # replies are started by their focal points

    def has_delete_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return with_completeness(super().get_queryset(request))

    @admin.display(description=_("late"), ordering="is_late")
    def lateness(self, reply: Reply) -> str:
        # A word, not the admin's boolean icon: its green tick would read "late" as good news.
        if reply.is_late:
            return _("Late")
        return _("On time") if reply.submitted_at else "—"

    @admin.display(description=_("answered"), ordering="answered_count")
    def progress(self, reply: Reply) -> str:
        return f"{reply.answered_count}/{reply.question_count}"

    @admin.display(description=_("completeness"), ordering="missing_count")
    def completeness(self, reply: Reply) -> str:
        parts = [
            ngettext("%(count)d missing", "%(count)d missing", reply.missing_count)
            % {"count": reply.missing_count}
            if reply.missing_count
            else _("complete")
        ]
        if reply.no_information_count:
            parts.append(
                ngettext("%(count)d no information", "%(count)d no information", reply.no_information_count)
                % {"count": reply.no_information_count}
            )
        return ", ".join(str(part) for part in parts)

    @admin.display(description=_("completeness"))
    def completeness_detail(self, reply: Reply) -> str:
        completeness = reply_completeness(reply=reply)

        def numbers(questions) -> str:
            return ", ".join(question.number for question in questions) or "—"

        return _(
            "%(answered)d required questions answered; no information available: %(no_information)s; "
            "missing: %(missing)s"
        ) % {
            "answered": completeness.answered,
            "no_information": numbers(completeness.no_information),
            "missing": numbers(completeness.missing),
        }

    def get_urls(self):
        own = [
            path(
                "<int:pk>/register/",
                self.admin_site.admin_view(self.register_view),
                name="submissions_reply_register",
            ),
            path(
                "<int:pk>/send-back/",
                self.admin_site.admin_view(self.send_back_view),
                name="submissions_reply_send_back",
            ),
            path(
                "<int:pk>/publish/",
                self.admin_site.admin_view(self.publish_view),
                name="submissions_reply_publish",
            ),
        ]
        return own + super().get_urls()

    @admin.action(description=_("Register the selected submitted replies"))
    def register_selected(self, request, queryset):
        act_on_each(
            self,
            request,
            queryset,
            lambda reply: reply_register(reply=reply, by=request.user),
            _("%(reply)s registered."),
        )

    def _action_view(self, request, pk, form_class, title, perform, done):
        reply = self.get_object(request, pk)
        if reply is None or not self.has_change_permission(request, reply):
            return self._get_obj_does_not_exist_redirect(request, self.opts, str(pk))
        form = form_class(request.POST if request.method == "POST" else None)
        if request.method == "POST" and form.is_valid():
            with refusal_shown(request, form=form):
                perform(reply, form.cleaned_data)
                self.message_user(request, done % {"reply": reply})
                return redirect("admin:submissions_reply_change", reply.pk)
        context = {
            **self.admin_site.each_context(request),
            "title": title,
            "form": form,
            "reply": reply,
            "completeness": reply_completeness(reply=reply),
            "opts": self.opts,
        }
        return render(request, "admin/submissions/reply/action.html", context)

    def register_view(self, request, pk):
        return self._action_view(
            request,
            pk,
            RegisterForm,
            _("Register the reply"),
            lambda reply, data: reply_register(reply=reply, by=request.user, reason=data["reason"]),
            _("%(reply)s registered."),
        )

    def send_back_view(self, request, pk):
        return self._action_view(
            request,
            pk,
            SendBackForm,
            _("Send back for corrections"),
            lambda reply, data: reply_send_back(reply=reply, by=request.user, message=data["message"]),
            _("%(reply)s sent back for corrections."),
        )

    def publish_view(self, request, pk):
        return self._action_view(
            request,
            pk,
            PublishForm,
            _("Publish the reply"),
            lambda reply, data: reply_publish(
                reply=reply, by=request.user, published_on=data["published_on"], reason=data["reason"]
            ),
            _("%(reply)s published."),
        )


@admin.register(Answer)
class AnswerAdmin(HistoryAdmin):
    list_display = ("reply", "question", "no_information", "version", "saved_by", "updated_at")
    list_select_related = ("reply__party", "reply__round", "question", "saved_by")
    list_filter = ("reply__round", "reply__party", "no_information")
    readonly_fields = ("reply", "question", "text", "national_text", "no_information", "version", "saved_by")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False  # answers are the Party's words: the Secretariat reads them, never edits them
