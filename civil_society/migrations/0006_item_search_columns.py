"""Contribution items' search vectors stored as generated columns, PostgreSQL only (see
submissions.0005_answer_search_columns: ranking reads them instead of parsing every matching text)."""

from django.db import migrations

COLUMNS = {
    "search_english": "to_tsvector('english'::regconfig, COALESCE(text, ''))",
    "search_french": "to_tsvector('french'::regconfig, COALESCE(text, ''))",
}
OLD_INDEXES = {
    "contribitem_text_english_fts": COLUMNS["search_english"],
    "contribitem_text_french_fts": COLUMNS["search_french"],
}
TABLE = "civil_society_contributionitem"


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
        schema_editor.execute(f"CREATE INDEX contribitem_{column} ON {TABLE} USING gin ({column})")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"ALTER TABLE {TABLE} " + ", ".join(f"DROP COLUMN {column}" for column in COLUMNS))
    for name, expression in OLD_INDEXES.items():
        schema_editor.execute(f"CREATE INDEX {name} ON {TABLE} USING gin ({expression})")


class Migration(migrations.Migration):
    dependencies = [("civil_society", "0005_history_of_links")]

    operations = [migrations.RunPython(create, drop)]
