"""Full-text search indexes on findings (title and text, in English and in French), PostgreSQL only.

GIN indexes on the very expressions public.search matches with, so the planner can use them. Other
databases have no full-text search and get nothing here; the indexes are kept out of the models' state so
that SQLite never sees them, even when it rebuilds a table.
"""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import migrations

INDEXES = [
    ("Finding", GinIndex(SearchVector("title_en", "text_en", config="english"), name="finding_en_english_fts")),
    ("Finding", GinIndex(SearchVector("title_fr", "text_fr", config="french"), name="finding_fr_french_fts")),
]


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for model, index in INDEXES:
            schema_editor.add_index(apps.get_model("reports", model), index)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for model, index in INDEXES:
            schema_editor.remove_index(apps.get_model("reports", model), index)


class Migration(migrations.Migration):
    dependencies = [("reports", "0003_factsheet_refresh")]

    operations = [migrations.RunPython(create, drop)]
