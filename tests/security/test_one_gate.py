"""Who sees what is decided in one place: the `*_visible_to(viewer)` selectors hold the whole rule (the
round's visibility, the object's state, the viewer's role, Party or organisation), and their callers narrow
the set by round or Party, never by publication state or visibility again (DESIGN §3, "One gate for who
sees what").

The guard walks the apps' code for query filters (`filter`, `exclude`, `get`, `Q`, `get_object_or_404`) on
a state or visibility field, and for a filter that re-applies a gate (`round__in=rounds_visible_to(…)`).
They are allowed only in the modules below, each for its reason."""

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
APPS = ("lanzarote_portal", "core", "accounts", "outbox", "rounds", "questionnaires", "submissions")
APPS += ("civil_society", "reports", "evaluation", "followup", "public", "demo", "backups")
FILTERS = {"filter", "exclude", "get", "Q", "get_object_or_404"}
# The fields that say whether something is published, or its round public.
STATE_FIELDS = {"state", "status", "visibility", "acknowledged_at", "published_at", "published_on"}

ALLOWED = {
    r"(^|/)selectors(\.py|/)": "the gates themselves",
    r"(^|/)services(\.py|/)": "a write checks the state it changes",
    r"(^|/)(sweep|windows)\.py$": "the domain modules that decide comment windows and run the sweeps",
    r"(^|/)models\.py$": "database constraints on the states",
    r"^outbox/": "`status` there is an e-mail's delivery, not a publication",
    r"^demo/": "the demo seeds the data as the Secretariat would, and chooses what it cites",
    r"^civil_society/admin/contributions\.py$": "the Secretariat's list, filtered by state at its request",
}


def _name(node: ast.AST) -> str | None:
    if isinstance(node, ast.Attribute):
        return node.attr
    return node.id if isinstance(node, ast.Name) else None


def _calls_a_gate(node: ast.AST) -> bool:
    """Whether an expression is, or is chained on, a call to a visibility selector."""
    return any(
        isinstance(call, ast.Call) and "visible" in (_name(call.func) or "") for call in ast.walk(node)
    )


def gate_filters(source: str) -> list[tuple[int, str]]:
    """(line, lookup) of each filter on a state or visibility field, or through a gate, in `source`."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not (isinstance(node, ast.Call) and _name(node.func) in FILTERS):
            continue
        for keyword in node.keywords:
            if keyword.arg is None:
                continue
            if set(keyword.arg.split("__")) & STATE_FIELDS or _calls_a_gate(keyword.value):
                found.append((node.lineno, keyword.arg))
    return found


def allowed(path: str) -> bool:
    return any(re.search(pattern, path) for pattern in ALLOWED)


def sources():
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*.py")):
            if "migrations" not in path.parts:
                yield path.relative_to(ROOT).as_posix(), path.read_text()


def test_no_caller_filters_publication_state_or_visibility_after_the_gates():
    offending = [
        f"{path}:{line}: {lookup}"
        for path, source in sources()
        if not allowed(path)
        for line, lookup in gate_filters(source)
    ]
    assert not offending, (
        "Read through the `*_visible_to(viewer)` selectors (PUBLIC for what anyone may read) and narrow by "
        "round or Party only; a new rule belongs in the selector:\n" + "\n".join(offending)
    )


def test_the_guard_sees_state_filters_and_gates_applied_twice():
    source = (
        "replies.filter(round=r, state=Reply.State.PUBLISHED)\n"
        "answers.filter(reply__state='published', question=q)\n"
        "Q(visibility='public')\n"
        "rounds.exclude(status=Round.Status.PREPARATION)\n"
        "contributions.filter(acknowledged_at__isnull=False)\n"
        "comments.filter(round__in=rounds_visible_to(PUBLIC).values('pk'))\n"
        "replies_visible_to(PUBLIC).filter(round=r, party__code=code)\n"
        "sheet.save(update_fields=['state'])\n"
        "get_object_or_404(rounds_visible_to(user), slug=slug)\n"
    )
    assert gate_filters(source) == [
        (1, "state"),
        (2, "reply__state"),
        (3, "visibility"),
        (4, "status"),
        (5, "acknowledged_at__isnull"),
        (6, "round__in"),
    ]


def test_the_allowed_modules_are_few_and_named():
    assert allowed("submissions/selectors.py") and allowed("civil_society/services/contributions.py")
    assert allowed("civil_society/sweep.py") and allowed("outbox/services.py")
    assert not allowed("public/views/parties.py") and not allowed("public/status.py")
    assert not allowed("civil_society/views/contributions.py") and not allowed("reports/factsheets.py")
