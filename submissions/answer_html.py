"""An answer's texts as the pages show them, rendered when the texts are written instead of at every page.

The HTML is what the templates' `|linebreaks` made of the text: every character escaped, blank lines
between paragraphs, line breaks within them, nothing else; an empty text has none. Every writer of an
answer's texts (`answer_save`, and the seeders and the restore that write answers in bulk) passes the
answer through `answer_with_html` before saving it, so the stored HTML is always that of the stored text.
"""

from django.utils.html import linebreaks

from .models import Answer

TEXTS = ("text", "national_text")
HTML_FIELDS = ("text_html", "national_text_html")


def answer_html(text: str) -> str:
    """The text, escaped, in paragraphs (`<p>`) and lines (`<br>`)."""
    return linebreaks(text, autoescape=True) if text else ""


def answer_with_html(answer: Answer) -> Answer:
    """The answer, its HTML rendered from its texts as they are now (to be saved with them)."""
    answer.text_html = answer_html(answer.text)
    answer.national_text_html = answer_html(answer.national_text)
    return answer
