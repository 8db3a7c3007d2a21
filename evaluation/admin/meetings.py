"""The Committee's meetings: recorded by the Secretariat with their agenda (items added at its end), the
decisions taken item by item, and the papers e-mailed to the Committee."""

from django import forms
from django.contrib import admin, messages
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core.audit_admin import HistoryAdmin
from core.errors import DomainError

from ..models import AgendaItem, Meeting, Observation
from ..selectors import chapters_of_drafts
from ..services import agenda_decision_record, agenda_item_add, meeting_create, meeting_papers_send
from .common import RefusalShown, formset_saved, service_created

# What an item examines, by its kind: (observation, chapter).
EXAMINES = {
    AgendaItem.Kind.OBSERVATION: (True, False),
    AgendaItem.Kind.CHAPTER: (False, True),
    AgendaItem.Kind.DECISION: (False, False),
}
# Fixed once the item is on the agenda; only its decision is recorded afterwards.
ITEM_FIELDS = ("kind", "title", "observation", "chapter", "document_ref")


class AgendaItemForm(forms.ModelForm):
    class Meta:
        model = AgendaItem
        fields = (*ITEM_FIELDS, "decision")
        widgets = {"decision": forms.Textarea(attrs={"rows": 2, "cols": 40})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["observation"].queryset = Observation.objects.select_related("round").order_by(
            "round_id", "pk"
        )
        self.fields["observation"].label_from_instance = lambda observation: (
            f"{observation.round} — {observation.title}"
        )
        self.fields["chapter"].queryset = chapters_of_drafts()
        self.fields["chapter"].label_from_instance = lambda chapter: f"{chapter.report} — {chapter}"
        if self.instance.pk:
            for name in ITEM_FIELDS:
                self.fields[name].disabled = True

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk:
            if "decision" in self.changed_data and not (cleaned.get("decision") or "").strip():
                self.add_error("decision", _("Write the decision taken."))
            return cleaned
        kind = cleaned.get("kind")
        examines = (cleaned.get("observation") is not None, cleaned.get("chapter") is not None)
        if kind in EXAMINES and examines != EXAMINES[kind]:
            self.add_error(
                "kind",
                _("An item examines observations or a chapter, or is a decision: name what it examines."),
            )
        return cleaned


class AgendaItemInline(admin.TabularInline):
    """Items are added at the end of the agenda (an observation put on it is tabled); an item's decision is
    recorded by writing it here. Nothing is removed: what was on the agenda stays in the record."""

    model = AgendaItem
    form = AgendaItemForm
    extra = 1
    can_delete = False
    fields = ("position", *ITEM_FIELDS, "decision", "decided_at")
    readonly_fields = ("position", "decided_at")


class MeetingForm(forms.ModelForm):
    class Meta:
        model = Meeting
        fields = ("number", "place", "starts_on", "ends_on")
        widgets = {
            "starts_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "ends_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def clean(self):
        cleaned = super().clean()
        starts_on, ends_on = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error("ends_on", _("A meeting ends on or after its first day."))
        return cleaned


@admin.register(Meeting)
class MeetingAdmin(RefusalShown, HistoryAdmin):
    form = MeetingForm
    list_display = ("__str__", "place", "starts_on", "ends_on", "item_count", "papers_sent_at")
    list_display_links = ("__str__",)
    search_fields = ("place", "items__title", "items__document_ref")
    date_hierarchy = "starts_on"
    inlines = (AgendaItemInline,)
    actions = ("send_papers",)

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(item_count=Count("items"))

    def get_readonly_fields(self, request, obj=None):
        # A meeting recorded is the record: its number, place and days are kept as they were entered.
        return ("number", "place", "starts_on", "ends_on", "papers_sent_at") if obj else ("papers_sent_at",)

    def get_fields(self, request, obj=None):
        return ("number", "place", "starts_on", "ends_on", "papers_sent_at")

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("items"), ordering="item_count")
    def item_count(self, meeting: Meeting) -> int:
        return meeting.item_count

    def save_model(self, request, obj, form, change):
        if change:
            return
        created = meeting_create(
            number=form.cleaned_data["number"],
            place=form.cleaned_data["place"],
            starts_on=form.cleaned_data["starts_on"],
            ends_on=form.cleaned_data["ends_on"],
            by=request.user,
        )
        service_created(obj, created)

    def save_formset(self, request, form, formset, change):
        """New items through `agenda_item_add`, decisions through `agenda_decision_record`."""
        meeting, new, changed = form.instance, [], []
        for item_form in formset.forms:
            if not item_form.has_changed():
                continue
            data = item_form.cleaned_data
            decision = (data.get("decision") or "").strip()
            if item_form.instance.pk is None:
                item = agenda_item_add(
                    meeting=meeting,
                    kind=data["kind"],
                    title=data["title"],
                    by=request.user,
                    observation=data.get("observation"),
                    chapter=data.get("chapter"),
                    document_ref=data.get("document_ref") or "",
                )
                if decision:
                    item = agenda_decision_record(item=item, decision=decision, by=request.user)
                new.append(item)
            elif "decision" in item_form.changed_data:
                item = agenda_decision_record(item=item_form.instance, decision=decision, by=request.user)
                changed.append((item, ["decision"]))
        formset_saved(formset, new=new, changed=changed)

    @admin.action(description=_("Send the papers to the Committee"), permissions=["change"])
    def send_papers(self, request, queryset):
        for meeting in queryset:
            sent_before = meeting.papers_sent_at
            try:
                count = meeting_papers_send(meeting=meeting, by=request.user)
            except DomainError as error:
                self.message_user(request, f"{meeting}: {error.message}", messages.ERROR)
                continue
            if count:
                text = ngettext(
                    "%(meeting)s: the papers were sent to %(count)d person.",
                    "%(meeting)s: the papers were sent to %(count)d people.",
                    count,
                )
                self.message_user(request, text % {"meeting": meeting, "count": count}, messages.SUCCESS)
            elif sent_before:
                self.message_user(
                    request,
                    _("%(meeting)s: nothing sent, the agenda has not changed since the papers were sent.")
                    % {"meeting": meeting},
                    messages.INFO,
                )
            else:
                self.message_user(
                    request,
                    _(
                        "%(meeting)s: nothing sent, nobody on the Committee or in the Secretariat has an "
                        "e-mail address."
                    )
                    % {"meeting": meeting},
                    messages.WARNING,
                )
