"""Matching a query: what the public may read, narrowed by the filters, matched by full-text search on
PostgreSQL (the vectors are the expressions of the GIN indexes of the migrations `submissions.0003`,
`civil_society.0003` and `reports.0004`) or by words elsewhere."""

import re
from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db.models import Case, FloatField, Q, QuerySet, When
from django.db.models.functions import Greatest

from civil_society.models import Contribution, ContributionItem
from civil_society.selectors import published_contributions
from reports.models import Finding
from reports.selectors import concerning, findings_visible_to
from rounds.selectors import rounds_visible_to
from submissions.models import Answer
from submissions.selectors import answers_visible_to

PER_PAGE = 20
# Matches kept per kind of text before ranking them together: a query matching more is too broad to page.
MAX_MATCHES = 500
MAX_WORDS = 12

ANSWER, CONTRIBUTION, COMMENT_GENERAL, FINDING = "answer", "contribution", "contribution-general", "finding"
# Equal ranks (and the fallback, which does not rank) list answers first, then comments, then findings.
TYPES_ORDER = {ANSWER: 0, CONTRIBUTION: 1, COMMENT_GENERAL: 2, FINDING: 3}

CONFIGS = {"en": "english", "fr": "french"}
NATIONAL_CONFIG = "simple"
_WORD = re.compile(r"\w+")


# --- The indexed expressions (kept identical to the GIN indexes of the migrations) ------------------------


def answer_vector(language: str) -> SearchVector:
    return SearchVector("text", config=CONFIGS[language])


def answer_national_vector() -> SearchVector:
    return SearchVector("national_text", config=NATIONAL_CONFIG)


def item_vector(language: str) -> SearchVector:
    return SearchVector("text", config=CONFIGS[language])


def general_vector(language: str) -> SearchVector:
    return SearchVector("general_text", config=CONFIGS[language])


def finding_vector(language: str) -> SearchVector:
    return SearchVector(f"title_{language}", f"text_{language}", config=CONFIGS[language])


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


def _visible_rounds():
    return rounds_visible_to(AnonymousUser()).values("pk")


def _answers(filters: Filters) -> QuerySet[Answer]:
    answers = answers_visible_to(AnonymousUser()).filter(reply__round__in=_visible_rounds())
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
    contributions = published_contributions().filter(round__in=_visible_rounds())
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
    findings = findings_visible_to(AnonymousUser()).filter(round__in=_visible_rounds())
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


def match_keys(query: str, filters: Filters, *, full_text: bool) -> list[tuple[str, int]]:
    """(type, pk) of every match, best first."""
    match = _pg_match if full_text else _fallback_match
    ranked: list[tuple[float, str, int]] = []
    sources = [
        (ANSWER, ANSWER, _answers),
        (CONTRIBUTION, CONTRIBUTION, _items),
        (CONTRIBUTION, COMMENT_GENERAL, _general_contributions),
        (FINDING, FINDING, _findings),
    ]
    for type_, key, queryset in sources:
        if filters.wants(type_):
            ranked.extend((rank, key, pk) for pk, rank in match(key, queryset(filters), query))
    ranked.sort(key=lambda row: (-row[0], TYPES_ORDER[row[1]], -row[2]))
    return [(key, pk) for _, key, pk in ranked]


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
    q = queries(query)
    if key == ANSWER:
        queryset = queryset.alias(
            vector_en=answer_vector("en"),
            vector_fr=answer_vector("fr"),
            vector_national=answer_national_vector(),
        ).filter(
            Q(reply__language="en", vector_en=q["en"])
            | Q(reply__language="fr", vector_fr=q["fr"])
            | Q(vector_national=q["national"])
        )
        rank = by_language(
            "reply__language",
            {lang: SearchRank(answer_vector(lang), q[lang]) for lang in CONFIGS},
            FloatField(),
        ) + SearchRank(answer_national_vector(), q["national"])
    elif key == CONTRIBUTION:
        queryset = queryset.alias(vector_en=item_vector("en"), vector_fr=item_vector("fr")).filter(
            Q(contribution__language="en", vector_en=q["en"])
            | Q(contribution__language="fr", vector_fr=q["fr"])
        )
        rank = by_language(
            "contribution__language",
            {lang: SearchRank(item_vector(lang), q[lang]) for lang in CONFIGS},
            FloatField(),
        )
    elif key == COMMENT_GENERAL:
        queryset = queryset.alias(vector_en=general_vector("en"), vector_fr=general_vector("fr")).filter(
            Q(language="en", vector_en=q["en"]) | Q(language="fr", vector_fr=q["fr"])
        )
        rank = by_language(
            "language", {lang: SearchRank(general_vector(lang), q[lang]) for lang in CONFIGS}, FloatField()
        )
    else:
        queryset = queryset.alias(vector_en=finding_vector("en"), vector_fr=finding_vector("fr")).filter(
            Q(vector_en=q["en"]) | Q(vector_fr=q["fr"])
        )
        rank = Greatest(*(SearchRank(finding_vector(lang), q[lang]) for lang in CONFIGS))
    rows = queryset.annotate(rank=rank).order_by("-rank", "-pk").values_list("pk", "rank")[:MAX_MATCHES]
    return list(rows)


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
