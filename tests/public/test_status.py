"""The status table of a round: one row per Party monitored with the public facts about its reply, sortable,
filterable, downloadable as CSV; the same for every reader.

That a reply was received (the day, and whether late) is public as soon as it reaches the Secretariat, in
whatever state since; everything else of a reply (its text, answers, state, its Party page) once it is
published."""

import csv
import datetime
import io
from html.parser import HTMLParser
from types import SimpleNamespace

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format

from civil_society.models import Contribution
from civil_society.windows import add_months
from reports.models import Factsheet
from rounds.models import Language, Participation, Party, Round
from submissions.answer_html import answer_html
from submissions.models import Reply
from tests.factories import (
    AnswerFactory,
    ContributionFactory,
    ContributionItemFactory,
    FocalPointFactory,
    MembershipFactory,
    OrganisationFactory,
    ParticipationFactory,
    PartyFactory,
    QuestionFactory,
    QuestionnaireFactory,
    ReplyFactory,
    RoundFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

CANARIES = ("CANARY-submitted-answer", "CANARY-draft-answer", "CANARY-confidential-item", "CANARY-unack-item")
ROLES = ("anonymous", "focal_c", "member", "staff")
UTC = datetime.UTC


# --- Reading the page --------------------------------------------------------------------------------------


class _Table(HTMLParser):
    """The text of each cell of the table's body, row by row, and the attributes of its column headers."""

    def __init__(self):
        super().__init__()
        self.rows, self.headers = [], []
        self._section = self._cell = None

    def handle_starttag(self, tag, attrs):
        if tag in ("thead", "tbody"):
            self._section = tag
        elif tag == "tr" and self._section == "tbody":
            self.rows.append([])
        elif tag in ("td", "th"):
            self._cell = []
            if self._section == "thead":
                self.headers.append(dict(attrs))

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            text = " ".join("".join(self._cell).split())
            if self._section == "tbody":
                self.rows[-1].append(text)
            else:
                self.headers[-1]["text"] = text
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def table(html: str) -> _Table:
    parser = _Table()
    parser.feed(html)
    return parser


def names(html: str) -> list[str]:
    return [row[0] for row in table(html).rows]


def main_of(html: str) -> str:
    """The page's content, without the header whose menu depends on who is logged in."""
    return html.split("<main", 1)[1].split("</main>", 1)[0]


# --- The round ---------------------------------------------------------------------------------------------


@pytest.fixture
def world(db):
    """Six Parties monitored (one with an accented name), one Party not monitored:

    Aland: published 10 days ago (window open), received on time, German version, 2 public contributions,
    an English factsheet. Borduria: published 200 days ago (window closed), received late, 1 contribution.
    Carpania: submitted (received on 1 November 2025, on time), not published. Dalmatia: a draft.
    Élysia: published 200 days ago, window extended to 5 days from now. Freedonia: nothing yet."""
    today = timezone.localdate()
    round_ = RoundFactory(slug="round-status", number=61, status=Round.Status.REPLIES)
    question = QuestionFactory(questionnaire=QuestionnaireFactory(round=round_), number="1", position=1)
    german = Language.objects.create(code="de", name_en="German", name_fr="allemand")

    def party(code: str, name_en: str, name_fr: str = "") -> Party:
        return PartyFactory(code=code, name_en=name_en, name_fr=name_fr or name_en)

    def published(code: str, name: str, **fields) -> Reply:
        return ReplyFactory(round=round_, party=party(code, name), state=Reply.State.PUBLISHED, **fields)

    aland = published(
        "ZA",
        "Aland",
        submitted_at=datetime.datetime(2025, 11, 20, 14, 0, tzinfo=UTC),
        published_on=today - datetime.timedelta(days=10),
        national_language=german,
    )
    AnswerFactory(reply=aland, question=question, text="Aland answers.", national_text="Aland antwortet.")
    borduria = published(
        "ZB",
        "Borduria",
        submitted_at=datetime.datetime(2025, 12, 5, 23, 30, tzinfo=UTC),  # 6 December in Strasbourg
        is_late=True,
        published_on=today - datetime.timedelta(days=200),
    )
    AnswerFactory(reply=borduria, question=question, text="Borduria answers.")
    carpania = ReplyFactory(
        round=round_,
        party=party("ZC", "Carpania"),
        state=Reply.State.SUBMITTED,
        submitted_at=datetime.datetime(2025, 11, 1, 9, 0, tzinfo=UTC),
    )
    AnswerFactory(reply=carpania, question=question, text=CANARIES[0])
    dalmatia = ReplyFactory(round=round_, party=party("ZD", "Dalmatia"))
    AnswerFactory(reply=dalmatia, question=question, text=CANARIES[1])
    elysia = published(
        "ZE",
        "Élysia",
        submitted_at=datetime.datetime(2025, 11, 25, 10, 0, tzinfo=UTC),
        published_on=today - datetime.timedelta(days=200),
    )
    Participation.objects.filter(round=round_, party=elysia.party).update(
        comment_window_extended_to=today + datetime.timedelta(days=5)
    )
    freedonia = ParticipationFactory(round=round_, party=party("ZF", "Freedonia")).party
    party("ZQ", "Qumran")  # a Party the round does not monitor

    ngo = OrganisationFactory(name="Alpha Child Rights")
    member = MembershipFactory(organisation=ngo).user

    def contribution(parties, visibility="public", state="acknowledged", text="<p>Our view.</p>"):
        made = ContributionFactory(
            round=round_,
            organisation=ngo,
            created_by=member,
            visibility=visibility,
            state=state,
            acknowledged_at=timezone.now() if state == "acknowledged" else None,
            parties=parties,
        )
        ContributionItemFactory(contribution=made, question=question, text=text)
        return made

    contribution([aland.party])
    contribution([aland.party, borduria.party])
    contribution([aland.party], visibility="confidential", text=f"<p>{CANARIES[2]}</p>")
    contribution([aland.party], state="submitted", text=f"<p>{CANARIES[3]}</p>")

    sheet = Factsheet(
        round=round_,
        kind=Factsheet.Kind.COUNTRY,
        party=aland.party,
        language="en",
        rendered_at=timezone.now(),
    )
    sheet.file.save("sheet.pdf", ContentFile(b"%PDF-1.7"), save=True)
    Factsheet.objects.create(round=round_, kind=Factsheet.Kind.COUNTRY, party=borduria.party, language="en")

    return SimpleNamespace(
        round=round_,
        today=today,
        aland=aland,
        borduria=borduria,
        elysia=elysia,
        freedonia=freedonia,
        factsheet=sheet,
        focal_b=FocalPointFactory(party=borduria.party).user,
        focal_c=FocalPointFactory(party=carpania.party).user,
        member=member,
        staff=UserFactory(username="secretariat-status", is_staff=True),
    )


def url(world, query: str = "", *, language: str = "en") -> str:
    with translation.override(language):
        base = reverse("round-status", args=[world.round.slug])
    return f"{base}?{query}" if query else base


def csv_url(world, query: str = "", *, language: str = "en") -> str:
    with translation.override(language):
        base = reverse("round-status-csv", args=[world.round.slug])
    return f"{base}?{query}" if query else base


def log_in(client, world, role: str) -> None:
    if role != "anonymous":
        client.force_login(getattr(world, role))


def read_csv(response) -> list[list[str]]:
    assert response["Content-Type"].startswith("text/csv")
    assert response["Content-Disposition"].startswith("attachment;")
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def english(day: datetime.date) -> str:
    with translation.override("en"):
        return date_format(day)


# --- Rows and values ---------------------------------------------------------------------------------------


def test_one_row_per_party_monitored_with_its_public_facts(client, world):
    page = client.get(url(world)).content.decode()
    rows = {row[0]: row for row in table(page).rows}

    assert list(rows) == ["Aland", "Borduria", "Carpania", "Dalmatia", "Élysia", "Freedonia"]
    aland, borduria = rows["Aland"], rows["Borduria"]
    assert aland[1] == english(datetime.date(2025, 11, 20))
    assert aland[2] == english(world.aland.published_on)
    assert aland[3] == "German"
    assert aland[4] == "2"
    assert aland[5] == f"Open until {english(add_months(world.aland.published_on, 2))}"
    assert aland[6] == "English (PDF)"
    assert borduria[1] == f"{english(datetime.date(2025, 12, 6))} late"  # the day in Strasbourg, and late
    assert borduria[3] == "—none" and borduria[4] == "1" and borduria[6] == "—none"
    assert borduria[5] == f"Closed on {english(add_months(world.borduria.published_on, 2))}"
    assert rows["Élysia"][5] == f"Open until {english(world.today + datetime.timedelta(days=5))}"
    assert rows["Freedonia"][1:6] == ["—not received", "—not published", "—none", "0", "Not open"]
    assert reverse("party-reply", args=[world.round.slug, "ZA"]) in page
    assert reverse("factsheet-download", args=[world.factsheet.pk]) in page
    assert "Qumran" not in page


def test_a_reply_not_yet_published_shows_only_that_it_was_received_and_a_draft_nothing(client, world):
    page = client.get(url(world)).content.decode()
    rows = {row[0]: row for row in table(page).rows}

    assert rows["Carpania"][1:6] == ["1 November 2025", "—not published", "—none", "0", "Not open"]
    assert '<time datetime="2025-11-01">1 November 2025</time>' in page
    assert rows["Dalmatia"][1:6] == ["—not received", "—not published", "—none", "0", "Not open"]
    assert reverse("party-reply", args=[world.round.slug, "ZC"]) not in page
    assert reverse("party-reply", args=[world.round.slug, "ZD"]) not in page
    assert (
        "A reply is marked received on the day it reached the Secretariat; its text is public once it is "
        "published." in page
    )


def test_the_table_is_accessible_and_names_each_cell_for_a_phone(client, world):
    """The table fits the page (tests/browser/test_layout.py); on a phone each row stacks, its cells named."""
    page = client.get(url(world)).content.decode()

    assert "<caption>" in page and 'class="data status-table stack"' in page
    assert page.count('<th scope="col"') == 7 and page.count('<th scope="row">') == 6
    assert (
        page.count('<td data-label="Reply received">') == 6
        and page.count('data-label="Country factsheet"') == 6
    )
    assert '<label for="status-state">' in page and '<label for="status-window">' in page


# --- Sorting -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("party", ["Aland", "Borduria", "Carpania", "Dalmatia", "Élysia", "Freedonia"]),
        ("-party", ["Freedonia", "Élysia", "Dalmatia", "Carpania", "Borduria", "Aland"]),
        ("received", ["Carpania", "Aland", "Élysia", "Borduria", "Dalmatia", "Freedonia"]),
        ("-received", ["Borduria", "Élysia", "Aland", "Carpania", "Dalmatia", "Freedonia"]),
        ("published", ["Borduria", "Élysia", "Aland", "Carpania", "Dalmatia", "Freedonia"]),
        ("-published", ["Aland", "Borduria", "Élysia", "Carpania", "Dalmatia", "Freedonia"]),
        ("contributions", ["Carpania", "Dalmatia", "Élysia", "Freedonia", "Borduria", "Aland"]),
        ("-contributions", ["Aland", "Borduria", "Carpania", "Dalmatia", "Élysia", "Freedonia"]),
        ("window", ["Borduria", "Élysia", "Aland", "Carpania", "Dalmatia", "Freedonia"]),
        ("-window", ["Aland", "Élysia", "Borduria", "Carpania", "Dalmatia", "Freedonia"]),
        ("nonsense", ["Aland", "Borduria", "Carpania", "Dalmatia", "Élysia", "Freedonia"]),
    ],
)
def test_sorted_by_any_column_either_way_rows_without_a_value_last(client, world, sort, expected):
    assert names(client.get(url(world, f"sort={sort}")).content.decode()) == expected


def test_the_sorted_column_says_so_and_its_link_sorts_the_other_way(client, world):
    headers = table(client.get(url(world, "sort=-received&state=received")).content.decode()).headers
    by_text = {header["text"].rstrip(" ▲▼"): header for header in headers}

    assert by_text["Reply received"]["aria-sort"] == "descending"
    assert [header for header in headers if "aria-sort" in header] == [by_text["Reply received"]]
    page = client.get(url(world, "sort=-received&state=received")).content.decode()
    assert f'href="{url(world, "state=received&amp;sort=received")}"' in page
    assert f'href="{url(world, "state=received&amp;sort=published")}"' in page
    default = table(client.get(url(world)).content.decode()).headers
    assert default[0]["aria-sort"] == "ascending" and default[0]["text"] == "Party ▲"


# --- Filtering ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("state=received", ["Aland", "Borduria", "Carpania", "Élysia"]),
        ("state=not-received", ["Dalmatia", "Freedonia"]),
        ("state=published", ["Aland", "Borduria", "Élysia"]),
        ("window=open", ["Aland", "Élysia"]),
        ("window=closed", ["Borduria"]),
        ("state=published&window=closed", ["Borduria"]),
        ("state=received&sort=-received", ["Borduria", "Élysia", "Aland", "Carpania"]),
        ("window=open&sort=-window", ["Aland", "Élysia"]),
        ("state=unknown&window=ajar", ["Aland", "Borduria", "Carpania", "Dalmatia", "Élysia", "Freedonia"]),
    ],
)
def test_filtered_by_reply_and_comment_window(client, world, query, expected):
    assert names(client.get(url(world, query)).content.decode()) == expected


def test_a_filter_matching_nothing_says_so(client, world):
    page = client.get(url(world, "state=not-received&window=open")).content.decode()

    assert "No Party matches these filters." in page and "0 Parties shown of 6" in page


def test_the_filter_form_works_without_javascript_and_keeps_the_sort(client, world):
    page = client.get(url(world, "sort=-contributions&window=open")).content.decode()

    assert f'<form method="get" action="{url(world)}"' in page
    assert '<input type="hidden" name="sort" value="-contributions">' in page
    assert '<option value="open" selected>' in page


# --- CSV ---------------------------------------------------------------------------------------------------


def test_the_csv_has_the_rows_of_the_table_with_the_same_filters(client, world):
    rows = read_csv(client.get(csv_url(world, "window=open&sort=-window")))

    assert rows[0] == [
        "Party",
        "ISO code",
        "Reply received",
        "Late",
        "Published",
        "National-language version",
        "Public contributions",
        "Comment window",
        "Comment window closes",
        "Country factsheets",
    ]
    aland_closes = add_months(world.aland.published_on, 2)
    factsheet = "http://testserver" + reverse("factsheet-download", args=[world.factsheet.pk])
    assert rows[1] == [
        "Aland",
        "ZA",
        "2025-11-20",
        "no",
        world.aland.published_on.isoformat(),
        "German",
        "2",
        "open",
        aland_closes.isoformat(),
        factsheet,
    ]
    assert [row[0] for row in rows[1:]] == ["Aland", "Élysia"]


def test_the_csv_is_also_the_page_with_format_csv(client, world):
    by_path = read_csv(client.get(csv_url(world, "state=received")))

    assert read_csv(client.get(url(world, "state=received&format=csv"))) == by_path
    assert [row[1] for row in by_path[1:]] == ["ZA", "ZB", "ZC", "ZE"]
    borduria, carpania = by_path[2], by_path[3]
    assert borduria[2:4] == ["2025-12-06", "yes"] and borduria[6:8] == ["1", "closed"] and borduria[9] == ""
    assert carpania[2:] == ["2025-11-01", "no", "", "", "0", "not open", "", ""]  # received, nothing more


def test_the_csv_header_is_in_the_reader_s_language(client, world):
    response = client.get(csv_url(world, language="fr"))
    rows = read_csv(response)

    assert rows[0][:2] == ["Partie", "code ISO"] and "Version en langue nationale" in rows[0]
    assert rows[2][3] == "oui" and rows[1][3] == "non"
    assert 'filename="round-status-status-fr.csv"' in response["Content-Disposition"]


def test_the_page_links_to_the_csv_with_its_filters(client, world):
    page = client.get(url(world, "state=published&sort=-window")).content.decode()

    assert f'href="{csv_url(world, "state=published&amp;sort=-window")}"' in page


# --- Not found ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["round-status", "round-status-csv"])
def test_an_unknown_round_or_one_in_preparation_is_not_found_even_for_the_secretariat(client, world, name):
    RoundFactory(slug="round-preparing", number=62, status=Round.Status.PREPARATION)
    client.force_login(world.staff)

    assert client.get(reverse(name, args=["no-such-round"])).status_code == 404
    assert client.get(reverse(name, args=["round-preparing"])).status_code == 404


# --- The same for every reader -----------------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_every_reader_sees_the_public_table_only(client, world, role):
    public_page = main_of(client.get(url(world)).content.decode())
    public_csv = client.get(csv_url(world)).content
    log_in(client, world, role)

    page = client.get(url(world)).content.decode()
    download = client.get(csv_url(world)).content.decode("utf-8-sig")

    assert main_of(page) == public_page
    assert download.encode("utf-8-sig") == public_csv
    for canary in CANARIES:
        assert canary not in page and canary not in download
    assert {row[0]: row[4] for row in table(page).rows}[
        "Aland"
    ] == "2"  # neither the confidential nor the unacknowledged one
    assert {row[0]: row[1:3] for row in table(page).rows}["Carpania"] == ["1 November 2025", "—not published"]


# --- Received before published ----------------------------------------------------------------------------


@pytest.mark.parametrize("state", [Reply.State.SUBMITTED, Reply.State.REGISTERED])
@pytest.mark.parametrize("role", ["anonymous", "focal_b", "member", "staff"])
def test_an_unpublished_reply_shows_that_it_was_received_and_late_but_none_of_its_text(
    client, world, role, state
):
    """The rule: the day a reply reached the Secretariat, and whether it was late, are public before the
    reply is; its answers (in either language), its state and its Party page are not, whoever reads."""
    carpania = Reply.objects.get(round=world.round, party__code="ZC")
    carpania.state, carpania.is_late = state, True
    carpania.national_language = Language.objects.get(code="de")
    carpania.save()
    canary = "CANARY-national-answer"
    carpania.answers.update(national_text=canary, national_text_html=answer_html(canary))
    log_in(client, world, role)

    page = client.get(url(world)).content.decode()
    response = client.get(csv_url(world))
    download = response.content.decode("utf-8-sig")

    carpania_row = {row[0]: row for row in table(page).rows}["Carpania"]
    assert carpania_row[1:4] == ["1 November 2025 late", "—not published", "—none"]
    carpania_csv = {row[0]: row for row in read_csv(response)}["Carpania"]
    assert carpania_csv[2:6] == ["2025-11-01", "yes", "", ""]
    for canary in (CANARIES[0], "CANARY-national-answer"):
        assert canary not in page and canary not in download
    assert str(state.label) not in main_of(page) and str(state.label) not in download
    party_page = reverse("party-reply", args=[world.round.slug, "ZC"])
    assert party_page not in page and party_page not in download
    assert "Carpania" in names(client.get(url(world, "state=received")).content.decode())
    assert "Carpania" not in names(client.get(url(world, "state=not-received")).content.decode())
    assert "Carpania" not in names(client.get(url(world, "state=published")).content.decode())


# --- In French ---------------------------------------------------------------------------------------------


def test_the_page_reads_in_french_with_french_dates(client, world):
    page = client.get(url(world, language="fr")).content.decode()
    headers = [header["text"].rstrip(" ▲▼") for header in table(page).headers]

    assert '<html lang="fr">' in page
    assert headers[0] == "Partie" and "Période de commentaires" in headers
    assert "Version en langue nationale" in headers and "Fiche pays" in headers
    rows = {row[0]: row for row in table(page).rows}
    assert rows["Aland"][1] == "20 novembre 2025"
    assert rows["Borduria"][1] == "6 décembre 2025 en retard"
    assert rows["Carpania"][1] == "1er novembre 2025"
    assert "novembre" not in client.get(url(world)).content.decode()


# --- Queries -----------------------------------------------------------------------------------------------


# Built: the round, the data version, Parties, replies, receipts, national texts, contributions, windows (2),
# factsheets. Cached (the same rows again, as CSV): the round (the data version is kept in the cache).
# The same page again, to a reader without a session: nothing.
QUERIES = 10
CACHED_QUERIES = 1
PAGE_AGAIN_QUERIES = 0


def test_queries_do_not_grow_with_parties_replies_and_contributions(
    client, seeded, django_assert_num_queries
):
    round_ = Round.objects.get(slug="2nd-round")
    status = reverse("round-status", args=[round_.slug])
    status_csv = reverse("round-status-csv", args=[round_.slug])
    with django_assert_num_queries(QUERIES):
        assert client.get(status).status_code == 200
    with django_assert_num_queries(CACHED_QUERIES):
        assert client.get(status_csv).status_code == 200

    german = Language.objects.get_or_create(code="de", defaults={"name_en": "German", "name_fr": "allemand"})[
        0
    ]
    question = round_.questionnaire.questions.first()
    ngo = OrganisationFactory()
    waiting = Participation.objects.filter(round=round_).exclude(
        party__in=Reply.objects.filter(round=round_).values("party")
    )
    for index, participation in enumerate(waiting[:12]):
        reply = Reply.objects.create(
            round=round_,
            party=participation.party,
            state=Reply.State.PUBLISHED,
            submitted_at=timezone.now(),
            is_late=index % 2 == 0,
            published_on=timezone.localdate() - datetime.timedelta(days=30 * index),
            national_language=german,
        )
        AnswerFactory(reply=reply, question=question, national_text="Antwort.")
        made = ContributionFactory(
            round=round_,
            organisation=ngo,
            state=Contribution.State.ACKNOWLEDGED,
            parties=[participation.party],
        )
        ContributionItemFactory(contribution=made, question=question)
        sheet = Factsheet(
            round=round_, kind="country", party=participation.party, language="en", rendered_at=timezone.now()
        )
        sheet.file.save("sheet.pdf", ContentFile(b"%PDF"), save=True)
    for _ in range(5):
        ParticipationFactory(round=round_)

    with django_assert_num_queries(QUERIES):
        page = client.get(status).content.decode()
    with django_assert_num_queries(CACHED_QUERIES):
        assert client.get(status_csv).status_code == 200
    with django_assert_num_queries(PAGE_AGAIN_QUERIES):
        assert client.get(status).content.decode() == page
    assert len(table(page).rows) == Participation.objects.filter(round=round_).count()
