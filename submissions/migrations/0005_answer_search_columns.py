"""Answers' search vectors stored as generated columns (PostgreSQL only), indexed with GIN.

Ranking a broad query reads the vector of every match: computed from the text each time, that took seconds
on long answers; stored, it is read. PostgreSQL keeps the columns in step with `text` and `national_text`
itself (GENERATED ALWAYS … STORED), so no write path can forget them. They are outside the models' state,
like the indexes they replace: public.search names them (`StoredVector`), other databases never see them.
"""

from django.db import migrations

COLUMNS = {
    "search_english": "to_tsvector('english'::regconfig, COALESCE(text, ''))",
    "search_french": "to_tsvector('french'::regconfig, COALESCE(text, ''))",
    "search_national": "to_tsvector('simple'::regconfig, COALESCE(national_text, ''))",
}
OLD_INDEXES = {
    "answer_text_english_fts": COLUMNS["search_english"],
    "answer_text_french_fts": COLUMNS["search_french"],
    "answer_national_simple_fts": COLUMNS["search_national"],
}
TABLE = "submissions_answer"


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
        schema_editor.execute(f"CREATE INDEX answer_{column} ON {TABLE} USING gin ({column})")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"ALTER TABLE {TABLE} " + ", ".join(f"DROP COLUMN {column}" for column in COLUMNS))
    for name, expression in OLD_INDEXES.items():
        schema_editor.execute(f"CREATE INDEX {name} ON {TABLE} USING gin ({expression})")


class Migration(migrations.Migration):
    dependencies = [("submissions", "0004_history")]

    operations = [migrations.RunPython(create, drop)]
