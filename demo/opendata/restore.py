"""Load a round's open-data document into a database that does not hold that round (`load_open_data`).

It lives here, at the top of the layers with the demo data set, because like the seeds it fills a database
and writes every app's tables; the public app only reads. It is a restore of public data, not a user's
action, so it writes through the models directly rather than the services: the services run workflows (open
windows, deadlines, receipts by e-mail, new ids and dates) that a restore must not replay. It leaves things
as the services would have: the round with its Parties and questionnaire, the replies (published) and their
answers, the contributions (public, acknowledged) with their items and confirmed co-signers, and the
findings (adopted) with their links, the implementation reports (adopted, with the meeting that adopted them
by its number) with their chapters and statements. Answers, contributions, findings and reports keep their
ids, so the evidence a finding cites and the ids readers quote stay the same, and exporting the restored
round gives back the same document.
Parties, languages and organisations already present (by code or name) are reused as they are.

Everything is checked first — format version, keys, checksum, references, ids free — and written in one
transaction: a refusal changes nothing.
"""

from collections import defaultdict

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.color import no_style
from django.db import DatabaseError, connection, transaction
from django.utils.dateparse import parse_date, parse_datetime

from civil_society.models import Contribution, ContributionItem, CoSignature, Organisation
from core.audit import bulk_create_recorded
from evaluation.models import Chapter, Meeting, Report, Statement
from questionnaires.models import Question, Questionnaire
from reports.models import Finding
from rounds.models import Language, Participation, Party, Round
from submissions.answer_html import answer_with_html
from submissions.models import Answer, AnswerVersion, Reply, ReplyTransition

from .checks import OpenDataError, check_document

RESTORE_USERNAME = "open-data-restore"
NOTE = "Restored from open data"


@transaction.atomic
def open_data_restore(*, document: dict) -> dict[str, int]:
    """Write the round of a checked document; return how many rows of each kind were created."""
    check_document(document)
    _check_free(document)
    try:
        return _write(document)
    except (DatabaseError, ValidationError, ValueError, TypeError) as error:
        raise OpenDataError(f"The file could not be loaded: {error}") from error


def _check_free(document: dict) -> None:
    round_ = document["round"]
    if Round.objects.filter(slug=round_["slug"]).exists():
        raise OpenDataError(f"The round “{round_['slug']}” is already in the database.")
    if (
        round_["number"] is not None
        and Round.objects.filter(kind=round_["kind"], number=round_["number"]).exists()
    ):
        raise OpenDataError(
            f"A {round_['kind']} round numbered {round_['number']} is already in the database."
        )
    taken = [
        str(model._meta.verbose_name_plural)
        for model, ids in (
            (Answer, {row["answer_id"] for row in document["answers"]}),
            (Contribution, {row["id"] for row in document["contributions"]}),
            (Finding, {row["id"] for row in document["findings"]}),
            (Report, {row["id"] for row in document["reports"]}),
        )
        if model.objects.filter(pk__in=ids).exists()
    ]
    if taken:
        raise OpenDataError(
            f"The database already holds {', '.join(taken)} with the file's ids: load into an empty database."
        )


def _write(document: dict) -> dict[str, int]:
    user = _restore_user()
    languages = _languages(document["languages"])
    parties = _parties(document["parties"], languages)
    round_ = _round(document["round"], parties)
    questions = _questions(round_, document["questions"])
    replies = _replies(round_, document["replies"], parties=parties, languages=languages, user=user)
    answers = _answers(document["answers"], replies=replies, questions=questions, user=user)
    contributions = _contributions(round_, document["contributions"], parties, questions, user)
    findings = _findings(round_, document["findings"], parties, questions, user)
    reports = _reports(round_, document, parties, questions)
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(
            no_style(), [Answer, Contribution, Finding, Report]
        ):
            cursor.execute(statement)
    return {
        "parties": len(parties),
        "questions": len(questions),
        "replies": len(replies),
        "answers": answers,
        "contributions": contributions,
        "findings": findings,
        "reports": reports,
    }


def _restore_user():
    """Who the restored rows are recorded as written by: an account nobody can log in with."""
    user, created = get_user_model().objects.get_or_create(
        username=RESTORE_USERNAME, defaults={"is_active": False}
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


def _languages(rows: list[dict]) -> dict[str, Language]:
    languages = {}
    for row in rows:
        names = {"name_en": row["name_en"] or row["code"], "name_fr": row["name_fr"] or row["code"]}
        languages[row["code"]], _ = Language.objects.get_or_create(code=row["code"], defaults=names)
    return languages


def _parties(rows: list[dict], languages: dict[str, Language]) -> dict[str, Party]:
    parties = {}
    for row in rows:
        party, created = Party.objects.get_or_create(
            code=row["code"], defaults={"name_en": row["name_en"], "name_fr": row["name_fr"]}
        )
        if created:
            party.national_languages.set([languages[code] for code in row["national_languages"]])
        parties[party.code] = party
    return parties


def _round(row: dict, parties: dict[str, Party]) -> Round:
    dates = (
        "questionnaire_adopted_on",
        "reply_deadline",
        "civil_society_deadline",
        "report_adopted_on",
        "factsheets_published_on",
    )
    round_ = Round.objects.create(
        slug=row["slug"],
        number=row["number"],
        kind=row["kind"],
        status=row["status"],
        theme_en=row["theme_en"],
        theme_fr=row["theme_fr"],
        summary_en=row["summary_en"],
        summary_fr=row["summary_fr"],
        comment_window_months=row["comment_window_months"],
        **{name: parse_date(row[name] or "") for name in dates},
    )
    bulk_create_recorded(
        Participation, [Participation(round=round_, party=party) for party in parties.values()]
    )
    Questionnaire.objects.create(
        round=round_,
        title_en=row["questionnaire_title_en"],
        title_fr=row["questionnaire_title_fr"],
        introduction_en=row["questionnaire_introduction_en"],
        introduction_fr=row["questionnaire_introduction_fr"],
    )
    return round_


def _questions(round_: Round, rows: list[dict]) -> dict[str, Question]:
    questionnaire = round_.questionnaire
    fields = ("number", "position", "kind", "theme", "required", "asks_for_data")
    texts = ("text_en", "text_fr", "guidance_en", "guidance_fr")
    questions = {
        row["number"]: Question.objects.create(
            questionnaire=questionnaire,
            articles=", ".join(row["articles"]),
            **{name: row[name] for name in fields + texts},
        )
        for row in rows
    }
    for row in rows:
        if row["parent"]:
            question = questions[row["number"]]
            question.parent = questions[row["parent"]]
            question.save(update_fields=["parent"])
    return questions


def _replies(round_: Round, rows: list[dict], *, parties, languages, user) -> dict[str, Reply]:
    replies = {}
    for row in rows:
        reply = Reply.objects.create(
            round=round_,
            party=parties[row["party"]],
            state=Reply.State.PUBLISHED,
            language=row["language"],
            national_language=languages[row["national_language"]] if row["national_language"] else None,
            submitted_at=parse_datetime(row["submitted_at"] or ""),
            is_late=row["is_late"],
            published_on=parse_date(row["published_on"]),
        )
        ReplyTransition.objects.create(reply=reply, to_state=Reply.State.PUBLISHED, by=user, message=NOTE)
        replies[row["party"]] = reply
    return replies


def _answers(rows: list[dict], *, replies, questions, user) -> int:
    texts: dict[int, dict] = defaultdict(lambda: {"text": "", "national_text": ""})
    for row in rows:
        entry = texts[row["answer_id"]]
        entry.update(
            reply=replies[row["party"]],
            question=questions[row["question"]],
            no_information=row["no_information"],
        )
        entry["text" if row["is_official"] else "national_text"] = row["text"]
    answers = bulk_create_recorded(
        Answer,
        [
            answer_with_html(Answer(pk=pk, saved_by=user, version=1, **entry))
            for pk, entry in sorted(texts.items())
        ],
    )
    AnswerVersion.objects.bulk_create(
        AnswerVersion(
            answer=answer,
            version=1,
            text=answer.text,
            national_text=answer.national_text,
            no_information=answer.no_information,
            saved_by=user,
        )
        for answer in answers
    )
    return len(answers)


def _contributions(round_: Round, rows: list[dict], parties, questions, user) -> int:
    names = {row["organisation"] for row in rows} | {name for row in rows for name in row["co_signers"]}
    organisations = {name: Organisation.objects.get_or_create(name=name)[0] for name in sorted(names)}
    for row in rows:
        acknowledged_at = parse_datetime(row["acknowledged_at"] or "")
        contribution = Contribution.objects.create(
            pk=row["id"],
            round=round_,
            organisation=organisations[row["organisation"]],
            kind=row["kind"],
            visibility=Contribution.Visibility.PUBLIC,
            state=Contribution.State.ACKNOWLEDGED,
            language=row["language"],
            title=row["title"],
            general_text=row["general_html"],
            created_by=user,
            submitted_at=acknowledged_at,
            acknowledged_at=acknowledged_at,
        )
        contribution.parties.set([parties[code] for code in row["parties"]])
        bulk_create_recorded(
            ContributionItem,
            [
                ContributionItem(
                    contribution=contribution, question=questions[item["question"]], text=item["html"]
                )
                for item in row["items"]
            ],
        )
        bulk_create_recorded(
            CoSignature,
            [
                CoSignature(
                    contribution=contribution,
                    organisation=organisations[name],
                    state=CoSignature.State.CONFIRMED,
                    decided_by=user,
                    decided_at=acknowledged_at,
                )
                for name in row["co_signers"]
            ],
        )
    return len(rows)


def _findings(round_: Round, rows: list[dict], parties, questions, user) -> int:
    texts = ("title_en", "title_fr", "text_en", "text_fr", "figure_label_en", "figure_label_fr")
    for row in rows:
        finding = Finding.objects.create(
            pk=row["id"],
            round=round_,
            state=Finding.State.ADOPTED,
            adopted_at=parse_datetime(row["adopted_at"] or ""),
            adopted_by=user,
            created_by=user,
            **{name: row[name] for name in ("kind", "grade", "theme", "position", "applies_to_all", *texts)},
        )
        finding.parties.set([parties[code] for code in row["parties"]])
        finding.questions.set([questions[number] for number in row["questions"]])
        finding.answers.set(row["evidence_answer_ids"])
        finding.contributions.set(row["evidence_contribution_ids"])
    return len(rows)


def _reports(round_: Round, document: dict, parties, questions) -> int:
    """The adopted reports with their ids; the meeting that adopted each, by its number, made if missing
    (its place and days are not public: the day of adoption stands for them)."""
    reports = {}
    for row in document["reports"]:
        adopted_on = parse_date(row["adopted_on"] or "")
        meeting = None
        if row["meeting"] is not None:
            meeting, _created = Meeting.objects.get_or_create(
                number=row["meeting"], defaults={"place": "", "starts_on": adopted_on, "ends_on": adopted_on}
            )
        reports[row["id"]] = Report.objects.create(
            pk=row["id"],
            round=round_,
            state=Report.State.ADOPTED,
            adopted_on=adopted_on,
            adopted_at_meeting=meeting,
            **{name: row[name] for name in ("position", "title_en", "title_fr", "document_ref")},
        )
    chapters = {}
    for row in document["report_chapters"]:
        chapter = Chapter.objects.create(
            report=reports[row["report_id"]],
            number=row["number"],
            position=row["position"],
            title_en=row["title_en"],
            title_fr=row["title_fr"],
            body_en=row["html_en"],
            body_fr=row["html_fr"],
        )
        chapter.questions.set([questions[number] for number in row["questions"]])
        chapters[(row["report_id"], row["number"])] = chapter
    texts = ("title_en", "title_fr", "text_en", "text_fr")
    for row in document["report_statements"]:
        statement = Statement.objects.create(
            chapter=chapters[(row["report_id"], row["chapter"])],
            finding_id=row["finding_id"],
            **{
                name: row[name]
                for name in ("reference", "position", "kind", "grade", "theme", "applies_to_all", *texts)
            },
        )
        statement.parties.set([parties[code] for code in row["parties"]])
        statement.questions.set([questions[number] for number in row["questions"]])
        statement.answers.set(row["evidence_answer_ids"])
        statement.contributions.set(row["evidence_contribution_ids"])
    return len(reports)
