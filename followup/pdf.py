"""A Party's compliance factsheet: its follow-up across rounds as a PDF, in English or French.

It shows what the Party's public follow-up page shows (`selectors.party_follow_up`, read as the public
reads it): a cover (the Party, the title, the day, the language), the count of items at each level, then each
recommendation with its dated history and the reasoning of every adopted assessment. The HTML names its
language (`<html lang>`, the PDF's /Lang), its headings become the bookmarks, `reports.pdf.html_to_pdf`
writes it tagged, and the publications' stylesheet embeds Noto Sans.
"""

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from reports.factsheets import AUTHOR
from reports.pdf import RenderedPdf, html_to_pdf

from .selectors import PartyFollowUp

LANGUAGES = ("en", "fr")
STYLESHEET = "css/followup-pdf.css"  # relative to the static folder, the PDF's base URL


def compliance_factsheet_html(
    *, follow_up: PartyFollowUp, language: str, stylesheet: str = STYLESHEET
) -> str:
    with translation.override(language):
        party = follow_up.party
        page_path = reverse("party-follow-up", kwargs={"iso2": party.code})
        context = {
            "language": language,
            "language_name": dict(settings.LANGUAGES)[language],
            "follow_up": follow_up,
            "party": party,
            "title": gettext("Follow-up of the Committee's recommendations"),
            "author": AUTHOR,
            "description": gettext("Compliance of %(party)s with the Lanzarote Committee's recommendations.")
            % {"party": party.name},
            "today": timezone.localdate(),
            "page_url": settings.SITE_URL.rstrip("/") + page_path,
            "stylesheet": stylesheet,
        }
        return render_to_string("followup/compliance_factsheet.html", context)


def compliance_factsheet_pdf(*, follow_up: PartyFollowUp, language: str) -> RenderedPdf:
    return html_to_pdf(compliance_factsheet_html(follow_up=follow_up, language=language))
