"""Full-text search indexes on answers (the official text, in English or French; the national-language text), PostgreSQL only.

GIN indexes on the very expressions public.search matches with, so the planner can use them. Other
databases have no full-text search and get nothing here; the indexes are kept out of the models' state so
that SQLite never sees them, even when it rebuilds a table.
"""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import migrations

INDEXES = [
    ("Answer", GinIndex(SearchVector("text", config="english"), name="answer_text_english_fts")),
    ("Answer", GinIndex(SearchVector("text", config="french"), name="answer_text_french_fts")),
    ("Answer", GinIndex(SearchVector("national_text", config="simple"), name="answer_national_simple_fts")),
]


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for model, index in INDEXES:
            schema_editor.add_index(apps.get_model("submissions", model), index)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for model, index in INDEXES:
            schema_editor.remove_index(apps.get_model("submissions", model), index)


class Migration(migrations.Migration):
    dependencies = [("submissions", "0002_reply_overdue_at")]

    operations = [migrations.RunPython(create, drop)]
