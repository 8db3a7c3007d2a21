"""Text in bulk, fast and the same for a given seed.

Writing ~77,000 answers of ~1,650 words word by word would take most of the seed's time, so texts are drawn
from a pool of ready sentences, built once per seed: fragments combined (`phrases`) and the demo's own answer
sentences. Sentence i of the English pool says what sentence i of the French pool says, so an answer, a
finding or a comment picks sentence numbers once and reads them in either language. Each paragraph also has
a sentence naming a programme and a place, drawn from long lists with a few names frequent and most rare
(Zipf), which gives the texts the long tail of rare words that real ones have.

National-language versions are written in a pseudo-language per language code: each English word is
replaced by a made-up word derived from a hash of the language and the word. The texts are no language
anyone reads, but each language has its own vocabulary with the frequencies of the English one, which is what
the full-text index of national texts (`simple` configuration) sees.
"""

import hashlib
import html
import random
import re
from functools import cache

from civil_society.documents import safe_html

from ..data.publications import CLOSINGS, FACTS, FACTS_BY_CASE, OPENINGS
from . import phrases

POOL_SIZE = 10_000
NAMES = 20_000
OFFICIAL = ("en", "fr")
_TOKEN = re.compile(r"\w+|\W+")
_CONSONANTS = "bcdfghjklmnprstvzšžčłñß"
_VOWELS = "aeiouyäöüåéíóú"


def _numbers(rng: random.Random) -> dict[str, object]:
    year = rng.randint(2012, 2024)
    return {
        "n": rng.randint(24, 480),
        "age": rng.randint(9, 12),
        "k": rng.randint(4, 16),
        "m": rng.randint(2, 12),
        "big": rng.randint(1200, 6400),
        "conv": rng.randint(16, 320),
        "pct": rng.randint(10, 90),
        "team": rng.randint(8, 60),
        "years": rng.randint(3, 10),
        "resp": rng.randint(12, 24),
        "year": year,
        "year2": year + rng.randint(2, 5),
        "article": rng.choice(phrases.ARTICLES),
    }


def _lower_first(text: str) -> str:
    return text if text.startswith(("INTERPOL", "Europol")) else text[:1].lower() + text[1:]


def _combined(rng: random.Random) -> tuple[str, str]:
    subject, action, obj, qualifier = (
        rng.choice(phrases.SUBJECTS),
        rng.choice(phrases.ACTIONS),
        rng.choice(phrases.OBJECTS),
        rng.choice(phrases.QUALIFIERS),
    )
    connective = rng.choice(phrases.CONNECTIVES) if rng.random() < 0.25 else None
    values = _numbers(rng)
    sentences = []
    for i in range(2):
        start = subject[i]
        if connective:
            start = connective[i] + _lower_first(start)
        tail = qualifier[i] if not qualifier[i] or qualifier[i].startswith(",") else " " + qualifier[i]
        sentences.append(f"{start} {action[i]} {obj[i]}{tail}.".format(**values))
    return sentences[0], sentences[1]


def _demo_sentences(rng: random.Random) -> list[tuple[str, str]]:
    """The demo's answer sentences (openings, facts, closings), speaking of "the State"."""
    facts = [*FACTS.values(), *(case for cases in FACTS_BY_CASE.values() for case in cases.values())]
    pairs = [(fact["en"], fact["fr"]) for fact in facts]
    for sentences in (*OPENINGS.values(), *CLOSINGS.values()):
        pairs.extend(zip(sentences["en"], sentences["fr"], strict=True))
    formatted = []
    for en, fr in pairs:
        values = _numbers(rng)
        formatted.append(
            (
                en.format(**phrases.PARTY_FORMS["en"], **values),
                fr.format(**phrases.PARTY_FORMS["fr"], **values),
            )
        )
    return formatted


class Pool:
    """The sentences of one seed, in English, French and the pseudo-languages, with their word counts."""

    def __init__(self, seed: int):
        rng = random.Random(f"{seed}:sentences")
        pairs = _demo_sentences(rng)
        seen = set(pairs)
        while len(pairs) < POOL_SIZE:
            pair = _combined(rng)
            if pair not in seen:
                seen.add(pair)
                pairs.append(pair)
        self.sentences = {"en": [en for en, _fr in pairs], "fr": [fr for _en, fr in pairs]}
        self.words = {language: [len(s.split()) for s in self.sentences[language]] for language in OFFICIAL}
        self.specifics = {
            language: [pair[i] for pair in phrases.SPECIFICS] for i, language in enumerate(OFFICIAL)
        }
        self.specific_words = {
            language: [len(t.split()) for t in self.specifics[language]] for language in OFFICIAL
        }
        self.notice = dict(phrases.NOTICE)
        self.names = _names(rng, NAMES)
        self.places = _names(rng, NAMES)

    def national(self, code: str) -> list[str]:
        if code not in self.sentences:
            self.sentences[code] = [pseudo_sentence(sentence, code) for sentence in self.sentences["en"]]
            self.specifics[code] = [_pseudo_template(template, code) for template in self.specifics["en"]]
            self.notice[code] = pseudo_sentence(phrases.NOTICE["en"], code)
        return self.sentences[code]

    def compose(
        self, rng: random.Random, *, words: int, language: str = "en"
    ) -> list[tuple[list[int], tuple]]:
        """Paragraphs of about `words` words in `language` (at least one sentence): each three to seven
        sentence numbers and a specific sentence, (sentence numbers, (template number, values))."""
        counts, total, groups = self.words[language], 0, []
        while total < words:
            template = rng.randrange(len(phrases.SPECIFICS))
            total += self.specific_words[language][template]
            indices = []
            for index in rng.choices(range(len(counts)), k=rng.randint(3, 7)):
                indices.append(index)
                total += counts[index]
                if total >= words:
                    break
            values = {
                "name": self.names[_zipf(rng, NAMES)],
                "place": self.places[_zipf(rng, NAMES)],
                "year": rng.randint(2010, 2025),
                "n": rng.randint(12, 900),
            }
            groups.append((indices, (template, values)))
        return groups

    def _paragraphs(self, groups: list, language: str) -> list[str]:
        sentences = self.national(language) if language not in OFFICIAL else self.sentences[language]
        specifics = self.specifics[language]
        return [
            " ".join(sentences[i] for i in indices) + " " + specifics[template].format(**values)
            for indices, (template, values) in groups
        ]

    def read(self, groups: list, language: str) -> str:
        """Plain text: paragraphs separated by a blank line, the notice last."""
        return "\n\n".join([*self._paragraphs(groups, language), self.notice[language]])

    def read_html(self, groups: list, language: str) -> str:
        """Safe HTML, as a contribution's text is stored: one paragraph per group, the notice last."""
        paragraphs = [*self._paragraphs(groups, language), self.notice[language]]
        return safe_html("".join(f"<p>{html.escape(p, quote=False)}</p>" for p in paragraphs))


def _zipf(rng: random.Random, size: int) -> int:
    """A rank in [0, size): rank 0 the most frequent, the chance of rank k or more about 1 / (k + 1)."""
    return min(int(rng.paretovariate(1.0)) - 1, size - 1)


def _names(rng: random.Random, count: int) -> list[str]:
    names = {}
    while len(names) < count:
        name = "".join(rng.choice("bdfgklmnprstvz") + rng.choice("aeiou") for _ in range(rng.randint(2, 4)))
        names[name.capitalize()] = None
    return list(names)


def _pseudo_template(template: str, code: str) -> str:
    """A template in a pseudo-language, its {placeholders} kept."""
    parts = re.split(r"(\{\w+\})", template)
    return "".join(part if part.startswith("{") else pseudo_sentence(part, code) for part in parts)


@cache
def _alphabet(code: str) -> tuple[str, str]:
    rng = random.Random(f"alphabet:{code}")
    return "".join(rng.sample(_CONSONANTS, 12)), "".join(rng.sample(_VOWELS, 5))


@cache
def pseudo_word(word: str, code: str) -> str:
    if word.isdigit():
        return word
    consonants, vowels = _alphabet(code)
    digest = hashlib.sha256(f"{code}:{word.lower()}".encode()).digest()
    syllables = max(1, round(len(word) / 3))
    made = "".join(
        consonants[digest[2 * i] % len(consonants)] + vowels[digest[2 * i + 1] % len(vowels)]
        for i in range(syllables)
    )
    if len(word) > 3 and digest[-1] % 2:
        made += consonants[digest[-2] % len(consonants)]
    return made.capitalize() if word[:1].isupper() else made


def pseudo_sentence(sentence: str, code: str) -> str:
    return "".join(
        pseudo_word(token, code) if token[0].isalnum() or token[0] == "_" else token
        for token in _TOKEN.findall(sentence)
    )
