"""No write path escapes the audit trail: `QuerySet.update()`, `bulk_create()` and `bulk_update()` write rows
without `save()`, so simple-history records nothing. They are allowed in the portal's code only on models
that are not audited (named below); the audited ones are written row by row, or in bulk through
`core.audit.bulk_create_recorded` / `bulk_update_recorded` (simple-history's `*_with_history`).
`QuerySet.delete()` is recorded: Django sends `post_delete` for each row of a model with receivers."""

import ast
from pathlib import Path

import pytest

from civil_society.models import ContributionItem
from core.audit import is_audited
from tests.factories import ContributionItemFactory, UserFactory

ROOT = Path(__file__).resolve().parents[2]
APPS = ("lanzarote_portal", "outbox", "rounds", "questionnaires", "submissions", "civil_society", "reports")
APPS += ("public", "demo", "backups")
BULK_WRITES = {"update", "bulk_create", "bulk_update"}
QUERYSET_METHODS = {"objects", "filter", "exclude", "all", "select_for_update", "select_related", "order_by"}
# Models whose rows are not audited: written in bulk freely. An audited model never belongs here.
NOT_AUDITED = {
    "AnswerVersion",
    "ContributionEvent",
    "Factsheet",
    "InformationRequest",
    "Invitation",
    "OutboundEmail",
    "ReplyTransition",
    "Subscription",
    "WindowEvent",
    "WordImport",
}
# Files whose bulk writes on audited models are known and are to go through core.audit's bulk helpers.
# The bulk helpers themselves, which write the unaudited models' rows plainly and the audited ones' with
# history.
HELPERS = "core/audit.py"


def _chain_root(node: ast.AST) -> tuple[str | None, set[str]]:
    """The name a call chain starts from (`Reply` in `Reply.objects.filter(...).update(...)`) and the
    attributes met on the way."""
    attributes = set()
    while True:
        if isinstance(node, ast.Call):
            node = node.func
        elif isinstance(node, ast.Attribute):
            attributes.add(node.attr)
            node = node.value
        elif isinstance(node, ast.Name):
            return node.id, attributes
        else:
            return None, attributes


def bulk_writes(source: str) -> list[tuple[int, str, str | None]]:
    """(line, method, model name) of each queryset `update`, `bulk_create` or `bulk_update` in `source`."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        if node.func.attr not in BULK_WRITES:
            continue
        root, attributes = _chain_root(node.func.value)
        if node.func.attr == "update" and not attributes & QUERYSET_METHODS:
            continue  # a dict's or a hash's update
        found.append((node.lineno, node.func.attr, root))
    return found


def sources():
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*.py")):
            if "migrations" not in path.parts:
                yield path.relative_to(ROOT).as_posix(), path.read_text()


def test_no_bulk_write_bypasses_the_audit_trail():
    offending = [
        f"{path}:{line}: {method}() on {model or 'a queryset'}"
        for path, source in sources()
        if path != HELPERS
        for line, method, model in bulk_writes(source)
        if model not in NOT_AUDITED
    ]
    assert not offending, "Write audited models through save() or core.audit's bulk helpers:\n" + "\n".join(
        offending
    )


def test_the_guard_sees_bulk_writes_and_ignores_dictionaries():
    source = (
        "Reply.objects.filter(pk=1).update(state='x')\n"
        "replies.filter(pk=1).update(state='x')\n"
        "Answer.objects.bulk_create([])\n"
        "model.objects.bulk_update([], ['text'])\n"
        "OutboundEmail.objects.filter(pk=1).update(status='sent')\n"
        "context.update({'a': 1})\n"
        "digest.update(chunk)\n"
    )
    assert bulk_writes(source) == [
        (1, "update", "Reply"),
        (2, "update", "replies"),
        (3, "bulk_create", "Answer"),
        (4, "bulk_update", "model"),
        (5, "update", "OutboundEmail"),
    ]


@pytest.mark.django_db
def test_the_allowed_models_are_not_audited_and_the_audited_ones_are_not_allowed():
    from django.apps import apps

    models = {model.__name__: model for model in apps.get_models()}
    assert not [name for name in NOT_AUDITED if is_audited(models[name])]


@pytest.mark.django_db
def test_a_queryset_deletion_is_recorded_row_by_row():
    items = ContributionItemFactory.create_batch(2)
    user = UserFactory()

    from core.audit import recorded

    with recorded(by=user, reason="cleanup"):
        ContributionItem.objects.filter(pk__in=[item.pk for item in items]).delete()

    deleted = ContributionItem.history.filter(history_type="-")
    assert sorted(deleted.values_list("id", flat=True)) == sorted(item.pk for item in items)
    assert {(r.history_user, r.history_change_reason) for r in deleted} == {(user, "cleanup")}
