"""Every route of the URL configuration, and how to fill its arguments with the access world's objects."""

from dataclasses import dataclass

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.urls import URLPattern, URLResolver, get_resolver, reverse

# Routes naming a Party: those about a reply are tried on Party B's draft, the others on Party A's
# published reply.
DRAFT_REPLY_ROUTES = {
    "api:reply-detail",
    "api:answer-save",
    "api:reply-submit",
    "api:reply-publish",
    "api:attachment-add",
    "reply-edit",
    "reply-settings",
    "answer-save",
    "answer-history",
    "reply-submit",
    "attachment-add",
    "attachment-remove",
    "reply-word-download",
    "reply-word-import",
    "reply-word-preview",
}


@dataclass(frozen=True)
class Route:
    name: str  # namespaced URL name
    pattern: str

    @property
    def is_admin(self) -> bool:
        return self.name.startswith("admin:")


def all_routes() -> list[Route]:
    found = []

    def walk(resolver: URLResolver, prefix: str, namespace: str) -> None:
        for entry in resolver.url_patterns:
            if isinstance(entry, URLResolver):
                inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
                walk(entry, prefix + str(entry.pattern), inner)
            elif isinstance(entry, URLPattern):
                found.append(Route(f"{namespace}{entry.name}", prefix + str(entry.pattern)))

    walk(get_resolver(), "", "")
    # i18n_patterns repeat nothing: one entry per route, whatever the languages.
    return sorted(set(found), key=lambda route: route.name)


def _admin_model(name: str):
    """`admin:reports_factsheet_change` → the Factsheet model (None for the admin's own views)."""
    for model in apps.get_models():
        prefix = f"admin:{model._meta.app_label}_{model._meta.model_name}_"
        if name.startswith(prefix):
            return model
    return None


def url_of(route: Route, world) -> str:
    pks = {
        "attachment-remove": world.attachment_b.pk,
        "attachment-download": world.attachment_b.pk,
        "reply-word-preview": world.word_import.pk,
        "information-request": world.information_request.pk,
        "factsheet-download": world.factsheet.pk,
        "admin:reports_factsheet_preview": world.factsheet.pk,
        "evaluation-report": world.report_draft.pk,
        "round-report-pdf": world.report.pk,
        "clarification-page": world.clarification.pk,
        "clarification-save": world.clarification.pk,
        "clarification-submit": world.clarification.pk,
    }
    if route.name.startswith("evaluation-observation") or route.name in (
        "evaluation-citation-remove",
        "api:observation",
    ):
        pks[route.name] = world.observation.pk
    kwargs = {}
    for argument in _arguments(route.pattern):
        if argument == "slug":  # the follow-up's desk is of the world's follow-up
            desk = route.name.startswith("follow-up-")
            kwargs[argument] = world.follow_up.slug if desk else world.round.slug
        elif argument == "iso2":
            party = world.party_b if route.name in DRAFT_REPLY_ROUTES else world.party_a
            kwargs[argument] = party.code
        elif argument == "number":  # a question's, or a meeting's: the world's meeting is number 1
            kwargs[argument] = "1"
        elif argument == "citation":
            kwargs[argument] = world.citation.pk
        elif argument == "language":
            kwargs[argument] = "en"
        elif argument == "pk":
            kwargs[argument] = pks.get(route.name, world.contribution.pk)
        elif argument == "token" and route.name == "invitation-accept":
            kwargs[argument] = world.invitation.token
        elif argument == "token" and route.name == "subscription-unsubscribe":
            kwargs[argument] = world.subscription.token
        elif argument in ("uid", "uidb64", "token"):
            kwargs[argument] = "not-a-valid-link"
        elif argument == "object_id" and route.name == "admin:view_on_site":
            kwargs[argument] = world.finding.pk
        elif argument == "object_id":
            model = _admin_model(route.name)
            instance = model._default_manager.order_by("pk").first()
            kwargs[argument] = instance.pk if instance else 999999
        elif argument == "version_id":  # a past version in an audited model's history (core/audit.py)
            record = _admin_model(route.name).history.filter(id=kwargs["object_id"]).order_by("history_id")
            kwargs[argument] = record.values_list("history_id", flat=True).first() or 999999
        elif argument == "id":  # a user's password, in the admin
            kwargs[argument] = world.member1.pk
        elif argument == "content_type_id":
            kwargs[argument] = ContentType.objects.get_for_model(type(world.finding)).pk
        elif argument == "app_label":
            kwargs[argument] = "reports"
        else:
            raise AssertionError(f"{route.name}: no value for <{argument}>")
    if route.name == "api:not-found":
        return "/api/v1/no/such/endpoint/"
    return reverse(route.name, kwargs=kwargs)


def _arguments(pattern: str) -> list[str]:
    import re

    return re.findall(r"<(?:\w+:)?(\w+)>", pattern) + (["app_label"] if "(?P<app_label>" in pattern else [])
