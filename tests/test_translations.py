"""The project's French catalogue (locale/): compiled as written, and what it is for —
django-axes' admin screens and the login page read in French."""

import ast
import gettext
from html import unescape
from pathlib import Path

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

CATALOGUE = Path(__file__).resolve().parents[1] / "locale/fr/LC_MESSAGES/django"


def po_entries(path):
    """{msgid: msgstr} of a .po file (plural forms keyed (msgid, n), contexts as gettext
    keys them); fuzzy entries are reported, since msgfmt leaves them out."""
    entries, fuzzy, current, field = {}, [], {}, None

    def flush():
        if current.get("msgid"):
            key = current["msgid"]
            if "msgctxt" in current:
                key = f"{current['msgctxt']}\x04{key}"
            if current.get("fuzzy"):
                fuzzy.append(key)
            plurals = {k: v for k, v in current.items() if k.startswith("msgstr[")}
            if plurals:
                for name, value in plurals.items():
                    entries[(key, int(name[7:-1]))] = value
            else:
                entries[key] = current.get("msgstr", "")
        current.clear()

    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        line = line.strip()
        if not line:
            flush()
        elif line.startswith("#,") and "fuzzy" in line:
            current["fuzzy"] = True
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            current[field] += ast.literal_eval(line)
        else:
            field, value = line.split(" ", 1)
            if field in ("msgid", "msgctxt") and current.get("msgstr") is not None:
                flush()
            current[field] = ast.literal_eval(value)
    return entries, fuzzy


def test_every_catalogue_entry_is_compiled_as_written():
    entries, fuzzy = po_entries(CATALOGUE.with_suffix(".po"))
    assert not fuzzy, f"fuzzy entries are not compiled: {fuzzy}"
    with CATALOGUE.with_suffix(".mo").open("rb") as compiled:
        catalogue = gettext.GNUTranslations(compiled)._catalog
    missing = {k: v for k, v in entries.items() if k and catalogue.get(k) != v}
    assert not missing, "run `python manage.py compilemessages -l fr`: " + repr(missing)
    extra = {k for k in catalogue if k and k not in entries}
    assert not extra, f"compiled but gone from the .po: {extra}"


def test_the_login_page_offers_a_forgotten_password_link(client):
    assert "Mot de passe oublié\u00a0?" in client.get(reverse("admin:login")).text


@pytest.fixture
def attempts(client, editor):
    for _ in range(2):
        client.post(reverse("admin:login"), {"username": "redactrice", "password": "mauvais"})


def test_the_lockout_screens_are_in_french(admin_client, attempts):
    index = unescape(admin_client.get(reverse("admin:index")).text)
    assert "Sécurité des connexions" in index and "Axes" not in index

    changelist = unescape(admin_client.get(reverse("admin:axes_accessattempt_changelist")).text)
    for french in [
        "tentatives de connexion",
        "Effacer les tentatives expirées",
        "Par Verrouillage",
        "Navigateur (User-Agent)",
        "Nombre d'échecs",
        "État",
        "encore 3 tentatives",
    ]:
        assert french in changelist
    for english in ["Locked Out", "Clean up", "Attempt Remaining", "Status", "User Agent<"]:
        assert english not in changelist

    attempt_id = (
        admin_client.get(reverse("admin:axes_accessattempt_changelist"))
        .context["cl"]
        .result_list[0]
        .pk
    )
    detail = unescape(
        admin_client.get(reverse("admin:axes_accessattempt_change", args=[attempt_id])).text
    )
    assert "Données de formulaire" in detail and "En-tête HTTP Accept" in detail
    assert "Tentatives de connexion de « redactrice » depuis 127.0.0.1" in detail
    assert "Attempted Access" not in detail


def test_cleaning_up_expired_attempts_reports_in_french(admin_client, attempts):
    response = admin_client.post(
        reverse("admin:axes_accessattempt_changelist"),
        {"action": "cleanup_expired_attempts", "_selected_action": ["0"]},
        follow=True,
    )
    assert "Tentatives expirées effacées : 0." in unescape(response.text)
