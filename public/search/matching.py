"""Matching a query: what the public may read, narrowed by the filters, matched by full-text search on
PostgreSQL or by words elsewhere. The vectors are columns PostgreSQL generates and stores, with GIN indexes
(`submissions.0005`, `civil_society.0006` and `0007`, `reports.0007`), so that ranking reads them instead of
parsing every matching text again."""

import re
from contextlib import contextmanager
from dataclasses import dataclass

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorField
from django.db import connection, transaction
from django.db.models import Case, Expression, FloatField, Q, QuerySet, When
from django.db.models.functions import Greatest

from civil_society.models import Contribution, ContributionItem
from civil_society.selectors import contributions_visible_to
from core.viewers import PUBLIC
from reports.models import Finding
from reports.selectors import concerning, findings_visible_to
from submissions.models import Answer
from submissions.selectors import answers_visible_to

PER_PAGE = 20
# Matches kept per kind of text, and ranked: a query matching more is too broad to page. Ranking reads the
# whole vector of every match, so a word found in most of tens of thousands of long answers would take
# seconds to rank; the most recent matches of each kind are the ones ranked.
MAX_MATCHES = 500
# The newest rows whose vectors match, read to find MAX_MATCHES the public may read (drafts and
# confidential comments match too, and are left out after).
CANDIDATES_PER_MATCH = 4
MAX_WORDS = 12

ANSWER, CONTRIBUTION, COMMENT_GENERAL, FINDING = "answer", "contribution", "contribution-general", "finding"
# Equal ranks (and the fallback, which does not rank) list answers first, then comments, then findings.
TYPES_ORDER = {ANSWER: 0, CONTRIBUTION: 1, COMMENT_GENERAL: 2, FINDING: 3}

CONFIGS = {"en": "english", "fr": "french"}
NATIONAL_CONFIG = "simple"
_WORD = re.compile(r"\w+")


# --- The stored, indexed vectors ------------------------------------------------------------------------


class StoredVector(Expression):
    """A generated tsvector column of the queried table, which the model does not declare (PostgreSQL
    keeps it; see the migrations above)."""

    output_field = SearchVectorField()

    def __init__(self, column: str):
        super().__init__()
        self.column = column

    def as_sql(self, compiler, connection):
        table = compiler.quote_name_unless_alias(compiler.query.get_initial_alias())
        return f"{table}.{connection.ops.quote_name(self.column)}", []


def answer_vector(language: str) -> StoredVector:
    return StoredVector(f"search_{CONFIGS[language]}")


def answer_national_vector() -> StoredVector:
    return StoredVector("search_national")


def item_vector(language: str) -> StoredVector:
    return StoredVector(f"search_{CONFIGS[language]}")


def general_vector(language: str) -> StoredVector:
    return StoredVector(f"search_{CONFIGS[language]}")


def finding_vector(language: str) -> StoredVector:
    """The title and the text in `language` (findings are written in both)."""
    return StoredVector(f"search_{CONFIGS[language]}")


@dataclass(frozen=True)
class Filters:
    """What narrows a search: a round (slug), a Party (ISO code), a theme, a question kind, a type."""

    round: str = ""
    party: str = ""
    theme: str = ""
    kind: str = ""
    type: str = ""

    def wants(self, type_: str) -> bool:
        return not self.type or self.type == type_


# --- Matching: what is visible, narrowed by the filters, matched by the query ---------------------------


def _answers(filters: Filters) -> QuerySet[Answer]:
    answers = answers_visible_to(PUBLIC)
    if filters.round:
        answers = answers.filter(reply__round__slug=filters.round)
    if filters.party:
        answers = answers.filter(reply__party__code=filters.party.upper())
    if filters.theme:
        answers = answers.filter(question__theme=filters.theme)
    if filters.kind:
        answers = answers.filter(question__kind=filters.kind)
    return answers


def _contributions(filters: Filters) -> QuerySet[Contribution]:
    contributions = contributions_visible_to(PUBLIC)
    if filters.round:
        contributions = contributions.filter(round__slug=filters.round)
    if filters.party:
        concerned = Contribution.parties.through.objects.filter(party__code=filters.party.upper())
        contributions = contributions.filter(pk__in=concerned.values("contribution"))
    return contributions


def _items(filters: Filters) -> QuerySet[ContributionItem]:
    items = ContributionItem.objects.filter(contribution__in=_contributions(filters))
    if filters.theme:
        items = items.filter(question__theme=filters.theme)
    if filters.kind:
        items = items.filter(question__kind=filters.kind)
    return items


def _findings(filters: Filters) -> QuerySet[Finding]:
    findings = findings_visible_to(PUBLIC)
    if filters.round:
        findings = findings.filter(round__slug=filters.round)
    if filters.party:
        findings = concerning(findings, party_code=filters.party)
    if filters.theme:
        on_theme = Finding.questions.through.objects.filter(question__theme=filters.theme)
        findings = findings.filter(Q(theme=filters.theme) | Q(theme="", pk__in=on_theme.values("finding")))
    if filters.kind:
        of_kind = Finding.questions.through.objects.filter(question__kind=filters.kind)
        findings = findings.filter(pk__in=of_kind.values("finding"))
    return findings


def match_keys(query: str, filters: Filters, *, full_text: bool) -> tuple[list[tuple[str, int]], bool]:
    """(type, pk) of every match, best first; and whether a kind of text matched more than MAX_MATCHES, so
    that only its most recent matches are listed."""
    match = _pg_match if full_text else _fallback_match
    ranked: list[tuple[float, str, int]] = []
    only_recent = False
    sources = [
        (ANSWER, ANSWER, _answers),
        (CONTRIBUTION, CONTRIBUTION, _items),
        (CONTRIBUTION, COMMENT_GENERAL, _general_contributions),
        (FINDING, FINDING, _findings),
    ]
    with _indexes_first(full_text):
        for type_, key, queryset in sources:
            if filters.wants(type_):
                matches = match(key, queryset(filters), query)
                only_recent |= len(matches) >= MAX_MATCHES
                ranked.extend((rank, key, pk) for pk, rank in matches)
    ranked.sort(key=lambda row: (-row[0], TYPES_ORDER[row[1]], -row[2]))
    return [(key, pk) for _, key, pk in ranked], only_recent


@contextmanager
def _indexes_first(full_text: bool):
    """PostgreSQL costs a scan of the table lower than the text indexes, not counting that testing a match
    reads each row's vector out of line: a scan took half a second where the indexes take milliseconds."""
    if not full_text:
        yield
        return
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        yield


def _general_contributions(filters: Filters) -> QuerySet[Contribution]:
    """The general part of a contribution concerns no question: a theme or kind filter leaves it out."""
    contributions = _contributions(filters).exclude(general_text="")
    return contributions.none() if filters.theme or filters.kind else contributions


def queries(query: str) -> dict[str, SearchQuery]:
    return {
        language: SearchQuery(query, config=config, search_type="websearch")
        for language, config in {**CONFIGS, "national": NATIONAL_CONFIG}.items()
    }


def by_language(language_field: str, expressions: dict[str, object], output_field=None):
    """The expression of the row's language: 'en' or 'fr'."""
    return Case(
        When(**{language_field: "fr"}, then=expressions["fr"]),
        default=expressions["en"],
        output_field=output_field,
    )


def _pg_match(key: str, queryset: QuerySet, query: str) -> list[tuple[int, float]]:
    """Three steps: the rows whose own vectors match (the GIN indexes alone, no join), those of them the
    public may read that match in their text's language, the newest MAX_MATCHES of those ranked."""
    q = queries(query)
    if key == ANSWER:
        vectors = {"en": answer_vector("en"), "fr": answer_vector("fr"), "national": answer_national_vector()}
        language = "reply__language"
    elif key == CONTRIBUTION:
        vectors = {"en": item_vector("en"), "fr": item_vector("fr")}
        language = "contribution__language"
    elif key == COMMENT_GENERAL:
        vectors = {"en": general_vector("en"), "fr": general_vector("fr")}
        language = "language"
    else:
        vectors = {"en": finding_vector("en"), "fr": finding_vector("fr")}
        language = None  # a finding is written in both languages
    aliases = {f"vector_{name}": vector for name, vector in vectors.items()}
    own = Q()
    for name in vectors:
        own |= Q(**{f"vector_{name}": q[name]})
    # Read apart, with nothing to order by: a sort by key invites PostgreSQL to walk the key's index and
    # test every row's vector, which is what the GIN indexes are there to avoid.
    found = (
        queryset.model._default_manager.alias(**aliases).filter(own).order_by().values_list("pk", flat=True)
    )
    candidates = sorted(found, reverse=True)[: CANDIDATES_PER_MATCH * MAX_MATCHES]
    queryset = queryset.alias(**aliases).filter(pk__in=candidates)
    if language:
        in_language = Q(**{language: "en", "vector_en": q["en"]})
        in_language |= Q(**{language: "fr", "vector_fr": q["fr"]})
        if "national" in vectors:
            in_language |= Q(vector_national=q["national"])
        queryset = queryset.filter(in_language)
        ranks = {lang: SearchRank(vectors[lang], q[lang]) for lang in CONFIGS}
        rank = by_language(language, ranks, FloatField())
        if "national" in vectors:
            rank += SearchRank(vectors["national"], q["national"])
    else:
        rank = Greatest(*(SearchRank(vectors[lang], q[lang]) for lang in CONFIGS))
    newest = queryset.order_by("-pk").values("pk")[:MAX_MATCHES]
    ranked = queryset.model._default_manager.filter(pk__in=newest).annotate(rank=rank)
    return list(ranked.order_by("-rank", "-pk").values_list("pk", "rank"))


def words_of(query: str) -> list[str]:
    """The words of a query, without the web-search operators the fallback does not understand."""
    words = [word.lower() for word in _WORD.findall(query)]
    return [word for word in dict.fromkeys(words) if word != "or"][:MAX_WORDS]


def _fallback_match(key: str, queryset: QuerySet, query: str) -> list[tuple[int, float]]:
    """Every word in the text, case-insensitively; newest first (no ranking without full-text search)."""
    fields = {
        ANSWER: ["text", "national_text"],
        CONTRIBUTION: ["text"],
        COMMENT_GENERAL: ["general_text"],
        FINDING: ["title_en", "text_en", "title_fr", "text_fr"],
    }[key]
    words = words_of(query)
    if not words:
        return []
    for word in words:
        any_field = Q()
        for name in fields:
            any_field |= Q(**{f"{name}__icontains": word})
        queryset = queryset.filter(any_field)
    return [(pk, 0.0) for pk in queryset.order_by("-pk").values_list("pk", flat=True)[:MAX_MATCHES]]
