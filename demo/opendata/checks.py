"""What a document must be before it is restored: this format's version, every table with exactly the keys
the data dictionary lists, an unchanged checksum, and references that resolve inside the document."""

from public.opendata.build import FORMAT_VERSION, TABLE_KEYS, data_version
from public.opendata.dictionary import BY_NAME, DOCUMENT


class OpenDataError(Exception):
    """The document cannot be restored; the message says why."""


def check_document(document: object) -> None:
    """Refuse, saying why, what this portal cannot restore."""
    try:
        _check(document)
    except (KeyError, TypeError, AttributeError) as error:
        raise OpenDataError(f"The document is malformed ({error.__class__.__name__}: {error}).") from error


def _check(document: object) -> None:
    if not isinstance(document, dict):
        raise OpenDataError("The file is not an open-data document (a JSON object was expected).")
    version = document.get("format_version")
    if version != FORMAT_VERSION:
        raise OpenDataError(
            f"Format version {version!r} is not the version this portal reads ({FORMAT_VERSION})."
        )
    missing = [key for key in (*DOCUMENT.json_keys, *TABLE_KEYS) if key not in document]
    if missing:
        raise OpenDataError(f"The document lacks {', '.join(missing)}.")
    _check_keys("round", [document["round"]])
    for name in TABLE_KEYS[1:]:
        _check_keys(name, document[name])
    for contribution in document["contributions"]:
        _check_keys("contribution_items", contribution["items"])
    if document["data_version"] != data_version(document):
        raise OpenDataError("The data do not match their data_version: the file was changed or damaged.")
    _check_references(document)


def _check_keys(name: str, rows: object) -> None:
    expected = set(BY_NAME[name].json_keys)
    if not isinstance(rows, list) or not all(isinstance(row, dict) for row in rows):
        raise OpenDataError(f"“{name}” must hold objects.")
    for index, row in enumerate(rows):
        if set(row) != expected:
            differences = sorted(set(row) ^ expected)
            raise OpenDataError(
                f"“{name}” row {index + 1} has unexpected or missing keys: {', '.join(differences)}."
            )


def _check_references(document: dict) -> None:
    parties = {row["code"] for row in document["parties"]}
    languages = {row["code"] for row in document["languages"]}
    questions = {row["number"] for row in document["questions"]}
    replies = {row["party"] for row in document["replies"]}
    answers = {row["answer_id"] for row in document["answers"]}
    contributions = {row["id"] for row in document["contributions"]}
    unresolved = []

    def expect(values, known: set, what: str) -> None:
        unresolved.extend(f"{what} {value}" for value in values if value not in known)

    expect({code for row in document["parties"] for code in row["national_languages"]}, languages, "language")
    expect({row["national_language"] for row in document["replies"]} - {None}, languages, "language")
    expect({row["parent"] for row in document["questions"]} - {None}, questions, "question")
    expect({row["party"] for row in document["replies"]}, parties, "Party")
    expect({row["party"] for row in document["answers"]}, replies, "reply of")
    expect({row["question"] for row in document["answers"]}, questions, "question")
    for row in document["contributions"]:
        expect(row["parties"], parties, "Party")
        expect([item["question"] for item in row["items"]], questions, "question")
    for row in document["findings"]:
        expect(row["parties"], parties, "Party")
        expect(row["questions"], questions, "question")
        expect(row["evidence_answer_ids"], answers, "answer")
        expect(row["evidence_contribution_ids"], contributions, "contribution")
    reports = {row["id"] for row in document["reports"]}
    findings = {row["id"] for row in document["findings"]}
    chapters = {(row["report_id"], row["number"]) for row in document["report_chapters"]}
    expect({row["report_id"] for row in document["report_chapters"]}, reports, "report")
    expect({row["report_id"] for row in document["report_statements"]}, reports, "report")
    for row in document["report_chapters"]:
        expect(row["questions"], questions, "question")
    for row in document["report_statements"]:
        expect([(row["report_id"], row["chapter"])], chapters, "chapter")
        expect(row["parties"], parties, "Party")
        expect(row["questions"], questions, "question")
        expect(row["evidence_answer_ids"], answers, "answer")
        expect(row["evidence_contribution_ids"], contributions, "contribution")
        expect({row["finding_id"]} - {None}, findings, "finding")
    if unresolved:
        raise OpenDataError(
            f"The document refers to what it does not contain: {', '.join(sorted(set(unresolved)))}."
        )
