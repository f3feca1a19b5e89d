"""The project's French catalogue: the compiled .mo says what the .po says, and is used."""

import ast
import gettext
import re
from pathlib import Path

from django.utils import translation

LOCALE = Path(__file__).resolve().parents[1] / "locale/fr/LC_MESSAGES"


def po_entries(path):
    """{msgid: msgstr} of a .po file (plain entries; the header is skipped)."""
    entries, key, current = {}, None, {}
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        match = re.match(r'^(msgid|msgstr)\s+(".*")$', line)
        if match:
            key = match.group(1)
            current[key] = ast.literal_eval(match.group(2))
        elif line.startswith('"') and key:
            current[key] += ast.literal_eval(line)
        elif not line.strip() and current:
            if current.get("msgid"):
                entries[current["msgid"]] = current.get("msgstr", "")
            current, key = {}, None
    return entries


def test_every_po_entry_is_compiled():
    entries = po_entries(LOCALE / "django.po")
    assert entries
    with open(LOCALE / "django.mo", "rb") as compiled:
        catalogue = gettext.GNUTranslations(compiled)
    assert {msgid: catalogue.gettext(msgid) for msgid in entries} == entries


def test_the_project_catalogue_wins_over_the_libraries():
    with translation.override("fr"):
        assert translation.gettext("Deleted") == "Supprimé"  # simple-history says « Effacé »
