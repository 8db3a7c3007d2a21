"""The data dictionary of a round's open data: every table and every field, in English and French.

The dictionary is part of the data set (README.txt and dictionary.csv in the zip, the dictionary page), so it
is written in both official languages, like the texts it describes, in `dictionary.toml` beside this module.
The CSV columns and their order, the keys of the JSON document and the keys a restore expects all come from
it: nothing is emitted that it does not describe.
"""

import tomllib
from dataclasses import dataclass
from pathlib import Path

SOURCE = Path(__file__).with_name("dictionary.toml")


@dataclass(frozen=True)
class Field:
    name: str
    type: str
    en: str
    fr: str
    json: bool = True
    csv: bool = True

    def description(self, language: str) -> str:
        return self.fr if language == "fr" else self.en

    def type_label(self, language: str) -> str:
        return TYPES[self.type]["fr" if language == "fr" else "en"]


@dataclass(frozen=True)
class Table:
    name: str
    en: str
    fr: str
    fields: tuple[Field, ...]
    csv_file: str = ""

    def description(self, language: str) -> str:
        return self.fr if language == "fr" else self.en

    @property
    def json_keys(self) -> list[str]:
        return [field.name for field in self.fields if field.json]

    @property
    def csv_columns(self) -> list[str]:
        return [field.name for field in self.fields if field.csv]


def _load() -> tuple[dict[str, dict[str, str]], dict[str, Table]]:
    with SOURCE.open("rb") as stream:
        data = tomllib.load(stream)
    tables = {
        entry["name"]: Table(
            name=entry["name"],
            en=entry["en"],
            fr=entry["fr"],
            csv_file=entry.get("csv_file", ""),
            fields=tuple(Field(**field) for field in entry["fields"]),
        )
        for entry in data["tables"]
    }
    return data["types"], tables


TYPES, _TABLES = _load()
# The keys of the JSON document around the tables (format, licence, dates).
DOCUMENT = _TABLES.pop("document")
# The data tables, in the order of the document and of the zip.
TABLES: tuple[Table, ...] = tuple(_TABLES.values())
BY_NAME: dict[str, Table] = dict(_TABLES)


def dictionary_rows() -> list[list[str]]:
    """The dictionary as a table (dictionary.csv), in both languages."""
    rows = [["table", "field", "type_en", "type_fr", "description_en", "description_fr", "in_json", "in_csv"]]
    for table in (DOCUMENT, *TABLES):
        for field in table.fields:
            in_csv = field.csv and table is not DOCUMENT
            rows.append(
                [
                    table.name,
                    field.name,
                    field.type_label("en"),
                    field.type_label("fr"),
                    field.en,
                    field.fr,
                    "true" if field.json else "false",
                    "true" if in_csv else "false",
                ]
            )
    return rows
