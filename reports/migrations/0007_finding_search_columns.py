"""Findings (title and text, in English and in French): search vectors stored as generated columns,
PostgreSQL only (see submissions.0005_answer_search_columns)."""

from django.db import migrations

COLUMNS = {
    "search_english": "to_tsvector('english'::regconfig, COALESCE(title_en, '') || ' ' || COALESCE(text_en, ''))",
    "search_french": "to_tsvector('french'::regconfig, COALESCE(title_fr, '') || ' ' || COALESCE(text_fr, ''))",
}
OLD_INDEXES = {
    "finding_en_english_fts": COLUMNS["search_english"],
    "finding_fr_french_fts": COLUMNS["search_french"],
}
TABLE = "reports_finding"


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
        schema_editor.execute(f"CREATE INDEX finding_{column} ON {TABLE} USING gin ({column})")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"ALTER TABLE {TABLE} " + ", ".join(f"DROP COLUMN {column}" for column in COLUMNS))
    for name, expression in OLD_INDEXES.items():
        schema_editor.execute(f"CREATE INDEX {name} ON {TABLE} USING gin ({expression})")


class Migration(migrations.Migration):
    dependencies = [("reports", "0006_history_of_links")]

    operations = [migrations.RunPython(create, drop)]
