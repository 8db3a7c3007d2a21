"""Rendering a factsheet to a stored PDF, once per change of the public data it shows.

A factsheet is public: everything in it is read as an anonymous reader reads it, through the same gates as
the portal's pages (adopted findings, the published reply, acknowledged public contributions). Nothing
confidential and no draft can reach it, whoever triggers the rendering.
"""

import datetime
import gc
import hashlib
from collections.abc import Iterable

from django.conf import settings
from django.core.files.base import ContentFile
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from questionnaires.models import Theme
from rounds.models import Participation, Party, Round

from ..errors import InvalidFactsheet
from ..models import Factsheet
from ..pdf import html_to_pdf
from .content import Built, themes_with_findings
from .country import country
from .thematic import thematic

AUTHOR = "Council of Europe \N{EN DASH} Lanzarote Committee"
STYLESHEET = "css/factsheet.css"  # relative to the static folder, the PDF's base URL


def _build(
    *, round: Round, kind: str, party: Party | None, theme: str, language: str, stylesheet: str = STYLESHEET
) -> Built:
    if language not in Factsheet.Language.values:
        raise InvalidFactsheet(_("Factsheets are in English or French."), field="language")
    with translation.override(language):
        if kind == Factsheet.Kind.COUNTRY:
            if party is None or theme:
                raise InvalidFactsheet(_("A country factsheet is about one Party."), field="party")
            if not Participation.objects.filter(round=round, party=party).exists():
                raise InvalidFactsheet(_("This Party is not monitored in this round."), field="party")
            built = country(round, party, language=language)
        elif kind == Factsheet.Kind.THEMATIC:
            if party is not None or theme not in Theme.values:
                raise InvalidFactsheet(_("A thematic factsheet is about one theme."), field="theme")
            built = thematic(round, theme, language=language)
        else:
            raise InvalidFactsheet(_("Choose a country or a thematic factsheet."), field="kind")
        built.context.update({"language": language, "author": AUTHOR, "stylesheet": stylesheet})
        built.extra["html"] = render_to_string(built.template, built.context)
    return built


def factsheet_html(
    *,
    round: Round,
    kind: str,
    party: Party | None = None,
    theme: str = "",
    language: str,
    stylesheet: str = STYLESHEET,
) -> str:
    """The HTML a factsheet is rendered from (the benchmark's baseline); with the stylesheet's URL on the
    site, the admin's preview of it in a browser."""
    built = _build(
        round=round, kind=kind, party=party, theme=theme or "", language=language, stylesheet=stylesheet
    )
    return built.extra["html"]


def factsheet_render(
    *,
    round: Round,
    kind: str,
    party: Party | None = None,
    theme: str | None = None,
    language: str,
    force: bool = False,
) -> Factsheet:
    """Render and store a factsheet; a factsheet already rendered from the same data is left as it is, and
    so is one that another process is rendering (it claimed it: `rendering_since`)."""
    built = _build(round=round, kind=kind, party=party, theme=theme or "", language=language)
    # Only the HTML and its version go on: the findings and evidence it was built from are let go before
    # WeasyPrint lays it out, the moment a PDF worker's memory peaks.
    html, data_version = built.extra["html"], built.data_version
    del built
    gc.collect()
    factsheet, _created = Factsheet.objects.get_or_create(
        round=round, kind=kind, party=party, theme=theme or "", language=language
    )
    if (
        not force
        and factsheet.file
        and not factsheet.is_stale
        and factsheet.data_version == data_version
        and factsheet.file.storage.exists(factsheet.file.name)
    ):
        if factsheet.queued_at:
            factsheet.queued_at = None
            factsheet.save(update_fields=["queued_at", "updated_at"])
        return factsheet
    if not _claim(factsheet):
        return factsheet
    try:
        pdf = html_to_pdf(html)
    except BaseException:  # a time limit too: the claim goes, and the refresh queues the rendering again
        Factsheet.objects.filter(pk=factsheet.pk).update(rendering_since=None)
        raise
    if factsheet.file:
        factsheet.file.storage.delete(factsheet.file.name)
    factsheet.file.save("factsheet.pdf", ContentFile(pdf.content), save=False)
    factsheet.sha256 = hashlib.sha256(pdf.content).hexdigest()
    factsheet.pages = pdf.pages
    factsheet.data_version = data_version
    factsheet.rendered_at = timezone.now()
    factsheet.is_stale = False
    factsheet.pending_version = ""
    factsheet.stale_since = None
    factsheet.queued_at = factsheet.rendering_since = None
    factsheet.save()
    return factsheet


def _claim(factsheet: Factsheet) -> bool:
    """Take the rendering, unless a live one holds it: a conditional update, atomic on every database, that
    holds no transaction open while WeasyPrint works. A claim older than the task's time limit (and margin)
    was left by a worker that died, and is taken over."""
    now = timezone.now()
    expired = now - datetime.timedelta(seconds=settings.FACTSHEET_REQUEUE_AFTER_SECONDS)
    claimed = (
        Factsheet.objects.filter(pk=factsheet.pk)
        .filter(Q(rendering_since__isnull=True) | Q(rendering_since__lt=expired))
        .update(rendering_since=now)
    )
    factsheet.rendering_since = now if claimed else factsheet.rendering_since
    return bool(claimed)


def factsheets_due(round: Round) -> Iterable[tuple[str, str, str]]:
    """(kind, key, language) of every factsheet of a round: each Party monitored, each theme with adopted
    findings, in English and in French."""
    codes = (
        Participation.objects.filter(round=round)
        .order_by("party__code")
        .values_list("party__code", flat=True)
    )
    # Thematic first: the longest to render, queued first, so that the workers finish together.
    subjects = [(Factsheet.Kind.THEMATIC.value, theme) for theme in themes_with_findings(round)]
    subjects += [(Factsheet.Kind.COUNTRY.value, code) for code in codes]
    return [(kind, key, language) for kind, key in subjects for language in Factsheet.Language.values]


def factsheet_render_by_key(
    *, round: Round, kind: str, key: str, language: str, force: bool = False
) -> Factsheet:
    if kind == Factsheet.Kind.COUNTRY:
        party = Party.objects.filter(code=key.upper()).first()
        if party is None:
            raise InvalidFactsheet(_("No Party has the code %(code)s.") % {"code": key}, field="party")
        return factsheet_render(round=round, kind=kind, party=party, language=language, force=force)
    return factsheet_render(round=round, kind=kind, theme=key, language=language, force=force)
