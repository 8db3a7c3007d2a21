"""Full-text search indexes on contributions (items and general part, in English or French), PostgreSQL only.

GIN indexes on the very expressions public.search matches with, so the planner can use them. Other
databases have no full-text search and get nothing here; the indexes are kept out of the models' state so
that SQLite never sees them, even when it rebuilds a table.
"""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import migrations

INDEXES = [
    ("ContributionItem", GinIndex(SearchVector("text", config="english"), name="contribitem_text_english_fts")),
    ("ContributionItem", GinIndex(SearchVector("text", config="french"), name="contribitem_text_french_fts")),
    ("Contribution", GinIndex(SearchVector("general_text", config="english"), name="contribution_general_english_fts")),
    ("Contribution", GinIndex(SearchVector("general_text", config="french"), name="contribution_general_french_fts")),
]


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for model, index in INDEXES:
            schema_editor.add_index(apps.get_model("civil_society", model), index)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for model, index in INDEXES:
            schema_editor.remove_index(apps.get_model("civil_society", model), index)


class Migration(migrations.Migration):
    dependencies = [("civil_society", "0002_informationrequest_closed_at_subscription_and_more")]

    operations = [migrations.RunPython(create, drop)]
