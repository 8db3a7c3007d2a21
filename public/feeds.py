"""Atom feeds of what a round publishes, for the whole round or for one Party in it: replies as they are
published, public civil-society comments as the Secretariat acknowledges them, and rendered factsheets.

Like every public page, a feed is built from the public gates (`PUBLIC`), whoever asks; its
titles are in the language of the URL (/en/ or /fr/).
"""

import dataclasses
import datetime
from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from civil_society.models import Contribution
from civil_society.selectors import public_contributions_latest
from core.viewers import PUBLIC
from reports.selectors import factsheets_visible_to
from rounds.models import Party, Round
from rounds.selectors import participation_of, parties_list, round_for
from submissions.selectors import replies_visible_to

LIMIT = 50


@dataclass(frozen=True)
class Entry:
    kind: str  # "reply", "contribution" or "factsheet"
    pk: int
    title: str
    summary: str
    link: str
    at: datetime.datetime
    guid: str = ""


@dataclass(frozen=True)
class Source:
    """What a feed is about: a round, or one Party monitored in it."""

    round: Round
    party: Party | None = None
    host: str = "localhost"  # the site's host name, in the entries' ids


def feed_source(*, slug: str, iso2: str | None = None) -> Source:
    """The round (and Party) a feed URL names; 404 for a round the public may not see, an unknown Party or
    a Party not monitored in the round. A demonstration round has no feed: an entry's id is for ever, and
    nothing in that round happened."""
    round_ = round_for(PUBLIC, slug)
    if round_.demonstration:
        raise Http404
    if iso2 is None:
        return Source(round=round_)
    party = get_object_or_404(parties_list(), code=iso2.upper())
    if participation_of(round=round_, party=party) is None:
        raise Http404
    return Source(round=round_, party=party)


def _at(day: datetime.date) -> datetime.datetime:
    """A publication date as the start of that day in Strasbourg."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def _party_url(round_: Round, party: Party) -> str:
    return reverse("party-reply", kwargs={"slug": round_.slug, "iso2": party.code})


def _replies(source: Source) -> list[Entry]:
    replies = replies_visible_to(PUBLIC).filter(round=source.round)
    if source.party:
        replies = replies.filter(party=source.party)
    return [
        Entry(
            kind="reply",
            pk=reply.pk,
            title=_("Reply %(of_party)s published") % {"of_party": reply.party.of_name},
            summary=_("The reply %(of_party)s to the questionnaire of the %(round)s is published.")
            % {"of_party": reply.party.of_name, "round": reply.round.label},
            link=_party_url(reply.round, reply.party),
            at=_at(reply.published_on),
        )
        for reply in replies.order_by("-published_on", "-pk")[:LIMIT]
    ]


def _contribution_entry(contribution: Contribution) -> Entry:
    parties = list(contribution.parties.all())
    names = ", ".join(p.name for p in parties)
    organisation = contribution.organisation.name
    if contribution.kind == Contribution.Kind.COMMENT and parties:
        title = _("%(organisation)s commented on the reply of %(parties)s") % {
            "organisation": organisation,
            "parties": names,
        }
    else:
        title = _("%(organisation)s replied to the questionnaire") % {"organisation": organisation}
    summary = contribution.title or title
    return Entry(
        kind="contribution",
        pk=contribution.pk,
        title=title,
        summary=summary,
        link=reverse("public-contribution", kwargs={"slug": contribution.round.slug, "pk": contribution.pk}),
        at=contribution.acknowledged_at,
    )


def _contributions(source: Source) -> list[Entry]:
    contributions = public_contributions_latest(round=source.round, party=source.party)
    return [_contribution_entry(contribution) for contribution in contributions[:LIMIT]]


def _factsheets(source: Source) -> list[Entry]:
    factsheets = factsheets_visible_to(PUBLIC).filter(round=source.round)
    if source.party:
        factsheets = factsheets.filter(party=source.party)
    entries = []
    for sheet in factsheets.order_by("-rendered_at", "-pk")[:LIMIT]:
        subject = sheet.party.name if sheet.party_id else sheet.get_theme_display()
        values = {
            "kind": capfirst(sheet.get_kind_display()),
            "subject": subject,
            "language": sheet.get_language_display(),
        }
        entries.append(
            Entry(
                kind="factsheet",
                pk=sheet.pk,
                title=_("%(kind)s: %(subject)s (%(language)s)") % values,
                summary=_("%(kind)s of %(subject)s in %(language)s, PDF.") % values,
                link=reverse("factsheet-download", kwargs={"pk": sheet.pk}),
                at=sheet.rendered_at,
            )
        )
    return entries


def publications(source: Source) -> list[Entry]:
    """The newest publications first, at most LIMIT: four queries, whatever their number."""
    entries = _replies(source) + _contributions(source) + _factsheets(source)
    entries.sort(key=lambda entry: (entry.at, entry.kind, entry.pk), reverse=True)
    # An entry's id names what was published, not a page: the same in both languages and for ever.
    return [
        dataclasses.replace(entry, guid=f"tag:{source.host},{entry.at:%Y-%m-%d}:/{entry.kind}/{entry.pk}")
        for entry in entries[:LIMIT]
    ]


class RoundFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request, slug: str) -> Source:
        return dataclasses.replace(feed_source(slug=slug), host=request.get_host().split(":")[0])

    def title(self, source: Source) -> str:
        if source.party:
            return _("%(party)s, %(round)s: publications") % {
                "party": source.party.name,
                "round": source.round.label,
            }
        return _("%(round)s: publications") % {"round": source.round.label}

    def subtitle(self, source: Source) -> str:
        return _("Replies published, public comments of civil society and factsheets.")

    def link(self, source: Source) -> str:
        return reverse("round-detail", kwargs={"slug": source.round.slug})

    def author_name(self) -> str:
        return _("Lanzarote Committee")

    def items(self, source: Source) -> list[Entry]:
        return publications(source)

    def item_title(self, entry: Entry) -> str:
        return entry.title

    def item_description(self, entry: Entry) -> str:
        # An Atom summary is HTML: the names in it are the organisations' and Parties' own, so escaped.
        return escape(entry.summary)

    def item_link(self, entry: Entry) -> str:
        return entry.link

    def item_guid(self, entry: Entry) -> str:
        return entry.guid

    def item_pubdate(self, entry: Entry) -> datetime.datetime:
        return entry.at

    def item_updateddate(self, entry: Entry) -> datetime.datetime:
        return entry.at


class PartyFeed(RoundFeed):
    def get_object(self, request, slug: str, iso2: str) -> Source:
        return dataclasses.replace(feed_source(slug=slug, iso2=iso2), host=request.get_host().split(":")[0])
