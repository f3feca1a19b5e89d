"""Open-data exports: CSV for spreadsheets, JSON for programs, documented, filterable."""

import csv
import io
import json

import pytest
from django.utils import timezone

from .crawl import page_text

pytestmark = pytest.mark.django_db


def read_csv(response):
    raw = response.content
    assert raw.startswith("\ufeff".encode())  # BOM: spreadsheets detect UTF-8
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))


def test_projects_csv_has_documented_columns_and_intact_accents(seeded, client):
    response = client.get("/donnees-ouvertes/projets.csv")
    assert response["Content-Disposition"] == 'attachment; filename="projets.csv"'
    rows = read_csv(response)
    assert len(rows) == 9
    assert list(rows[0]) == [
        "slug", "intitule", "porteurs", "levier_numero", "levier", "action", "etat", "resume",
        "lieu", "intercommunalite", "secteurs", "etapes", "cout_total", "financeurs",
        "reunions", "reunions_dates", "url", "mis_a_jour",
    ]  # fmt: skip
    trainee = next(r for r in rows if r["slug"] == "1-stagiaire-1-opportunite")
    assert trainee["porteurs"] == "Mission locale | Pôle emploi"
    assert trainee["etat"] == "Présenté"
    assert trainee["levier"] == ""  # not stated by the source: left empty
    assert trainee["url"] == "http://testserver/projets/1-stagiaire-1-opportunite/"
    assert any(r["intitule"] == "Pôle d’excellence CND" for r in rows)


def test_filters_apply_to_exports(seeded, client):
    rows = read_csv(client.get("/donnees-ouvertes/projets.csv?levier=territoire-numerique-4-0"))
    assert {r["slug"] for r in rows} == {
        "tiers-lieux-de-montbard",
        "tiers-lieux-de-venarey-les-laumes",
    }
    data = client.get("/donnees-ouvertes/projets.json?porteur=company").json()
    assert [d["intitule"] for d in data["donnees"]] == ["Projet «\u00a0Catamaran\u00a0»"]


def test_bad_export_filter_or_dataset(seeded, client, settings):
    settings.DEBUG = False
    response = client.get("/donnees-ouvertes/projets.csv?etat=inconnu")
    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"  # not an HTML page
    assert response.text.startswith("Filtre invalide : ")
    assert "<" not in response.text
    response = client.get("/donnees-ouvertes/projets.json?levier=inconnu")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response.json()["erreur"].startswith("Filtre invalide : ")
    assert client.get("/donnees-ouvertes/inconnu.csv").status_code == 404
    assert client.get("/donnees-ouvertes/projets.xml").status_code == 404


@pytest.mark.parametrize("key", ["projets", "porteurs", "leviers", "reunions"])
def test_every_dataset_in_json_with_licence_and_fields(seeded, client, key):
    data = json.loads(client.get(f"/donnees-ouvertes/{key}.json").content)
    assert data["licence"]["nom"] == "Licence Ouverte / Open Licence version 2.0"
    assert data["nombre"] == len(data["donnees"]) > 0
    assert [f["nom"] for f in data["champs"]] == list(data["donnees"][0])
    rows = read_csv(client.get(f"/donnees-ouvertes/{key}.csv"))
    assert len(rows) == data["nombre"]


def test_meetings_export_never_invents_a_day(seeded, client):
    rows = read_csv(client.get("/donnees-ouvertes/reunions.csv"))
    contract = next(r for r in rows if r["slug"] == "contractualisation-2e-semestre-2020")
    assert contract["date"] == ""
    assert contract["date_affichee"] == "2e semestre 2020"
    assert contract["previsionnel"] == "oui"


def test_open_data_page_documents_every_field_and_the_licence(seeded, client):
    response = client.get("/donnees-ouvertes/")
    text = page_text(response.text)
    assert "Licence Ouverte / Open Licence version 2.0" in text
    assert "séparateur point-virgule" in text
    for field in ["intitule", "porteurs", "levier_numero", "date_affichee", "nombre_projets"]:
        assert f"<code>{field}</code>" in response.text
    assert 'href="/donnees-ouvertes/reunions.json"' in response.text
    assert "Données ouvertes" in page_text(client.get("/").text)  # linked from the footer


@pytest.mark.parametrize("key", ["projets", "porteurs", "leviers", "reunions"])
def test_one_convention_for_empty_values(seeded, client, key):
    """JSON: null, never "" ; CSV: an empty cell. Both say the same thing cell by cell."""
    from . import builders

    builders.lever(description="")  # a lever with an empty field (the four 2019 ones have all)
    data = client.get(f"/donnees-ouvertes/{key}.json").json()["donnees"]
    assert all(value != "" for row in data for value in row.values()), key
    assert any(value is None for row in data for value in row.values())
    rows = read_csv(client.get(f"/donnees-ouvertes/{key}.csv"))
    for json_row, csv_row in zip(data, rows, strict=True):
        for name, value in json_row.items():
            assert (csv_row[name] == "") == (value is None), (key, name)


def test_mis_a_jour_is_the_last_change_else_the_day_of_publication(seeded, client):
    from . import builders

    project = builders.project(title="Changé", slug="change")
    [row] = [
        r
        for r in client.get("/donnees-ouvertes/projets.json").json()["donnees"]
        if r["slug"] == "change"
    ]
    assert row["mis_a_jour"] == timezone.localtime(project.updated_at).isoformat(timespec="seconds")
    event = builders.event(slug="etape-publiee", published_at=timezone.now())
    type(event).objects.filter(pk=event.pk).update(updated_at=None)
    [row] = [
        r
        for r in read_csv(client.get("/donnees-ouvertes/reunions.csv"))
        if r["slug"] == "etape-publiee"
    ]
    assert row["mis_a_jour"] == timezone.localdate(event.published_at).isoformat()
    for key in ["projets", "porteurs", "leviers", "reunions"]:
        columns = client.get(f"/donnees-ouvertes/{key}.json").json()["champs"]
        assert "mis_a_jour" in [c["nom"] for c in columns]


def test_mis_a_jour_of_unchanged_2019_rows_is_the_day_they_were_loaded(seeded, client):
    """The source gives no date: a 2019 row nobody changed says when it came on this site,
    and each dataset's description says so; the page itself claims no change date."""
    rows = client.get("/donnees-ouvertes/projets.json").json()
    row = next(r for r in rows["donnees"] if r["slug"] == "projet-catamaran")
    assert row["mis_a_jour"] == timezone.localdate().isoformat()
    [field] = [c for c in rows["champs"] if c["nom"] == "mis_a_jour"]
    assert "jour de son chargement sur ce site" in field["description"]
    for key in ["projets", "porteurs", "leviers", "reunions"]:
        data = client.get(f"/donnees-ouvertes/{key}.json").json()["donnees"]
        assert all(r["mis_a_jour"] for r in data), key
    assert "Dernière modification" not in client.get("/projets/projet-catamaran/").text


def test_without_a_recorded_load_unchanged_rows_have_no_date(seeded, client):
    from core.models import ContentLoad

    ContentLoad.objects.all().delete()
    rows = client.get("/donnees-ouvertes/projets.json").json()["donnees"]
    assert next(r for r in rows if r["slug"] == "projet-catamaran")["mis_a_jour"] is None
