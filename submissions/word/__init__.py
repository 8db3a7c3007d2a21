"""The Word round trip of a State reply: `export` writes the portal's template, `parse` reads it back.

Both sides share the contract below: the reference that ties a document to one reply (round, Party and
language), how the answer versions it was pre-filled with are recorded, and how texts are compared.
"""

import re
from dataclasses import dataclass

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

REFERENCE_PREFIX = "lanzarote-reply"
REFERENCE = re.compile(
    rf"{REFERENCE_PREFIX}:(?P<round>[-\w]+):(?P<party>[A-Z]{{2}}):(?P<language>[a-z]{{2}})"
)
VERSIONS_PREFIX = "answers:"
# An answer marked "no information available" starts with this line, in the document's language.
NO_INFORMATION = gettext_noop("No information available")


@dataclass(frozen=True)
class Reference:
    """Which reply a document was downloaded for."""

    round_slug: str
    party_code: str
    language: str

    def __str__(self) -> str:
        return f"{REFERENCE_PREFIX}:{self.round_slug}:{self.party_code}:{self.language}"

    @classmethod
    def find(cls, text: str) -> "Reference | None":
        match = REFERENCE.search(text or "")
        if match is None:
            return None
        return cls(round_slug=match["round"], party_code=match["party"], language=match["language"])


def versions_dump(versions: dict[str, int]) -> str:
    """`{"1": 3, "6.1": 2}` -> `answers:1=3;6.1=2`: the answer versions a document was pre-filled with."""
    return VERSIONS_PREFIX + ";".join(f"{number}={version}" for number, version in versions.items())


def versions_load(value: str) -> dict[str, int] | None:
    """The versions recorded by `versions_dump`, or None when the value is missing or was tampered with."""
    if not value or not value.startswith(VERSIONS_PREFIX):
        return None
    versions = {}
    for pair in filter(None, value.removeprefix(VERSIONS_PREFIX).split(";")):
        number, _, version = pair.partition("=")
        if not number or not version.isdigit():
            return None
        versions[number] = int(version)
    return versions


def text_normalized(text: str) -> str:
    """An answer as compared across the round trip: line endings unified, trailing spaces dropped, trimmed."""
    lines = (text or "").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join(line.rstrip() for line in lines).strip()


def answer_for_word(*, text: str, no_information: bool) -> str:
    """An answer as the document holds it: marked "no information available" by a first line "[mark]"
    (in the active language), the explanation, if any, below it."""
    if not no_information:
        return text
    mark = f"[{_(NO_INFORMATION)}]"
    return f"{mark}\n{text}" if text else mark


def answer_from_word(text: str) -> tuple[str, bool]:
    """(text, no_information) of an answer read from a document: a first line that reads the mark, in
    English or French, brackets and case aside, marks it; the lines below are its explanation."""
    first, _newline, rest = text.partition("\n")
    if first.strip(" []().:").lower() in _marks():
        return text_normalized(rest), True
    return text, False


def _marks() -> set[str]:
    marks = {NO_INFORMATION.lower()}
    for language in ("en", "fr"):
        with translation.override(language):
            marks.add(_(NO_INFORMATION).lower())
    return marks
