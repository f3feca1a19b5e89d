"""Spreadsheets staff can trust: French files, every error at once, stale rows held back.

Each test goes through the admin screens as an editor would (export, edit the file, send it,
read the preview, confirm), except a few that check the resources directly.
"""

import csv
import io
from datetime import timedelta

import openpyxl
import pytest
import tablib
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from projects.models import Project, ProjectHolder
from projects.resources import ProjectHolderResource, ProjectResource

from .crawl import page_text
from .forms import form_data

pytestmark = pytest.mark.django_db

HEADERS = ["slug", "intitulé", "porteurs", "levier", "action", "état", "résumé",
           "description", "lieu", "intercommunalité", "secteurs", "publication",
           "modifié le"]  # fmt: skip
HOLDER_HEADERS = ["slug", "nom", "type de structure", "présentation", "site internet",
                  "intercommunalité", "publication", "modifié le"]  # fmt: skip
XLSX, CSV = "0", "1"  # the export form's format choices
DESCRIPTION_HTML = (
    '<p>Un atelier <strong>partagé</strong> pour <a href="https://exemple.fr/bois">la '
    "filière bois</a>.</p><ul><li><p>découpe</p></li><li><p>séchage</p></li></ul>"
)
DESCRIPTION_TEXT = (
    "Un atelier partagé pour la filière bois (https://exemple.fr/bois).\n\n- découpe\n- séchage"
)


def csv_upload(rows, headers=HEADERS, name="projets.csv", delimiter=",", encoding="utf-8"):
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter)
    writer.writerow(headers)
    for row in rows:
        writer.writerow([row.get(h, "") for h in headers])
    return SimpleUploadedFile(name, out.getvalue().encode(encoding), content_type="text/csv")


def xlsx_bytes(headers, rows):
    """A workbook as a spreadsheet program writes it: `None` rows stay blank."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(headers)
    for row in rows:
        sheet.append([] if row is None else [row.get(h) for h in headers])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def xlsx_upload(rows, headers=HEADERS, name="projets.xlsx"):
    return SimpleUploadedFile(name, xlsx_bytes(headers, rows))


def read_xlsx(content):
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    headers, *rows = list(sheet.iter_rows(values_only=True))
    return list(headers), [dict(zip(headers, row, strict=True)) for row in rows]


def export(client, file_format=XLSX, model="project", query=""):
    url = f"/admin/projects/{model}/export/{query}"
    data = form_data(client.get(url).text) | {"format": file_format}
    return client.post(url, data)


def preview(client, upload, model="project"):
    url = f"/admin/projects/{model}/import/"
    return client.post(url, {"import_file": upload, "format": "", "resource": "0"})


def confirm(client, preview_response, apply_stale=False, model="project"):
    data = form_data(preview_response.text, action="process_import")
    assert data, page_text(preview_response.text)[-1500:]
    if apply_stale:
        data["apply_stale"] = "on"
    return client.post(f"/admin/projects/{model}/process_import/", data, follow=True)


def snapshot():
    """Everything an import could change, to prove it changed nothing."""
    projects = list(Project.objects.order_by("pk").values())
    holders = list(ProjectHolder.objects.order_by("pk").values())
    links = list(Project.holders.through.objects.order_by("pk").values())
    return projects, holders, links, Project.history.count(), ProjectHolder.history.count()


GOOD_ROWS = [
    {  # an update of an existing project
        "slug": "projet-catamaran",
        "intitulé": "Projet « Catamaran »",
        "porteurs": "Biscuiterie Mistral",
        "levier": "3",
        "action": "Valoriser les circuits courts",
        "état": "Retenu au contrat",
        "publication": "Publié",
    },
    {  # a new project, no slug: one is made from the title
        "intitulé": "Atelier de découpe du bois",
        "porteurs": "Communauté de communes du Montbardois|Pôle emploi",
        "état": "Présenté",
        "lieu": "Montbard",
        "intercommunalité": "Communauté de communes du Montbardois",
        "secteurs": "Sylviculture",
    },
]


# Export ----------------------------------------------------------------------------------


def test_export_file_names_are_french_and_dated(seeded, admin_client):
    today = timezone.localdate().isoformat()
    for file_format, extension in [(XLSX, "xlsx"), (CSV, "csv")]:
        response = export(admin_client, file_format)
        expected = f'attachment; filename="projets-{today}.{extension}"'
        assert response["Content-Disposition"] == expected
    response = export(admin_client, CSV, model="projectholder")
    assert response["Content-Disposition"] == f'attachment; filename="porteurs-{today}.csv"'


def test_xlsx_export_has_french_columns_text_descriptions_and_last_change(seeded, admin_client):
    project = Project.objects.get(slug="projet-catamaran")
    project.description = DESCRIPTION_HTML
    project.save()

    response = export(admin_client, XLSX)

    headers, rows = read_xlsx(response.content)
    assert headers == HEADERS
    row = next(r for r in rows if r["slug"] == "projet-catamaran")
    assert row["description"] == DESCRIPTION_TEXT
    assert "<" not in "".join(str(r["description"] or "") for r in rows)
    project.refresh_from_db()
    assert row["modifié le"] == timezone.localtime(project.updated_at).isoformat()
    assert row["état"] in ("Présenté", "Retenu au contrat", "En cours", "Réalisé")


def test_csv_export_is_what_a_french_spreadsheet_opens(seeded, admin_client):
    response = export(admin_client, CSV)
    assert response["Content-Type"].startswith("text/csv")
    assert response.content.startswith("\ufeff".encode())  # BOM: Excel reads UTF-8
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == HEADERS
    assert "Projet «\u00a0Catamaran\u00a0»" in [row[1] for row in rows]


def test_export_respects_the_list_filters(seeded, admin_client):
    response = export(admin_client, XLSX, query="?q=Catamaran")
    _, rows = read_xlsx(response.content)
    assert [r["slug"] for r in rows] == ["projet-catamaran"]


def test_export_labels_and_holders(seeded):
    dataset = ProjectResource().export()
    row = dict(zip(dataset.headers, dataset[dataset["slug"].index("1-stagiaire-1-opportunite")],
                   strict=True))  # fmt: skip
    assert row["porteurs"] in ("Mission locale|Pôle emploi", "Pôle emploi|Mission locale")
    assert (row["état"], row["publication"]) == ("Présenté", "Publié")
    holders = ProjectHolderResource().export()
    assert holders.headers == HOLDER_HEADERS
    assert "Entreprise" in holders["type de structure"]
    assert len(holders) == ProjectHolder.objects.count()


def test_export_page_is_french_and_its_select_all_needs_no_inline_script(seeded, admin_client):
    response = admin_client.get("/admin/projects/project/export/")
    text = page_text(response.text)
    for english in ["Select all", "Title (", "Holders", "Submit", "This exporter", "---"]:
        assert english not in text, english
    for column in ["Intitulé", "Porteurs", "État", "Modifié le", "Tout sélectionner"]:
        assert column in text
    assert "Excel (.xlsx)" in text and "CSV (.csv)" in text
    assert "onchange=" not in response.text and 'style="' not in response.text
    assert "js/admin-spreadsheet-export.js" in response.text


def test_exporting_no_column_is_refused_in_french(seeded, admin_client):
    url = "/admin/projects/project/export/"
    data = {k: v for k, v in form_data(admin_client.get(url).text).items()
            if not k.startswith("projectresource_")}  # fmt: skip
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "Choisissez au moins une colonne à exporter" in page_text(response.text)


# Import: good files, round trip ----------------------------------------------------------


def test_good_file_creates_and_updates_rows(seeded):
    dataset = tablib.Dataset().load(csv_upload(GOOD_ROWS).read().decode(), format="csv")
    result = ProjectResource().import_data(dataset, dry_run=False)

    assert not result.has_errors() and not result.has_validation_errors()
    assert result.totals["new"] == 1 and result.totals["update"] == 1
    catamaran = Project.objects.get(slug="projet-catamaran")
    assert (catamaran.lever.number, catamaran.action.title) == (3, "Valoriser les circuits courts")
    assert catamaran.project_status == "retained"
    new = Project.objects.get(slug="atelier-de-decoupe-du-bois")
    assert sorted(h.name for h in new.holders.all()) == [
        "Communauté de communes du Montbardois",
        "Pôle emploi",
    ]
    assert new.status == "draft"  # a new row stays a draft unless the file says otherwise
    assert [s.name for s in new.sectors.all()] == ["Sylviculture"]


def test_admin_import_shows_a_preview_then_applies(seeded, admin_client):
    response = preview(admin_client, csv_upload(GOOD_ROWS))
    text = page_text(response.text)
    assert response.status_code == 200
    assert "Aperçu" in text and "Nouveau" in text and "Mis à jour" in text
    assert "Atelier de découpe du bois" in text
    assert not Project.objects.filter(slug="atelier-de-decoupe-du-bois").exists()

    response = confirm(admin_client, response)

    assert "Import terminé (projets) : 1 nouveau, 1 mis à jour, 0 inchangé." in page_text(
        response.text
    )
    new = Project.objects.get(slug="atelier-de-decoupe-du-bois")
    assert new.history.latest().history_change_reason == "Import du fichier « projets.csv »"


def test_an_unchanged_round_trip_changes_nothing(seeded, admin_client):
    project = Project.objects.get(slug="projet-catamaran")
    project.description = DESCRIPTION_HTML
    project.save()
    before = snapshot()

    exported = export(admin_client, XLSX).content
    response = preview(admin_client, SimpleUploadedFile("projets.xlsx", exported))
    assert "Mis à jour" not in page_text(response.text)
    response = confirm(admin_client, response)

    count = Project.objects.count()
    assert f"0 nouveau, 0 mis à jour, {count} inchangés" in page_text(response.text)
    assert snapshot() == before  # same rows, same HTML, no new version in the history


def test_a_text_cell_becomes_paragraphs_and_keeps_what_was_not_edited(seeded, admin_client):
    project = Project.objects.get(slug="projet-catamaran")
    project.description = DESCRIPTION_HTML
    project.save()
    stored = Project.objects.get(pk=project.pk).description  # as the sanitiser keeps it
    headers, rows = read_xlsx(export(admin_client, XLSX).content)
    for row in rows:
        if row["slug"] == "projet-catamaran":
            row["description"] += "\n\nDeux lignes\nde texte.\n\n- un\n- deux"

    confirm(admin_client, preview(admin_client, xlsx_upload(rows, headers)))

    project.refresh_from_db()
    assert project.description == (
        stored + "<p>Deux lignes<br>de texte.</p><ul><li><p>un</p></li><li><p>deux</p></li></ul>"
    )


def test_csv_saved_by_a_french_excel_is_read(seeded, admin_client):
    """Semicolons, Windows-1252, headers typed without accents or in capitals."""
    headers = ["Slug", "Intitule", "ETAT"]
    rows = [{"Slug": "projet-catamaran", "Intitule": "Projet Catamaran", "ETAT": "Réalisé"}]
    upload = csv_upload(rows, headers, delimiter=";", encoding="cp1252")

    confirm(admin_client, preview(admin_client, upload))

    project = Project.objects.get(slug="projet-catamaran")
    assert (project.title, project.project_status) == ("Projet Catamaran", "completed")


# Import: errors ------------------------------------------------------------------------


TWO_BAD_ROWS = [
    GOOD_ROWS[0],  # spreadsheet row 2
    {"intitulé": "Projet X", "porteurs": "Porteur inconnu"},  # row 3
    GOOD_ROWS[1],  # row 4
    {"intitulé": "Projet Y", "état": "Terminé ?"},  # row 5
]


@pytest.mark.parametrize("upload", [csv_upload, xlsx_upload], ids=["csv", "xlsx"])
def test_every_bad_row_is_reported_at_once_with_its_spreadsheet_row(seeded, admin_client, upload):
    before = snapshot()

    response = preview(admin_client, upload(TWO_BAD_ROWS))

    text = page_text(response.text)
    assert "Rien n'a été importé : 2 lignes à corriger" in text
    assert "Ligne 3 (« Projet X ») colonne « porteurs » : Introuvable parmi les porteurs" in text
    assert "« Porteur inconnu »" in text
    assert "Ligne 5 (« Projet Y ») colonne « état » : « Terminé ? » n'est pas une valeur" in text
    assert "process_import" not in response.text  # nothing to confirm
    assert snapshot() == before


def test_blank_rows_are_skipped_but_counted(seeded, admin_client):
    rows = [GOOD_ROWS[0], None, None, {"intitulé": "Projet Z", "levier": "9"}]
    response = preview(admin_client, xlsx_upload(rows))
    assert "Ligne 5 (« Projet Z ») colonne « levier » : Introuvable" in page_text(response.text)


@pytest.mark.parametrize(
    ("bad_row", "message"),
    [
        ({"intitulé": "Projet X", "porteurs": "Porteur inconnu"}, "« Porteur inconnu »"),
        ({"intitulé": "Projet X", "levier": "9"}, "« 9 »"),
        ({"intitulé": "Projet X", "levier": "deux"}, "« deux »"),
        ({"intitulé": "Projet X", "état": "Terminé ?"}, "n'est pas une valeur possible"),
        (
            {"intitulé": "Projet X", "levier": "1", "action": "Valoriser les circuits courts"},
            "autre levier",
        ),
        ({"intitulé": "", "lieu": "Semur"}, "Ce champ ne peut pas être vide"),
        ({"intitulé": "Projet X", "modifié le": "hier"}, "n'est pas une date reconnue"),
    ],
    ids=[
        "unknown-holder",
        "unknown-lever",
        "lever-not-a-number",
        "bad-status",
        "action-of-another-lever",
        "no-title",
        "bad-date",
    ],  # fmt: skip
)
def test_a_bad_row_writes_nothing_at_all(seeded, admin_client, bad_row, message):
    before = snapshot()

    response = preview(admin_client, csv_upload([*GOOD_ROWS, bad_row]))

    text = page_text(response.text)
    assert "Ligne 4" in text and message in text
    assert snapshot() == before


def test_a_typo_in_a_name_gets_a_suggestion(seeded, admin_client):
    rows = [{"intitulé": "Projet X", "porteurs": "Pole emploi"}]
    text = page_text(preview(admin_client, csv_upload(rows)).text)
    assert "« Pole emploi » (vouliez-vous dire « Pôle emploi » ?)" in text


def test_a_bad_row_found_at_confirmation_writes_nothing(seeded, admin_client):
    """A holder deleted between the preview and the confirmation."""
    response = preview(admin_client, csv_upload(GOOD_ROWS))
    ProjectHolder.objects.get(name="Pôle emploi").delete()
    before = snapshot()

    response = confirm(admin_client, response)

    text = page_text(response.text)
    assert "Rien n'a été importé" in text and "Ligne 3" in text
    assert snapshot() == before


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("projets.xlsx", b"pas un classeur", "n'est pas un classeur Excel (.xlsx) lisible"),
        ("projets.csv", b"", "Le fichier soumis est vide"),
        ("projets.csv", b"\n;\n", "Le fichier est vide"),
        ("projets.csv", "slug,intitulé\n".encode(), "aucune ligne sous la ligne d'en-têtes"),
        ("projets.csv", "intitulé,slug\nProjet X,,en trop\n".encode(), "Ligne 2, colonne C"),
        ("projets.csv", "intitulé,Intitule\nA,B\n".encode(), "apparaît deux fois"),
        ("projets.txt", b"texte", "Format non reconnu"),
    ],
    ids=[
        "not-xlsx",
        "empty",
        "blank",
        "headers-only",
        "value-without-header",
        "duplicate",
        "txt",
    ],  # fmt: skip
)
def test_unreadable_files_get_a_french_message(seeded, admin_client, name, content, message):
    before = snapshot()
    response = preview(admin_client, SimpleUploadedFile(name, content))
    assert response.status_code == 200
    assert message in page_text(response.text)
    assert snapshot() == before


def test_unknown_columns_are_named_in_the_preview(seeded, admin_client):
    headers = ["slug", "intitulé", "commentaire"]
    rows = [{"slug": "projet-catamaran", "intitulé": "Catamaran", "commentaire": "à revoir"}]
    text = page_text(preview(admin_client, csv_upload(rows, headers)).text)
    assert "Colonne inconnue, ignorée : « commentaire »." in text


def test_confirming_twice_is_harmless(seeded, admin_client):
    response = preview(admin_client, csv_upload(GOOD_ROWS))
    confirm(admin_client, response)
    again = confirm(admin_client, response)
    assert again.status_code == 200
    assert "envoyez-le à nouveau" in page_text(again.text)
    assert Project.objects.filter(slug="atelier-de-decoupe-du-bois").count() == 1


def test_holders_report_every_bad_row_too(seeded, admin_client):
    rows = [
        {"nom": "Scierie du Morvan", "type de structure": "Scierie"},
        {"nom": "Atelier Auxois", "type de structure": "Entreprise", "intercommunalité": "Dijon"},
    ]
    before = snapshot()
    response = preview(admin_client, csv_upload(rows, HOLDER_HEADERS), model="projectholder")
    text = page_text(response.text)
    assert "Ligne 2 (« Scierie du Morvan ») colonne « type de structure »" in text
    assert "Ligne 3 (« Atelier Auxois ») colonne « intercommunalité » : Introuvable" in text
    assert snapshot() == before


# Import: rows changed since the export ------------------------------------------------------


def exported_rows(client):
    return read_xlsx(export(client, XLSX).content)


def test_a_row_changed_since_the_export_is_held_back_unless_confirmed(seeded, admin_client):
    headers, rows = exported_rows(admin_client)
    sarrasin = Project.objects.get(slug="filiere-sarrasin-bio")
    sarrasin.summary = "Résumé écrit après l'export par une collègue"
    sarrasin.save()
    for row in rows:
        if row["slug"] == "filiere-sarrasin-bio":
            row["lieu"] = "Venarey-Les Laumes"
        if row["slug"] == "projet-catamaran":
            row["résumé"] = "Résumé revu dans le tableur"
    upload = xlsx_upload(rows, headers)

    response = preview(admin_client, upload)
    text = page_text(response.text)
    assert "modifié depuis l'export le" in text
    assert "Appliquer aussi les lignes modifiées depuis l'export" in text
    response = confirm(admin_client, response)

    text = page_text(response.text)
    assert "1 ligne non appliquée" in text and "« Filière sarrasin bio »" in text
    sarrasin.refresh_from_db()
    assert sarrasin.summary == "Résumé écrit après l'export par une collègue"
    assert sarrasin.location == ""
    assert Project.objects.get(slug="projet-catamaran").summary == "Résumé revu dans le tableur"

    upload.seek(0)
    confirm(admin_client, preview(admin_client, upload), apply_stale=True)
    sarrasin.refresh_from_db()
    assert (sarrasin.location, sarrasin.summary) == ("Venarey-Les Laumes", "")


def test_an_exported_row_whose_item_was_deleted_is_not_recreated_unless_confirmed(
    seeded, admin_client
):
    headers, rows = exported_rows(admin_client)
    Project.objects.get(slug="projet-catamaran").delete()
    upload = xlsx_upload(rows, headers)

    response = preview(admin_client, upload)
    assert "fiche introuvable : supprimée, ou son adresse a changé" in page_text(response.text)
    text = page_text(confirm(admin_client, response).text)

    assert "1 ligne non appliquée" in text and "fiche introuvable" in text
    assert not Project.objects.filter(slug="projet-catamaran").exists()
    upload.seek(0)
    confirm(admin_client, preview(admin_client, upload), apply_stale=True)
    assert Project.objects.filter(slug="projet-catamaran").exists()


def test_publishing_from_the_list_counts_as_a_change(seeded, admin_client):
    headers, rows = exported_rows(admin_client)
    draft = Project.objects.get(slug="projet-catamaran")
    admin_client.post(
        "/admin/projects/project/",
        {"action": "unpublish", "_selected_action": [draft.pk]},
    )
    for row in rows:
        if row["slug"] == "projet-catamaran":
            row["lieu"] = "Semur-en-Auxois"
    text = page_text(preview(admin_client, xlsx_upload(rows, headers)).text)
    assert "modifié depuis l'export le" in text


def test_a_row_without_last_change_is_not_stale(seeded, admin_client):
    project = Project.objects.get(slug="projet-catamaran")
    Project.objects.filter(pk=project.pk).update(updated_at=timezone.now() + timedelta(days=1))
    rows = [{"slug": "projet-catamaran", "intitulé": "Projet Catamaran"}]

    response = preview(admin_client, csv_upload(rows, ["slug", "intitulé"]))
    assert "modifié depuis l'export" not in page_text(response.text)
    confirm(admin_client, response)

    assert Project.objects.get(pk=project.pk).title == "Projet Catamaran"


# The screens themselves ---------------------------------------------------------------------


def test_import_screens_have_no_english_left(seeded, admin_client):
    english = ["Select all", "Submit", "Confirm import", "This importer", "Preview",
               "Skipped", "Update", "New", "Line number", "Errors", "Title (", "File to import",
               "---"]  # fmt: skip
    page = admin_client.get("/admin/projects/project/import/")
    preview_page = preview(admin_client, csv_upload(GOOD_ROWS))
    errors_page = preview(admin_client, csv_upload(TWO_BAD_ROWS))
    for response in (page, preview_page, errors_page):
        text = page_text(response.text)
        assert [word for word in english if word in text] == []
        assert 'style="' not in response.text
    assert 'value="Confirmer l\'import"' in preview_page.text
