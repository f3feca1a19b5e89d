"""Glossary: acronyms edited in the admin, a glossary page, and the first occurrence of each
acronym in a page explained by `<abbr title="…">`."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from pages.models import GlossaryEntry

from . import builders
from .crawl import page_text

CCI = '<abbr title="Chambre de commerce et d’industrie">CCI</abbr>'


def abbrs(markup):
    return re.findall(r'<abbr title="([^"]*)">([^<]*)</abbr>', markup)


def main_of(response):
    text = response.content.decode()
    return text[text.index("<main") : text.index("</main>")]


@pytest.mark.django_db
def test_each_page_marks_the_first_occurrence_in_its_main_content(seeded, client):
    response = client.get("/groupe-emploi-formation/")
    main = main_of(response)
    marked = abbrs(main)
    assert ("Union des industries et métiers de la métallurgie", "UIMM") in marked
    assert ("Chambre de commerce et d’industrie", "CCI") in marked
    assert ("Bourgogne-Franche-Comté", "BFC") in marked
    assert len(marked) == len(set(marked))  # once per page
    head = response.content.decode().split("<main")[0]
    assert "<abbr" not in head  # not in <title>, meta or JSON-LD
    # another page marks its own first occurrence again
    assert ("Protocole Internet (de l’anglais « Internet Protocol »)", "IP") in abbrs(
        main_of(client.get("/donnees-personnelles/"))
    )


@pytest.mark.django_db
def test_a_new_acronym_is_marked_in_every_page_at_once(client):
    builders.page(slug="essai", title="Essai", body="<p>La SEM patrimoniale, une SEM.</p>")
    assert client.get("/essai/").status_code == 200  # stored in the page cache
    assert "<abbr" not in main_of(client.get("/essai/"))
    GlossaryEntry.objects.create(acronym="SEM", expansion="Société d’économie mixte")
    main = main_of(client.get("/essai/"))
    assert abbrs(main) == [("Société d’économie mixte", "SEM")]
    entry = GlossaryEntry.objects.get(acronym="SEM")
    entry.expansion = "Société d’économie mixte locale"
    entry.save()
    assert abbrs(main_of(client.get("/essai/"))) == [("Société d’économie mixte locale", "SEM")]


@pytest.mark.django_db
def test_the_glossary_adds_at_most_one_query_kept_for_the_content_version(client, settings):
    settings.PAGE_CACHE_SECONDS = 0
    GlossaryEntry.objects.create(acronym="CCI", expansion="Chambre de commerce et d’industrie")
    builders.page(slug="essai", title="Essai", body="<p>La CCI.</p>")
    client.get("/essai/")
    with CaptureQueriesContext(connection) as again:
        assert CCI in client.get("/essai/").content.decode()
    assert not [q for q in again.captured_queries if "glossaryentry" in q["sql"]]


@pytest.mark.django_db
def test_glossary_page_lists_entries_with_anchors(seeded, client):
    response = client.get("/glossaire/")
    assert response.status_code == 200
    text = page_text(response.content.decode())
    assert "Glossaire des sigles" in text
    assert "GEIQ Groupement d'employeurs pour l'insertion et la qualification" in text
    assert 'id="sigle-uimm"' in response.content.decode()
    assert "PETR" not in text  # the seed never uses it: not in the fixtures


@pytest.mark.django_db
def test_glossary_explanation_is_shown(client):
    GlossaryEntry.objects.create(
        acronym="GEIQ",
        expansion="Groupement d’employeurs pour l’insertion et la qualification",
        explanation="Un groupement d’entreprises qui recrute et forme.",
    )
    text = page_text(client.get("/glossaire/").content.decode())
    assert "Un groupement d'entreprises qui recrute et forme." in text
    assert GlossaryEntry.objects.get().get_absolute_url() == "/glossaire/#sigle-geiq"


@pytest.mark.django_db
def test_glossary_is_linked_from_the_footer_the_site_map_and_in_the_sitemap(client):
    assert 'href="/glossaire/"' in client.get("/").content.decode().split("<footer")[1]
    assert 'href="/glossaire/"' in client.get("/plan-du-site/").content.decode()
    assert "/glossaire/</loc>" in client.get("/sitemap.xml").content.decode()


@pytest.mark.django_db
def test_an_editor_adds_and_edits_acronyms_in_french(editor_client):
    page = editor_client.get("/admin/pages/glossaryentry/add/").content.decode()
    assert "Forme développée" in page and "Sigle" in page
    response = editor_client.post(
        "/admin/pages/glossaryentry/add/",
        {
            "acronym": "PETR",
            "expansion": "Pôle d’équilibre territorial et rural",
            "explanation": "",
        },
    )
    assert response.status_code == 302
    entry = GlossaryEntry.objects.get(acronym="PETR")
    response = editor_client.post(
        f"/admin/pages/glossaryentry/{entry.pk}/change/",
        {
            "acronym": "PETR",
            "expansion": "Pôle d’équilibre territorial et rural",
            "explanation": "Un syndicat mixte.",
        },
    )
    assert response.status_code == 302
    assert GlossaryEntry.objects.get().explanation == "Un syndicat mixte."
    duplicate = editor_client.post(
        "/admin/pages/glossaryentry/add/", {"acronym": "PETR", "expansion": "Autre"}
    )
    assert "existe déjà" in duplicate.content.decode()


def test_seed_glossary_only_holds_acronyms_the_seed_uses():
    import json
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    entries = json.loads((root / "fixtures" / "glossary.json").read_text())
    source = (root / "fixtures" / "source" / "territoire-industrie-auxois-morvan.txt").read_text()
    seed = source + (root / "fixtures" / "pages.json").read_text()
    for entry in entries:
        acronym = entry["fields"]["acronym"]
        assert re.search(rf"(?<!\w){re.escape(acronym)}(?!\w)", seed), acronym
