"""A round's open data as CSV files in a zip: one file per table of the dictionary, its columns in the
dictionary's order, UTF-8 with a byte-order mark (so spreadsheets read the accents), lists joined with ";",
booleans as true/false and nothing as an empty cell; with dictionary.csv and a README.txt giving the licence
and the data dictionary in English and French.
"""

import csv
import datetime
import io
import json
import zipfile

from .dictionary import DOCUMENT, TABLES, Table, dictionary_rows

LIST_SEPARATOR = ";"


def document_json(document: dict) -> bytes:
    return json.dumps(document, ensure_ascii=False, indent=2).encode()


def table_rows(document: dict, table: Table) -> list[dict]:
    """The rows of a table as the document holds them (the round is one row; items are flattened)."""
    if table.name == "round":
        return [document["round"]]
    if table.name == "contribution_items":
        return [
            {"contribution_id": contribution["id"], **item}
            for contribution in document["contributions"]
            for item in contribution["items"]
        ]
    return document[table.name]


def cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return LIST_SEPARATOR.join(str(item) for item in value)
    return str(value)


def csv_bytes(rows: list[list[str]]) -> bytes:
    stream = io.StringIO()
    stream.write("\ufeff")
    csv.writer(stream).writerows(rows)
    return stream.getvalue().encode()


def table_csv(document: dict, table: Table) -> bytes:
    columns = table.csv_columns
    rows = [[cell(row[column]) for column in columns] for row in table_rows(document, table)]
    return csv_bytes([columns, *rows])


def readme_text(document: dict) -> str:
    round_, licence = document["round"], document["licence"]
    lines = [
        f"{round_['label_en']} — {round_['theme_en']}",
        f"{round_['label_fr']} — {round_['theme_fr']}",
        "",
        f"Generated / Généré : {document['generated_at']}",
        f"Data version / Version des données : {document['data_version']}",
        "",
        f"Licence: {licence['title']} ({licence['name']}), {licence['url']}",
        f"Attribution: {licence['attribution']}",
        licence["notice_en"],
        "",
        f"Licence : {licence['title']} ({licence['name']}), {licence['url']}",
        f"Attribution : {licence['attribution']}",
        licence["notice_fr"],
        "",
        "Data dictionary / Dictionnaire des données",
        "==========================================",
    ]
    for table in (DOCUMENT, *TABLES):
        title = f"{table.csv_file} ({table.name})" if table.csv_file else f"open-data.json ({table.name})"
        lines += ["", title, "-" * len(title), table.en, table.fr]
        for field in table.fields:
            where = "" if field.csv or not table.csv_file else " [JSON]"
            lines.append(f"  {field.name}{where}: {field.type_label('en')} / {field.type_label('fr')}")
            lines += [f"    EN: {field.en}", f"    FR: {field.fr}"]
    return "\n".join(lines) + "\n"


def open_data_zip(document: dict) -> bytes:
    """The zip: README.txt, dictionary.csv and the tables; the files dated when the document was made."""
    moment = datetime.datetime.fromisoformat(document["generated_at"])
    files = [("README.txt", readme_text(document).encode()), ("dictionary.csv", csv_bytes(dictionary_rows()))]
    files += [(table.csv_file, table_csv(document, table)) for table in TABLES]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in files:
            info = zipfile.ZipInfo(name, date_time=moment.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, content)
    return buffer.getvalue()
