"""The French catalogue is complete, compiled, and covers every string the code and templates use."""

import shutil
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command

FRENCH = Path(settings.BASE_DIR) / "locale" / "fr" / "LC_MESSAGES"


def test_every_french_message_is_translated():
    catalogue = polib.pofile(FRENCH / "django.po")
    assert catalogue.untranslated_entries() == []
    assert catalogue.fuzzy_entries() == []
    assert catalogue.percent_translated() == 100


def test_the_compiled_catalogue_matches_its_source():
    source = {
        (entry.msgctxt, entry.msgid): entry.msgstr or entry.msgstr_plural
        for entry in polib.pofile(FRENCH / "django.po")
    }
    compiled = {
        (entry.msgctxt, entry.msgid): entry.msgstr or entry.msgstr_plural
        for entry in polib.mofile(FRENCH / "django.mo")
    }
    source = {key: value for key, value in source.items() if key[1]}
    compiled = {key: value for key, value in compiled.items() if key[1]}
    assert compiled == source, "run `make messages` and commit locale/fr/LC_MESSAGES/django.mo"


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="GNU gettext is needed to extract messages")
def test_the_catalogue_holds_every_string_the_code_marks(tmp_path, monkeypatch):
    shipped = polib.pofile(FRENCH / "django.po")
    backup = tmp_path / "django.po"
    shutil.copy(FRENCH / "django.po", backup)
    monkeypatch.chdir(settings.BASE_DIR)
    try:
        call_command(
            "makemessages", locale=["fr"], no_location=True, ignore_patterns=[".venv", "var"], verbosity=0
        )
        extracted = polib.pofile(FRENCH / "django.po")
    finally:
        shutil.copy(backup, FRENCH / "django.po")
    shipped_ids = {entry.msgid for entry in shipped if not entry.obsolete}
    missing = sorted(
        entry.msgid for entry in extracted if not entry.obsolete and entry.msgid not in shipped_ids
    )
    assert missing == [], "run `make messages` and translate the new strings"
