"""Reading a page of matches: each hit with its round, Party, question, passage and the link that lands on
it, in a constant number of queries per kind of text."""

from dataclasses import dataclass, field

from django.db.models import F
from django.urls import reverse
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from civil_society.models import Contribution, ContributionItem
from questionnaires.models import Question
from reports.models import Finding
from rounds.models import Party, Round
from submissions.answer_html import HTML_FIELDS, TEXTS
from submissions.models import Answer

from .matching import (
    ANSWER,
    COMMENT_GENERAL,
    CONFIGS,
    CONTRIBUTION,
    FINDING,
    NATIONAL_CONFIG,
    by_language,
    queries,
    words_of,
)
from .passages import escaped, has_mark, headline, highlight, marked


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


def hits(keys: list[tuple[str, int]], query: str, *, full_text: bool) -> list[Hit]:
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


def _contribution_url(contribution: Contribution, anchor: str) -> str:
    """A public contribution's own page, at the item or the general part that matched."""
    url = reverse("public-contribution", kwargs={"slug": contribution.round.slug, "pk": contribution.pk})
    return f"{url}#{anchor}"


def _read_answers(pks: list[int], query: str, *, postgres: bool):
    answers = Answer.objects.filter(pk__in=pks).select_related(
        "reply__round", "reply__party", "reply__national_language", "question"
    )
    if postgres:
        q = queries(query)
        # The passages are cut out of the texts in the database: the texts and their HTML stay there.
        answers = answers.defer(*TEXTS, *HTML_FIELDS).annotate(
            headline=by_language(
                "reply__language",
                {lang: headline(escaped("text"), q[lang], CONFIGS[lang]) for lang in CONFIGS},
            ),
            national_headline=headline(escaped("national_text"), q["national"], NATIONAL_CONFIG),
        )
    words = words_of(query)
    for answer in answers:
        reply = answer.reply
        if postgres:
            passage, national = marked(answer.headline), marked(answer.national_headline)
        else:
            passage, national = highlight(answer.text, words), highlight(answer.national_text, words)
        language = reply.language
        if not has_mark(passage) and has_mark(national):
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
        q = queries(query)
        items = items.annotate(
            headline=by_language(
                "contribution__language",
                {lang: headline(F("text"), q[lang], CONFIGS[lang]) for lang in CONFIGS},
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
                url=_contribution_url(contribution, f"q-{item.question.number}"),
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
        q = queries(query)
        contributions = contributions.annotate(
            headline=by_language(
                "language", {lang: headline(F("general_text"), q[lang], CONFIGS[lang]) for lang in CONFIGS}
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
                url=_contribution_url(contribution, "general"),
                language=contribution.language,
                title=contribution.title,
                organisation=contribution.organisation.name,
                parties=parties,
            ),
        )


def _read_findings(pks: list[int], query: str, *, postgres: bool):
    findings = Finding.objects.filter(pk__in=pks).select_related("round").prefetch_related("parties")
    if postgres:
        q = queries(query)
        findings = findings.annotate(
            **{
                f"headline_{lang}": headline(escaped(f"text_{lang}"), q[lang], CONFIGS[lang])
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
        language = current if has_mark(passages[current]) or not has_mark(passages[other]) else other
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
