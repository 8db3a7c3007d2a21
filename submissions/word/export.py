"""A reply as a Word document: its questionnaire in the reply's language, pre-filled with the current answers.

The layout is the contract `parse.py` reads back. The questionnaire's preliminary remarks come first, as
paragraphs under their own heading (never in a table, so the import passes over them). Per question, one
table of two rows: `Question <number>` | the question's text, then `Answer` | the answer, one paragraph per
line (an answer marked "no information available" opens with the mark, see `answer_for_word`); a reply with
a national language has a third row, `Answer (<language>)` | the national-language text. An empty
paragraph separates the tables so that Word never joins two of them. The document's core properties
record which reply it belongs to and the answer versions it was pre-filled with.
"""

import io
import re

from django.utils import timezone, translation
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from questionnaires.models import Questionnaire

from ..answer_html import HTML_FIELDS
from ..models import Reply
from ..selectors import questions_with_answers
from . import NO_INFORMATION, Reference, answer_for_word, versions_dump

DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
LABEL_WIDTH, TEXT_WIDTH = Cm(3.2), Cm(13.3)
LABEL_SHADE = "E8EEF4"
# Characters XML 1.0 cannot hold (pasted from other software); Word could not open a file with them.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def reply_docx_filename(reply: Reply) -> str:
    return f"lanzarote-{reply.round.slug}-{reply.party.code}-{reply.language}.docx"


def reply_docx(*, reply: Reply) -> bytes:
    """The .docx of the reply, labels and questions in the reply's official language."""
    questions = list(questions_with_answers(reply=reply, unread=HTML_FIELDS))
    questionnaire = Questionnaire.objects.filter(round=reply.round_id).first()
    reference = Reference(round_slug=reply.round.slug, party_code=reply.party.code, language=reply.language)
    with translation.override(reply.language):
        document = Document()
        _write_properties(document, reply=reply, questions=questions, reference=reference)
        _write_heading(document, reply=reply, questionnaire=questionnaire, reference=reference)
        if questionnaire and questionnaire.introduction:
            _write_introduction(document, text=questionnaire.introduction)
        theme = None
        for question in questions:
            if question.theme != theme:
                theme = question.theme
                document.add_heading(capfirst(question.get_theme_display()), level=1)
            answer = question.answer_list[0] if question.answer_list else None
            text = answer_for_word(text=answer.text, no_information=answer.no_information) if answer else ""
            national = (answer.national_text if answer else "") if reply.national_language_id else None
            _write_question(document, question=question, text=text, national=national, reply=reply)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _write_properties(document, *, reply: Reply, questions: list, reference: Reference) -> None:
    properties = document.core_properties
    properties.title = _("Reply %(of_party)s") % {"of_party": reply.party.of_name}
    properties.subject = f"{reply.round.label} — {reply.round.theme}"
    properties.author = properties.last_modified_by = _("Lanzarote Committee monitoring portal")
    properties.language = reply.language
    properties.identifier = str(reference)
    properties.keywords = str(reference)
    versions = versions_dump(
        {question.number: question.answer_list[0].version for question in questions if question.answer_list}
    )
    # Written past python-docx's setter, which refuses more than 255 characters where the format sets no
    # limit: a questionnaire of 56 questions, all answered, records more than that.
    properties._element._get_or_add("version").text = versions
    properties.created = properties.modified = timezone.now()
    properties.revision = 1
    properties.comments = ""


def _write_heading(document, *, reply: Reply, questionnaire, reference: Reference) -> None:
    document.add_heading(questionnaire.title if questionnaire else reply.round.label, level=0)
    document.add_paragraph(
        f"{reply.round.label} — {reply.party.name} ({reply.get_language_display()})", style="Subtitle"
    )
    document.add_paragraph(
        _(
            "Write each answer in the cell beside “Answer”, one paragraph per line. Keep the question "
            "numbers and the tables as they are: the portal matches each answer to its question by its "
            "number. Then upload this file from the reply's page: you will see what changes, question by "
            "question, before anything is saved."
        )
    )
    document.add_paragraph(
        _(
            "To mark a question on which your Party has no information, write “[%(mark)s]” on the first "
            "line of its answer, and below it, if you wish, why."
        )
        % {"mark": _(NO_INFORMATION)}
    )
    if reply.national_language_id:
        document.add_paragraph(
            _(
                "Write the text in %(language)s in the cell beside “Answer (%(language)s)”: both texts are "
                "imported together."
            )
            % {"language": reply.national_language.name}
        )
    note = document.add_paragraph().add_run(
        _("Portal reference (keep it): %(reference)s") % {"reference": reference}
    )
    note.font.size = Pt(8)
    note.font.color.rgb = RGBColor(0x5A, 0x66, 0x73)


def _write_introduction(document, *, text: str) -> None:
    document.add_heading(_("Preliminary remarks"), level=1)
    for line in _clean(text).splitlines():
        if line.strip():
            document.add_paragraph(line.strip())


def _write_question(document, *, question, text: str, national: str | None, reply: Reply) -> None:
    table = document.add_table(rows=2 if national is None else 3, cols=2)
    table.style = "Table Grid"
    table.autofit = False
    table.columns[0].width, table.columns[1].width = LABEL_WIDTH, TEXT_WIDTH  # the grid a fixed layout uses
    (label_cell, question_cell), *answer_rows = (row.cells for row in table.rows)
    for cell, width in ((label_cell, LABEL_WIDTH), (question_cell, TEXT_WIDTH)):
        cell.width = width
        _shade(cell)
    label_cell.paragraphs[0].add_run(_("Question %(number)s") % {"number": question.number}).bold = True
    question_cell.paragraphs[0].add_run(_clean(question.text))
    if question.guidance:
        question_cell.add_paragraph().add_run(_clean(question.guidance)).italic = True
    _write_answer(answer_rows[0], label=_("Answer"), text=text)
    if national is not None:
        # The same label as the editor's; `lang` lets Word check the spelling in the right language.
        label = _("Answer (%(language)s)") % {"language": reply.national_language.name}
        _write_answer(answer_rows[1], label=label, text=national, language=reply.national_language.code)
    document.add_paragraph()


def _write_answer(cells, *, label: str, text: str, language: str = "") -> None:
    label_cell, answer_cell = cells
    label_cell.width, answer_cell.width = LABEL_WIDTH, TEXT_WIDTH
    label_cell.paragraphs[0].add_run(label).bold = True
    lines = _clean(text).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    runs = [answer_cell.paragraphs[0].add_run(lines[0])]
    runs += [answer_cell.add_paragraph().add_run(line) for line in lines[1:]]
    if language:
        for run in runs:
            run._r.get_or_add_rPr().append(_language(language))


def _language(code: str):
    element = OxmlElement("w:lang")
    element.set(qn("w:val"), code)
    return element


def _shade(cell) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), LABEL_SHADE)
    cell._tc.get_or_add_tcPr().append(shading)


def _clean(text: str) -> str:
    return NOT_XML.sub("", text or "")
