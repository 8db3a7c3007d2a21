"""Each answer's texts stored as the pages show them (`submissions.answer_html`), rendered here for the
answers already written; every writer keeps them in step from now on."""

from django.db import migrations, models
from django.utils.html import linebreaks

BATCH = 200


def _html(text: str) -> str:
    # submissions.answer_html.answer_html as it stands when this migration is written.
    return linebreaks(text, autoescape=True) if text else ""


def render(apps, schema_editor):
    Answer = apps.get_model("submissions", "Answer")
    answers = Answer.objects.only("pk", "text", "national_text").order_by("pk")
    last = 0
    while batch := list(answers.filter(pk__gt=last)[:BATCH]):
        for answer in batch:
            answer.text_html, answer.national_text_html = _html(answer.text), _html(answer.national_text)
        Answer.objects.bulk_update(batch, ["text_html", "national_text_html"])
        last = batch[-1].pk


class Migration(migrations.Migration):
    dependencies = [("submissions", "0006_answer_no_information")]

    operations = [
        migrations.AddField(
            model_name="answer",
            name="national_text_html",
            field=models.TextField(blank=True, editable=False, verbose_name="national-language text as HTML"),
        ),
        migrations.AddField(
            model_name="answer",
            name="text_html",
            field=models.TextField(blank=True, editable=False, verbose_name="text as HTML"),
        ),
        migrations.RunPython(render, migrations.RunPython.noop, elidable=True),
    ]
