"""Contributions' general comments: search vectors stored as generated columns, PostgreSQL only (see
submissions.0005_answer_search_columns)."""

from django.db import migrations

COLUMNS = {
    "search_english": "to_tsvector('english'::regconfig, COALESCE(general_text, ''))",
    "search_french": "to_tsvector('french'::regconfig, COALESCE(general_text, ''))",
}
OLD_INDEXES = {
    "contribution_general_english_fts": COLUMNS["search_english"],
    "contribution_general_french_fts": COLUMNS["search_french"],
}
TABLE = "civil_society_contribution"


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in OLD_INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")
    columns = ", ".join(
        f"ADD COLUMN {column} tsvector GENERATED ALWAYS AS ({expression}) STORED"
        for column, expression in COLUMNS.items()
    )
    schema_editor.execute(f"ALTER TABLE {TABLE} {columns}")
    for column in COLUMNS:
        schema_editor.execute(f"CREATE INDEX contribution_{column} ON {TABLE} USING gin ({column})")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"ALTER TABLE {TABLE} " + ", ".join(f"DROP COLUMN {column}" for column in COLUMNS))
    for name, expression in OLD_INDEXES.items():
        schema_editor.execute(f"CREATE INDEX {name} ON {TABLE} USING gin ({expression})")


class Migration(migrations.Migration):
    dependencies = [("civil_society", "0006_item_search_columns")]

    operations = [migrations.RunPython(create, drop)]
