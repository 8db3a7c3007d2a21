"""Search across what the portal publishes: answers of published replies, public civil-society comments and
adopted findings.

Whoever searches, the results are read through the public gates (`AnonymousUser()`), so a focal point or
the Secretariat finds what any reader finds, and a results page is the same for everyone in a language.

On PostgreSQL, full-text search: each text is matched with the text search configuration of its language
('english', 'french'; 'simple' for national-language texts), the query is parsed like a web search box
(quotes, `or`, `-word`), results are ranked, and the passage shown is built by `ts_headline`. The vectors
are the expressions of the GIN indexes created by the migrations `submissions.0003`,
`civil_society.0003` and `reports.0004`: a vector written here differently from there is not indexed.
Elsewhere (SQLite, `make run`), every word must appear in the text, case-insensitively, and the passage is
cut and marked in Python.

A passage is HTML: the text is escaped and only the `<mark>` elements around matched words are ours.
"""

import html
import re
from dataclasses import dataclass, field

from django.contrib.auth.models import AnonymousUser
from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVector
from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import Case, F, FloatField, Q, QuerySet, Value, When
from django.db.models.functions import Greatest, Replace
from django.urls import reverse
from django.utils.html import escape, strip_tags
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from civil_society.models import Contribution, ContributionItem
from civil_society.selectors import published_contributions
from questionnaires.models import Question
from reports.models import Finding
from reports.selectors import concerning, findings_visible_to
from rounds.models import Party, Round
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

# Sentinels around matched words: private-use characters, so a text cannot smuggle markup in through them.
START, STOP = "\ue000", "\ue001"
_MARKED = re.compile(f"{START}([^{START}{STOP}]*){STOP}")
_SENTINELS = re.compile(f"[{START}{STOP}]")
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


# --- Input and output ----------------------------------------------------------------------------------


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


@dataclass
class Hit:
    """One result: where it comes from, the passage that matched (safe HTML) and where to read it."""

    type: str
    round: Round
    party: Party | None
    question: Question | None
    passage: SafeString
    url: str
    language: str
    title: str = ""
    organisation: str = ""
    parties: list[Party] = field(default_factory=list)


def search(
    *, query: str, filters: Filters, page: int | str | None = 1, full_text: bool | None = None
) -> Page:
    """A page of hits, best first. Constant queries per page: one per kind of text to match, one or two
    per kind on the page to read. `full_text` defaults to whether the database is PostgreSQL."""
    if full_text is None:
        full_text = connection.vendor == "postgresql"
    query = query.strip()
    keys = _match_keys(query, filters, full_text=full_text) if query else []
    page_ = Paginator(keys, PER_PAGE).get_page(page)
    page_.object_list = _hits(list(page_.object_list), query, full_text=full_text)
    return page_


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


def _match_keys(query: str, filters: Filters, *, full_text: bool) -> list[tuple[str, int]]:
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


def _queries(query: str) -> dict[str, SearchQuery]:
    return {
        language: SearchQuery(query, config=config, search_type="websearch")
        for language, config in {**CONFIGS, "national": NATIONAL_CONFIG}.items()
    }


def _by_language(language_field: str, expressions: dict[str, object], output_field=None):
    """The expression of the row's language: 'en' or 'fr'."""
    return Case(
        When(**{language_field: "fr"}, then=expressions["fr"]),
        default=expressions["en"],
        output_field=output_field,
    )


def _pg_match(key: str, queryset: QuerySet, query: str) -> list[tuple[int, float]]:
    q = _queries(query)
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
        rank = _by_language(
            "reply__language",
            {lang: SearchRank(answer_vector(lang), q[lang]) for lang in CONFIGS},
            FloatField(),
        ) + SearchRank(answer_national_vector(), q["national"])
    elif key == CONTRIBUTION:
        queryset = queryset.alias(vector_en=item_vector("en"), vector_fr=item_vector("fr")).filter(
            Q(contribution__language="en", vector_en=q["en"])
            | Q(contribution__language="fr", vector_fr=q["fr"])
        )
        rank = _by_language(
            "contribution__language",
            {lang: SearchRank(item_vector(lang), q[lang]) for lang in CONFIGS},
            FloatField(),
        )
    elif key == COMMENT_GENERAL:
        queryset = queryset.alias(vector_en=general_vector("en"), vector_fr=general_vector("fr")).filter(
            Q(language="en", vector_en=q["en"]) | Q(language="fr", vector_fr=q["fr"])
        )
        rank = _by_language(
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


# --- Reading the page's hits -----------------------------------------------------------------------------


def _escaped(expression: str):
    """A plain text as HTML, in SQL, so `ts_headline` (which drops anything that looks like a tag) keeps
    what the text says; the passage is unescaped and escaped again in Python."""
    escaped = Replace(F(expression), Value("&"), Value("&amp;"))
    escaped = Replace(escaped, Value("<"), Value("&lt;"))
    return Replace(escaped, Value(">"), Value("&gt;"))


def _headline(expression, query: SearchQuery, config: str) -> SearchHeadline:
    return SearchHeadline(
        expression,
        query,
        config=config,
        start_sel=START,
        stop_sel=STOP,
        max_words=35,
        min_words=15,
        max_fragments=2,
        fragment_delimiter=" … ",
    )


def marked(headline: str) -> SafeString:
    """A passage out of `ts_headline` (sentinels around matched words, HTML entities, no tags) as safe HTML:
    everything escaped, then the sentinels turned into `<mark>`."""
    text = escape(html.unescape(headline or "").strip())
    text = _MARKED.sub(r"<mark>\1</mark>", text)
    return mark_safe(_SENTINELS.sub("", text))  # escaped above: only our <mark>s are markup


def highlight(text: str, words: list[str], *, is_html: bool = False, width: int = 30) -> SafeString:
    """The fallback's passage: the words around the first match, escaped, matched words in `<mark>`."""
    if is_html:
        text = html.unescape(strip_tags(text))
    text = _SENTINELS.sub("", text)
    tokens = text.split()
    lowered = [token.lower() for token in tokens]
    first = next((i for i, token in enumerate(lowered) if any(word in token for word in words)), 0)
    start = max(0, first - width // 3)
    excerpt = " ".join(tokens[start : start + width])
    if words:
        pattern = re.compile("|".join(re.escape(word) for word in sorted(words, key=len, reverse=True)), re.I)
        excerpt = pattern.sub(lambda found: f"{START}{found.group(0)}{STOP}", excerpt)
    prefix = "… " if start > 0 else ""
    suffix = " …" if start + width < len(tokens) else ""
    return marked(f"{prefix}{excerpt}{suffix}".replace("&", "&amp;"))


def _has_mark(passage: str) -> bool:
    return "<mark>" in passage


def _hits(keys: list[tuple[str, int]], query: str, *, full_text: bool) -> list[Hit]:
    wanted: dict[str, list[int]] = {}
    for key, pk in keys:
        wanted.setdefault(key, []).append(pk)
    read = {
        ANSWER: _read_answers,
        CONTRIBUTION: _read_items,
        COMMENT_GENERAL: _read_general,
        FINDING: _read_findings,
    }
    found: dict[tuple[str, int], Hit] = {}
    for key, pks in wanted.items():
        for pk, hit in read[key](pks, query, postgres=full_text):
            found[(key, pk)] = hit
    return [found[key] for key in keys if key in found]


def _party_url(round_: Round, party: Party, anchor: str = "") -> str:
    url = reverse("party-reply", kwargs={"slug": round_.slug, "iso2": party.code})
    return f"{url}#{anchor}" if anchor else url


def _question_url(round_: Round, question: Question) -> str:
    """A question of the questionnaire, on the round's page."""
    return f"{reverse('round-detail', kwargs={'slug': round_.slug})}#q{question.number}"


def _read_answers(pks: list[int], query: str, *, postgres: bool):
    answers = Answer.objects.filter(pk__in=pks).select_related(
        "reply__round", "reply__party", "reply__national_language", "question"
    )
    if postgres:
        q = _queries(query)
        answers = answers.annotate(
            headline=_by_language(
                "reply__language",
                {lang: _headline(_escaped("text"), q[lang], CONFIGS[lang]) for lang in CONFIGS},
            ),
            national_headline=_headline(_escaped("national_text"), q["national"], NATIONAL_CONFIG),
        )
    words = words_of(query)
    for answer in answers:
        reply = answer.reply
        if postgres:
            passage, national = marked(answer.headline), marked(answer.national_headline)
        else:
            passage, national = highlight(answer.text, words), highlight(answer.national_text, words)
        language = reply.language
        if not _has_mark(passage) and _has_mark(national):
            passage = national
            language = reply.national_language.code if reply.national_language else ""
        yield (
            answer.pk,
            Hit(
                type=ANSWER,
                round=reply.round,
                party=reply.party,
                question=answer.question,
                passage=passage,
                url=_party_url(reply.round, reply.party, f"q-{answer.question.number}"),
                language=language,
            ),
        )


def _read_items(pks: list[int], query: str, *, postgres: bool):
    items = (
        ContributionItem.objects.filter(pk__in=pks)
        .select_related("contribution__round", "contribution__organisation", "question")
        .prefetch_related("contribution__parties")
    )
    if postgres:
        q = _queries(query)
        items = items.annotate(
            headline=_by_language(
                "contribution__language",
                {lang: _headline(F("text"), q[lang], CONFIGS[lang]) for lang in CONFIGS},
            )
        )
    words = words_of(query)
    for item in items:
        contribution = item.contribution
        parties = list(contribution.parties.all())
        is_comment = contribution.kind == Contribution.Kind.COMMENT and parties
        yield (
            item.pk,
            Hit(
                type=CONTRIBUTION,
                round=contribution.round,
                party=parties[0] if is_comment else None,
                question=item.question,
                passage=marked(item.headline) if postgres else highlight(item.text, words, is_html=True),
                url=(
                    _party_url(contribution.round, parties[0], f"q-{item.question.number}")
                    if is_comment
                    else _question_url(contribution.round, item.question)
                ),
                language=contribution.language,
                title=contribution.title,
                organisation=contribution.organisation.name,
                parties=parties,
            ),
        )


def _read_general(pks: list[int], query: str, *, postgres: bool):
    contributions = (
        Contribution.objects.filter(pk__in=pks)
        .select_related("round", "organisation")
        .prefetch_related("parties")
    )
    if postgres:
        q = _queries(query)
        contributions = contributions.annotate(
            headline=_by_language(
                "language", {lang: _headline(F("general_text"), q[lang], CONFIGS[lang]) for lang in CONFIGS}
            )
        )
    words = words_of(query)
    for contribution in contributions:
        parties = list(contribution.parties.all())
        is_comment = contribution.kind == Contribution.Kind.COMMENT and parties
        yield (
            contribution.pk,
            Hit(
                type=CONTRIBUTION,
                round=contribution.round,
                party=parties[0] if is_comment else None,
                question=None,
                passage=(
                    marked(contribution.headline)
                    if postgres
                    else highlight(contribution.general_text, words, is_html=True)
                ),
                url=(
                    _party_url(contribution.round, parties[0])
                    if is_comment
                    else reverse("round-detail", kwargs={"slug": contribution.round.slug})
                ),
                language=contribution.language,
                title=contribution.title,
                organisation=contribution.organisation.name,
                parties=parties,
            ),
        )


def _read_findings(pks: list[int], query: str, *, postgres: bool):
    findings = Finding.objects.filter(pk__in=pks).select_related("round").prefetch_related("parties")
    if postgres:
        q = _queries(query)
        findings = findings.annotate(
            **{
                f"headline_{lang}": _headline(_escaped(f"text_{lang}"), q[lang], CONFIGS[lang])
                for lang in CONFIGS
            }
        )
    words = words_of(query)
    current = "fr" if (get_language() or "en").startswith("fr") else "en"
    other = "en" if current == "fr" else "fr"
    for finding in findings:
        passages = {
            lang: (
                marked(getattr(finding, f"headline_{lang}"))
                if postgres
                else highlight(getattr(finding, f"text_{lang}") or "", words)
            )
            for lang in CONFIGS
        }
        language = current if _has_mark(passages[current]) or not _has_mark(passages[other]) else other
        yield (
            finding.pk,
            Hit(
                type=FINDING,
                round=finding.round,
                party=None,
                question=None,
                passage=passages[language],
                url=reverse("round-detail", kwargs={"slug": finding.round.slug}),
                language=language,
                title=getattr(finding, f"title_{language}") or finding.title,
                parties=[] if finding.applies_to_all else list(finding.parties.all()),
            ),
        )
