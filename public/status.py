"""The status table of a round: one row per Party monitored, the public facts about its reply.

It replaces the Committee's hand-kept tables. Every fact comes through the public gates (`PUBLIC`),
so the table is the same for every reader; the one fact it shows of a reply not yet published is that it was
received, when, and whether late (`reply_receipts`). Nine queries (the round's included), however many
Parties.
"""

import dataclasses
import datetime
from collections import defaultdict
from collections.abc import Iterable

from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, pgettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from civil_society.selectors import public_contribution_counts
from civil_society.windows import CLOSED, Window, comment_windows
from core.viewers import PUBLIC
from reports.models import Factsheet
from reports.selectors import factsheets_visible_to
from rounds.models import Participation, Party, Round
from rounds.names import name_sort_key, party_sort_key
from rounds.selectors import round_for
from submissions.models import Reply
from submissions.selectors import answers_visible_to, replies_visible_to, reply_receipts

WINDOW_OPEN, WINDOW_CLOSED, WINDOW_NOT_OPEN = "open", "closed", "not-open"

SORTS = {
    "party": _("Party"),
    "received": _("Reply received"),
    "published": _("Published"),
    "contributions": _("Public contributions"),
    "window": _("Comment window"),
}
STATES = {
    "received": _("Reply received"),
    "not-received": _("No reply received"),
    "published": _("Reply published"),
}
WINDOWS = {
    WINDOW_OPEN: pgettext_lazy("comment window", "Open"),
    WINDOW_CLOSED: pgettext_lazy("comment window", "Closed"),
}


def public_round(slug: str) -> Round:
    """A round every reader may see, or 404 (a round in preparation is not public, whoever asks)."""
    return round_for(PUBLIC, slug)


@dataclasses.dataclass
class StatusRow:
    party: Party
    reply: Reply | None
    received_on: datetime.date | None
    is_late: bool
    published_on: datetime.date | None
    national_language: object | None  # the Language of the national-language version, when there is one
    contributions: int
    window: Window
    window_state: str
    factsheets: list[Factsheet]


@dataclasses.dataclass(frozen=True)
class StatusQuery:
    """What the reader asked for: a sort (a key of SORTS, descending or not) and filters (or none)."""

    sort: str = "party"
    descending: bool = False
    state: str = ""
    window: str = ""

    @classmethod
    def from_params(cls, params: QueryDict) -> "StatusQuery":
        """Values the table does not know are ignored, as if absent."""
        sort = params.get("sort", "")
        descending = sort.startswith("-")
        sort = sort.removeprefix("-")
        if sort not in SORTS:
            sort, descending = "party", False
        state = params.get("state", "")
        window = params.get("window", "")
        return cls(
            sort=sort,
            descending=descending,
            state=state if state in STATES else "",
            window=window if window in WINDOWS else "",
        )

    @property
    def sort_param(self) -> str:
        return f"-{self.sort}" if self.descending else self.sort

    def params(self, **changes) -> str:
        """The query string of this table with some parts changed; defaults are left out."""
        query = dataclasses.replace(self, **changes)
        params = QueryDict(mutable=True)
        if query.state:
            params["state"] = query.state
        if query.window:
            params["window"] = query.window
        if query.sort_param != "party":
            params["sort"] = query.sort_param
        return params.urlencode()


@dataclasses.dataclass(frozen=True)
class Column:
    key: str
    label: str
    query: str  # the query string that sorts by this column (again, the other way when already sorted)
    aria_sort: str  # "ascending", "descending", or "" when the table is not sorted by this column


def columns(query: StatusQuery) -> list[Column]:
    """The sortable columns' headers: a link to sort by each, the current one in the other direction."""
    result = []
    for key, label in SORTS.items():
        current = key == query.sort
        descending = not query.descending if current else False
        aria_sort = ("descending" if query.descending else "ascending") if current else ""
        result.append(Column(key, str(label), query.params(sort=key, descending=descending), aria_sort))
    return result


def status_rows(
    *, round: Round, query: StatusQuery | None = None, now: datetime.datetime | None = None
) -> list[StatusRow]:
    """The rows of the table, filtered and sorted as asked."""
    query = query or StatusQuery()
    rows = _rows(round=round, now=now or timezone.now())
    rows = [row for row in rows if _wanted(row, query)]
    return _sorted(rows, query)


def _rows(*, round: Round, now: datetime.datetime) -> list[StatusRow]:
    participations = list(Participation.objects.filter(round=round).select_related("party"))
    replies = {reply.party_id: reply for reply in replies_visible_to(PUBLIC).filter(round=round)}
    receipts = reply_receipts(round=round)
    national = set(
        answers_visible_to(PUBLIC)
        .filter(reply__round=round)
        .exclude(reply__national_language=None)
        .exclude(national_text="")
        .order_by()
        .values_list("reply__party", flat=True)
        .distinct()
    )
    contributions = public_contribution_counts(round=round)
    windows = comment_windows((round.pk, participation.party_id) for participation in participations)
    factsheets = defaultdict(list)
    for sheet in (
        factsheets_visible_to(PUBLIC).filter(round=round, kind=Factsheet.Kind.COUNTRY).order_by("language")
    ):
        factsheets[sheet.party_id].append(sheet)

    rows = []
    for participation in participations:
        party = participation.party
        reply = replies.get(party.pk)  # published: the public reads no other
        received_at, is_late = receipts.get(party.pk, (None, False))
        published = reply is not None
        window = windows.get((round.pk, party.pk), CLOSED)
        rows.append(
            StatusRow(
                party=party,
                reply=reply,
                received_on=timezone.localdate(received_at) if received_at else None,
                is_late=is_late,
                published_on=reply.published_on if published else None,
                national_language=reply.national_language if published and party.pk in national else None,
                contributions=contributions.get(party.pk, 0),
                window=window,
                window_state=_window_state(window, now),
                factsheets=factsheets.get(party.pk, []),
            )
        )
    return rows


def _window_state(window: Window, now: datetime.datetime) -> str:
    if window.is_open(now):
        return WINDOW_OPEN
    if window.closes_at is not None and now >= window.closes_at:
        return WINDOW_CLOSED
    return WINDOW_NOT_OPEN


def _wanted(row: StatusRow, query: StatusQuery) -> bool:
    if query.state == "received" and row.received_on is None:
        return False
    if query.state == "not-received" and row.received_on is not None:
        return False
    if query.state == "published" and row.published_on is None:
        return False
    return not query.window or row.window_state == query.window


def _value(row: StatusRow, sort: str):
    return {
        "party": name_sort_key(row.party.name),
        "received": row.received_on,
        "published": row.published_on,
        "contributions": row.contributions,
        "window": row.window.closes_on,
    }[sort]


def _sorted(rows: list[StatusRow], query: StatusQuery) -> list[StatusRow]:
    """Sorted by the column asked for, Parties by name among equals; rows without a value (no reply, no
    window) come last in either direction."""
    rows = sorted(rows, key=lambda row: party_sort_key(row.party))
    known = [row for row in rows if _value(row, query.sort) is not None]
    unknown = [row for row in rows if _value(row, query.sort) is None]
    # A stable sort: Parties of equal value stay in name order, in either direction.
    known.sort(key=lambda row: _value(row, query.sort), reverse=query.descending)
    return known + unknown


# --- The CSV download --------------------------------------------------------------------------------------


def csv_header() -> list[str]:
    return [
        gettext("Party"),
        gettext("ISO code"),
        gettext("Reply received"),
        gettext("Late"),
        gettext("Published"),
        gettext("National-language version"),
        gettext("Public contributions"),
        gettext("Comment window"),
        gettext("Comment window closes"),
        gettext("Country factsheets"),
    ]


def csv_table(rows: Iterable[StatusRow], *, base_url: str = "") -> list[list[str]]:
    """The rows as text, the header first, in the active language; dates as ISO 8601 (YYYY-MM-DD) so
    spreadsheets read them as dates in any locale; links absolute when `base_url` is given."""
    window_labels = {
        WINDOW_OPEN: pgettext("comment window", "open"),
        WINDOW_CLOSED: pgettext("comment window", "closed"),
        WINDOW_NOT_OPEN: pgettext("comment window", "not open"),
    }
    yes, no = gettext("yes"), gettext("no")
    table = [csv_header()]
    for row in rows:
        sheets = row.factsheets
        table.append(
            [
                row.party.name,
                row.party.code,
                row.received_on.isoformat() if row.received_on else "",
                (yes if row.is_late else no) if row.received_on else "",
                row.published_on.isoformat() if row.published_on else "",
                str(row.national_language) if row.national_language else "",
                str(row.contributions),
                window_labels[row.window_state],
                row.window.closes_on.isoformat() if row.window.closes_on else "",
                " ".join(base_url + reverse("factsheet-download", args=[sheet.pk]) for sheet in sheets),
            ]
        )
    return table
