"""Read back a .docx made from the portal's template (see `export.py`): which answer goes with which number.

A question table is a table whose first cell reads `Question <number>`; its answer is what the rows below
hold, beside the `Answer` label, and its national-language text what follows an `Answer (<language>)` label
(documents exported before the national text was added have none). Other tables and paragraphs are the
user's own and are ignored. Text is read from the XML itself, so hyperlinks, fields and content controls
keep their words; a nested table becomes one line per row, its cells separated by ` | `. Tracked changes
are refused rather than guessed.
"""

import re
import zipfile
from dataclasses import dataclass, field
from typing import BinaryIO

import docx
from django.utils import translation
from django.utils.translation import gettext as _
from docx.opc.exceptions import OpcError
from docx.oxml.ns import qn
from lxml import etree

from ..errors import InvalidFile
from . import Reference, text_normalized, versions_load

NUMBER = re.compile(r"^\d+(\.\d+)*(\.[a-z])?$")
TRACKED_CHANGES = ("w:ins", "w:del", "w:moveFrom", "w:moveTo")
# Deleted text, field codes and properties (a tab stop is a `w:tab` too) are not what the reader sees.
SKIPPED = {qn(tag) for tag in ("w:del", "w:moveFrom", "w:instrText", "w:delText", "w:pPr", "w:rPr")}
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
P, TBL, TR, TC, SDT, SDT_CONTENT = (
    qn(tag) for tag in ("w:p", "w:tbl", "w:tr", "w:tc", "w:sdt", "w:sdtContent")
)
T, TAB, BR, CR, NO_BREAK_HYPHEN = (qn(tag) for tag in ("w:t", "w:tab", "w:br", "w:cr", "w:noBreakHyphen"))


@dataclass(frozen=True)
class ParsedAnswer:
    """`national` is None when the table has no national-language row; `national_label` names its language."""

    number: str
    text: str
    national: str | None = None
    national_label: str = ""


@dataclass(frozen=True)
class Unreadable:
    """A question table that cannot be used: `reason` is `invalid_number` or `no_answer`."""

    label: str
    number: str
    reason: str


@dataclass
class ParsedDocument:
    reference: Reference | None = None
    versions: dict[str, int] | None = None
    question_tables: int = 0
    answers: list[ParsedAnswer] = field(default_factory=list)
    unreadable: list[Unreadable] = field(default_factory=list)


def reply_docx_parse(upload: BinaryIO) -> ParsedDocument:
    """What the document holds, in its order; InvalidFile when it cannot be read as it stands."""
    upload.seek(0)
    try:
        document = docx.Document(upload)
    except (OpcError, KeyError, ValueError, zipfile.BadZipFile, etree.XMLSyntaxError):
        raise InvalidFile(_("This file cannot be read as a Word document.")) from None
    finally:
        upload.seek(0)
    body = document.element.body
    if body.xpath(" | ".join(f".//{tag}" for tag in TRACKED_CHANGES)):
        raise InvalidFile(
            _(
                "This document contains tracked changes: accept or reject them in Word, save it, "
                "then upload it again."
            )
        )
    parsed = ParsedDocument()
    properties = document.core_properties
    parsed.reference = Reference.find(properties.identifier) or Reference.find(properties.keywords)
    if parsed.reference is not None:
        parsed.versions = versions_load(properties.version)
    else:
        parsed.reference = Reference.find("\n".join(_paragraph_text(p) for p in body.iter(P)))
    label = _label_pattern()
    for table in _tables(body):
        _read_table(table, label=label, into=parsed)
    return parsed


def _label_pattern() -> re.Pattern:
    """`Question 6.1` in any interface language, `Q. 6.1` and `Question no 6.1` too, any case."""
    words = {"question", "q", "q."}
    for language in ("en", "fr"):
        with translation.override(language):
            words.add(_("Question %(number)s").split("%(number)s")[0].strip().lower())
    alternatives = "|".join(re.escape(word) for word in sorted(filter(None, words), key=len, reverse=True))
    return re.compile(rf"^(?:{alternatives})\s*(?:n[o°º]\.?\s*)?(?P<number>\d\S*)$", re.IGNORECASE)


def _tables(element):
    """Top-level tables in order, looking through content controls and into layout tables' cells."""
    for child in element:
        if child.tag == TBL:
            yield child
        elif child.tag in (SDT, SDT_CONTENT):
            yield from _tables(child)


def _read_table(table, *, label: re.Pattern, into: ParsedDocument) -> None:
    rows = table.findall(TR)
    first_cells = rows[0].findall(TC) if rows else []
    heading = " ".join(_cell_lines(first_cells[0])).strip() if first_cells else ""
    match = label.match(heading)
    if match is None:
        for cell in (cell for row in rows for cell in row.findall(TC)):  # a layout table around ours
            for nested in _tables(cell):
                _read_table(nested, label=label, into=into)
        return
    into.question_tables += 1
    number = match["number"].rstrip(".:").lower()
    if not NUMBER.match(number):
        into.unreadable.append(Unreadable(label=heading, number=number, reason="invalid_number"))
        return
    if len(rows) < 2:
        into.unreadable.append(Unreadable(label=heading, number=number, reason="no_answer"))
        return
    labels, national_label = _answer_labels(), _national_label_pattern()
    parts: dict[str, list[str]] = {"text": []}
    section, language = "text", ""
    for row in rows[1:]:  # rows added by pressing Tab in a last cell belong to the text above them
        for column, cell in enumerate(row.findall(TC)):
            part = text_normalized("\n".join(_cell_lines(cell)))
            first, _, rest = part.partition("\n")
            # Labels switch texts only in the label column: an answer may well open with "Answer (…)".
            national = national_label.match(first.strip()) if column == 0 else None
            if first.rstrip(" :").lower() in labels:  # the "Answer" label, alone or merged with the answer
                part, section = text_normalized(rest), "text" if column == 0 else section
            elif national:
                part, section, language = text_normalized(rest), "national", national["language"].strip()
                parts.setdefault(section, [])
            parts[section].append(part)
    text, national_text = ("\n".join(p for p in parts.get(name, []) if p) for name in ("text", "national"))
    into.answers.append(
        ParsedAnswer(
            number=number,
            text=text,
            national=national_text if "national" in parts else None,
            national_label=language,
        )
    )


def _national_label_pattern() -> re.Pattern:
    """`Answer (German)`, as `export.py` labels the national-language text, in English or French."""
    words = "|".join(re.escape(word) for word in sorted(_answer_labels(), key=len, reverse=True))
    return re.compile(rf"^(?:{words})\s*\((?P<language>[^()]+)\)\s*:?$", re.IGNORECASE)


def _answer_labels() -> set[str]:
    labels = {"answer", "réponse"}
    for language in ("en", "fr"):
        with translation.override(language):
            labels.add(_("Answer").lower())
    return labels


def _cell_lines(cell) -> list[str]:
    lines = []
    for child in cell:
        if child.tag == P:
            lines.append(_paragraph_text(child))
        elif child.tag == TBL:
            for row in child.findall(TR):
                lines.append(" | ".join(" ".join(_cell_lines(c)).strip() for c in row.findall(TC)))
        elif child.tag in (SDT, SDT_CONTENT):
            lines.extend(_cell_lines(child))
    return lines


def _paragraph_text(paragraph) -> str:
    parts = []

    def walk(element):
        for child in element:
            if child.tag in SKIPPED or child.tag == MC_FALLBACK:
                continue
            if child.tag == T:
                parts.append(child.text or "")
            elif child.tag == TAB:
                parts.append("\t")
            elif child.tag in (BR, CR):
                parts.append("\n")
            elif child.tag == NO_BREAK_HYPHEN:
                parts.append("-")
            else:
                walk(child)

    walk(paragraph)
    return "".join(parts)
