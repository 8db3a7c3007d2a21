"""A round's open data: the JSON document, the zip of CSV files, the data dictionary and its page, the API
view, what is never in them, their freshness after a publication, and the restore of a document."""

import csv
import io
import json
import zipfile

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIRequestFactory

from civil_society.models import Contribution, Organisation
from civil_society.selectors import contributions_visible_to
from civil_society.services.moderation import contribution_make_confidential
from core.viewers import PUBLIC
from evaluation.models import AgendaItem, Meeting, Observation, Rapporteur, Report
from followup.models import Assessment, Clarification, Item
from public.api import RoundOpenDataApi
from public.opendata.build import TABLE_KEYS, data_version, open_data_document
from public.opendata.dictionary import BY_NAME, DOCUMENT, TABLES
from reports.models import Factsheet, Finding
from rounds.models import CommitteeMember, FocalPoint, Language, Party, Round
from submissions.answer_html import answer_html
from submissions.models import Answer, Reply
from submissions.services.replies import reply_publish
from tests.factories import ContributionFactory, RoundFactory
from tests.public.test_canaries import CANARIES, ROLES, planted  # noqa: F401  (the planted world)

pytestmark = pytest.mark.django_db

SLUG = "2nd-round"
CSV_FILES = {table.csv_file for table in TABLES}
# The demo's 2nd round is not followed up: tests/followup/test_open_data.py fills these tables.
FOLLOWED_UP_ELSEWHERE = {"follow_up_items", "follow_up_assessments"}


def download(client, name: str, slug: str = SLUG):
    return client.get(reverse(name, args=[slug]))


def document_of(client, slug: str = SLUG) -> dict:
    response = download(client, "round-open-data-json", slug)
    assert response.status_code == 200
    return json.loads(response.content)


def zip_files(client, slug: str = SLUG) -> dict[str, bytes]:
    response = download(client, "round-open-data-zip", slug)
    assert response.status_code == 200
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    return {name: archive.read(name) for name in archive.namelist()}


def read_csv(content: bytes) -> list[dict]:
    assert content.startswith("\ufeff".encode()), "a byte-order mark, for spreadsheets"
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))


def without_date(document: dict) -> dict:
    return {key: value for key, value in document.items() if key != "generated_at"}


def test_the_demo_round_as_one_json_document(client, seeded, django_assert_max_num_queries):
    with django_assert_max_num_queries(30):  # 7 of them for the reports, whatever their number
        response = download(client, "round-open-data-json")

    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="lanzarote-2nd-round-open-data.json"'
    document = json.loads(response.content)
    round_ = Round.objects.get(slug=SLUG)
    assert document["format_version"] == 4
    assert document["licence"]["name"] == "CC BY 4.0"
    assert document["licence"]["attribution"] == "Council of Europe \N{EN DASH} Lanzarote Committee"
    assert document["round"]["slug"] == SLUG and document["round"]["label_fr"] == "Cycle de suivi 2"
    assert len(document["parties"]) == 42 == round_.participations.count()
    questions = round_.questionnaire.questions.order_by("position")
    assert [q["number"] for q in document["questions"]] == list(questions.values_list("number", flat=True))
    published = Reply.objects.filter(round=round_, state=Reply.State.PUBLISHED)
    assert [r["party"] for r in document["replies"]] == sorted(
        published.values_list("party__code", flat=True)
    )
    answers = Answer.objects.filter(reply__in=published)
    assert len({row["answer_id"] for row in document["answers"]}) == answers.count()
    national = [row for row in document["answers"] if not row["is_official"]]
    assert (
        len(national) == answers.exclude(national_text="").exclude(reply__national_language=None).count() > 0
    )
    assert {c["id"] for c in document["contributions"]} == set(
        contributions_visible_to(PUBLIC).filter(round=round_).values_list("pk", flat=True)
    )
    adopted = Finding.objects.filter(round=round_, state=Finding.State.ADOPTED)
    assert [f["id"] for f in document["findings"]] == list(
        adopted.order_by("position", "pk").values_list("pk", flat=True)
    )
    everyone = next(f for f in document["findings"] if f["applies_to_all"])
    assert everyone["figure_count"] == 42 and everyone["parties"] == []
    answer_ids = {row["answer_id"] for row in document["answers"]}
    assert all(set(f["evidence_answer_ids"]) <= answer_ids for f in document["findings"])
    assert any(f["evidence_answer_ids"] for f in document["findings"])


def test_the_dictionary_describes_every_key_emitted_and_nothing_else(client, seeded):
    document = document_of(client)

    assert list(document) == [*DOCUMENT.json_keys, *TABLE_KEYS]
    assert set(document["round"]) == set(BY_NAME["round"].json_keys)
    for name in TABLE_KEYS[1:]:
        assert document[name] or name in FOLLOWED_UP_ELSEWHERE, name
        for row in document[name]:
            assert list(row) == BY_NAME[name].json_keys, name
    items = [item for contribution in document["contributions"] for item in contribution["items"]]
    assert items and all(list(item) == BY_NAME["contribution_items"].json_keys for item in items)
    for table in TABLES:
        assert all(field.en and field.fr and field.type for field in table.fields), table.name


def test_the_zip_holds_one_csv_per_table_with_the_dictionary_and_the_licence(client, seeded):
    response = download(client, "round-open-data-zip")
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"] == 'attachment; filename="lanzarote-2nd-round-open-data.zip"'

    files = zip_files(client)
    document = document_of(client)

    assert set(files) == {"README.txt", "dictionary.csv"} | CSV_FILES
    assert {"parties.csv", "questions.csv", "replies.csv", "answers.csv", "contributions.csv"} <= set(files)
    assert {"contribution_items.csv", "findings.csv"} <= set(files)
    counts = {name: len(document[name]) for name in TABLE_KEYS} | {"round": 1}
    counts["contribution_items"] = sum(len(c["items"]) for c in document["contributions"])
    for table in TABLES:
        content = files[table.csv_file]
        assert content.decode("utf-8-sig").splitlines()[0] == ",".join(table.csv_columns), table.name
        assert len(read_csv(content)) == counts[table.name], table.name
        assert counts[table.name] or table.name in FOLLOWED_UP_ELSEWHERE, table.name
    answers = read_csv(files["answers.csv"])
    assert answers[0]["is_official"] == "true" and answers[0]["text"] == document["answers"][0]["text"]
    findings = read_csv(files["findings.csv"])
    assert findings[1]["parties"] == ";".join(document["findings"][1]["parties"])
    dictionary = read_csv(files["dictionary.csv"])
    assert len(dictionary) == sum(len(table.fields) for table in (DOCUMENT, *TABLES))
    assert {row["description_fr"] for row in dictionary} >= {"Code ISO 3166-1 alpha-2"}
    readme = files["README.txt"].decode()
    assert "CC BY 4.0" in readme and "Council of Europe \N{EN DASH} Lanzarote Committee" in readme
    assert "Dictionnaire des données" in readme and document["data_version"] in readme


@pytest.mark.parametrize("role", ROLES)
def test_nothing_unpublished_in_the_files_and_the_same_for_everyone(client, planted, role):  # noqa: F811
    anonymous = document_of(client, planted.round.slug)
    cache.clear()
    if role != "anonymous":
        client.force_login(getattr(planted, role))

    document = document_of(client, planted.round.slug)
    files = zip_files(client, planted.round.slug)

    assert without_date(document) == without_date(anonymous)
    assert [c["id"] for c in document["contributions"]] == [planted.public_comment.pk]
    assert [f["title_en"] for f in document["findings"]] == ["An adopted finding"]
    assert [r["party"] for r in document["replies"]] == [planted.party_a.code]
    texts = {"open-data.json": json.dumps(document, ensure_ascii=False)}
    texts |= {name: content.decode("utf-8-sig") for name, content in files.items()}
    for name, text in texts.items():
        for what, canary in CANARIES.items():
            assert canary not in text, f"{what} in {name} for {role}"


def test_a_finding_lists_only_its_public_evidence(client, planted):  # noqa: F811
    finding = Finding.objects.get(title_en="An adopted finding")
    finding.answers.add(planted.draft_answer)
    finding.contributions.add(planted.confidential_comment, planted.unacknowledged_comment)

    [exported] = document_of(client, planted.round.slug)["findings"]

    assert exported["evidence_answer_ids"] == [planted.published_answer.pk]
    assert exported["evidence_contribution_ids"] == [planted.public_comment.pk]


@pytest.mark.parametrize("name", ["round-open-data-json", "round-open-data-zip", "round-open-data"])
def test_an_unknown_or_unpublished_round_has_no_open_data(secretariat_client, name):
    RoundFactory(slug="in-preparation", status=Round.Status.PREPARATION)

    assert download(secretariat_client, name, "no-such-round").status_code == 404
    assert download(secretariat_client, name, "in-preparation").status_code == 404


def test_the_api_gives_the_same_document_and_404_for_a_round_not_public(client, seeded):
    RoundFactory(slug="in-preparation", status=Round.Status.PREPARATION)
    view = RoundOpenDataApi.as_view()

    response = view(APIRequestFactory().get("/"), slug=SLUG)
    missing = view(APIRequestFactory().get("/"), slug="in-preparation")

    assert response.status_code == 200
    # Built twice, perhaps a second apart: the same document but for the moment each was generated.
    api, downloaded = dict(response.data), document_of(client)
    assert api.pop("generated_at") and downloaded.pop("generated_at")
    assert api == downloaded
    assert missing.status_code == 404


def test_the_round_page_links_to_the_open_data(client, seeded):
    page = client.get(reverse("round-detail", args=[SLUG])).content.decode()

    for name in ("round-open-data-json", "round-open-data-zip", "round-open-data"):
        assert reverse(name, args=[SLUG]) in page


def test_the_dictionary_page_in_french(client, seeded):
    response = client.get(reverse("round-open-data", args=[SLUG]).replace("/en/", "/fr/", 1))

    page = response.content.decode()
    assert response.status_code == 200
    assert "Code ISO 3166-1 alpha-2" in page and "Texte de la question, en français" in page
    assert "https://creativecommons.org/licenses/by/4.0/" in page and "Lanzarote Committee" in page
    assert "ISO 3166-1 alpha-2 code" not in page
    for table in TABLES:
        assert all(f"<code>{field.name}</code>" in page for field in table.fields), table.name


def test_a_publication_or_a_comment_made_confidential_shows_in_the_next_download(client, seeded):
    secretariat = get_user_model().objects.get(username="secretariat")
    # Every demo reply of the round is published: a Party without one has its reply registered now.
    round_ = Round.objects.get(slug=SLUG)
    party = round_.parties.exclude(replies__round=round_).order_by("code").first()
    reply = Reply.objects.create(
        round=round_,
        party=party,
        state=Reply.State.REGISTERED,
        submitted_at=timezone.now(),
        registered_at=timezone.now(),
    )
    before = document_of(client)
    comment = Contribution.objects.get(pk=before["contributions"][0]["id"])

    reply_publish(reply=reply, by=secretariat)
    published = document_of(client)
    contribution_make_confidential(contribution=comment, by=secretariat)
    withdrawn = document_of(client)
    files = zip_files(client)

    assert reply.party.code not in [r["party"] for r in before["replies"]]
    assert reply.party.code in [r["party"] for r in published["replies"]]
    assert published["data_version"] != before["data_version"]
    assert comment.pk in [c["id"] for c in published["contributions"]]
    assert comment.pk not in [c["id"] for c in withdrawn["contributions"]]
    assert str(comment.pk) not in {row["id"] for row in read_csv(files["contributions.csv"])}
    assert all(comment.pk not in f["evidence_contribution_ids"] for f in withdrawn["findings"])


def resealed(document: dict, **changes) -> dict:
    """A document changed and given the checksum of its new data, as a careful editor would."""
    changed = {**document, **changes}
    return {**changed, "data_version": data_version(changed)}


def empty_the_database(*, keep_parties: bool) -> None:
    """Everything of the round, or everything of every round, Party and organisation; the users stay."""
    # The follow-ups and the evaluation first: their rows protect the meetings, the rounds, the Parties and
    # the Committee's members.
    for model in (Assessment, Clarification, Item):
        model.objects.all().delete()
    AgendaItem.objects.all().delete()
    for model in (Report, Observation):
        model.objects.filter(round__slug=SLUG).delete() if keep_parties else model.objects.all().delete()
    Meeting.objects.filter(adopted_reports__isnull=True).delete()
    if not keep_parties:
        Rapporteur.objects.all().delete()
        CommitteeMember.objects.all().delete()
    if keep_parties:
        for model in (Finding, Factsheet, Contribution, Reply):
            model.objects.filter(round__slug=SLUG).delete()
        Round.objects.filter(slug=SLUG).delete()
        return
    Round.objects.filter(follows__isnull=False).delete()  # the follow-ups first: they protect their rounds
    for model in (Finding, Factsheet, Contribution, Reply, Round, FocalPoint, Organisation, Party, Language):
        model.objects.all().delete()


@pytest.mark.parametrize("keep_parties", [False, True], ids=["empty database", "Parties kept"])
def test_a_document_loaded_into_a_database_without_the_round_exports_the_same(
    client, seeded, tmp_path, keep_parties
):
    exported = document_of(client)
    path = tmp_path / "open-data.json"
    path.write_bytes(download(client, "round-open-data-json").content)
    empty_the_database(keep_parties=keep_parties)
    assert Party.objects.exists() == keep_parties and not Round.objects.filter(slug=SLUG).exists()

    out = io.StringIO()
    call_command("load_open_data", str(path), stdout=out)

    round_ = Round.objects.get(slug=SLUG)
    restored = open_data_document(round=round_)
    assert "Loaded round 2nd-round" in out.getvalue()
    assert without_date(restored) == without_date(exported)
    assert Reply.objects.filter(round=round_).exclude(state=Reply.State.PUBLISHED).count() == 0
    later = ContributionFactory(round=round_)  # the id sequences follow the ids restored
    assert later.pk > max(c["id"] for c in exported["contributions"])
    for answer in Answer.objects.filter(reply__round=round_):
        assert answer.text_html == answer_html(answer.text) and answer.text_html
        assert answer.national_text_html == answer_html(answer.national_text)


def test_a_document_is_not_loaded_twice_nor_when_damaged(client, seeded, tmp_path):
    document = document_of(client)
    path = tmp_path / "open-data.json"
    rounds, answers = Round.objects.count(), Answer.objects.count()

    path.write_text(json.dumps(document))
    with pytest.raises(CommandError, match="already in the database"):
        call_command("load_open_data", str(path))
    for change, message in (
        ({"format_version": 1}, "Format version 1"),
        ({"findings": [*document["findings"][:-1], {"id": 1}]}, "unexpected or missing keys"),
        ({"replies": document["replies"][1:]}, "do not match their data_version"),
        (resealed(document, answers=[]), "refers to what it does not contain: answer"),
        (resealed(document, parties=[{**document["parties"][0], "national_languages": 3}]), "malformed"),
    ):
        path.write_text(json.dumps({**document, **change}))
        with pytest.raises(CommandError, match=message):
            call_command("load_open_data", str(path))
    path.write_text("not json")
    with pytest.raises(CommandError, match="is not a JSON file"):
        call_command("load_open_data", str(path))

    assert (Round.objects.count(), Answer.objects.count()) == (rounds, answers)
