"""Spreadsheet round trip of projects and holders: preview, row errors, all-or-nothing."""

import csv
import io

import pytest
import tablib
from django.core.files.uploadedfile import SimpleUploadedFile

from projects.models import Project, ProjectHolder
from projects.resources import ProjectHolderResource, ProjectResource

from .crawl import page_text
from .forms import form_data

pytestmark = pytest.mark.django_db

HEADERS = ["slug", "intitulé", "porteurs", "levier", "action", "état", "résumé",
           "description", "lieu", "intercommunalité", "secteurs", "publication"]  # fmt: skip


def csv_file(rows, name="projets.csv"):
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADERS)
    for row in rows:
        writer.writerow([row.get(h, "") for h in HEADERS])
    return SimpleUploadedFile(name, out.getvalue().encode("utf-8"), content_type="text/csv")


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


def test_good_file_creates_and_updates_rows(seeded):
    dataset = tablib.Dataset().load(csv_file(GOOD_ROWS).read().decode(), format="csv")
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


@pytest.mark.parametrize(
    ("bad_row", "message"),
    [
        ({"intitulé": "Projet X", "porteurs": "Porteur inconnu"}, "« Porteur inconnu »"),
        ({"intitulé": "Projet X", "levier": "9"}, "« 9 »"),
        ({"intitulé": "Projet X", "état": "Terminé ?"}, "n'est pas une valeur possible"),
        (
            {"intitulé": "Projet X", "levier": "1", "action": "Valoriser les circuits courts"},
            "autre levier",
        ),
    ],
    ids=["unknown-holder", "unknown-lever", "bad-status", "action-of-another-lever"],
)
def test_a_bad_row_writes_nothing_at_all(seeded, bad_row, message):
    before = list(Project.objects.order_by("pk").values())
    dataset = tablib.Dataset().load(csv_file([*GOOD_ROWS, bad_row]).read().decode(), format="csv")

    result = ProjectResource().import_data(dataset, dry_run=False)

    assert result.has_errors() or result.has_validation_errors()
    errors = [str(e.error) for _, row_errors in result.row_errors() for e in row_errors]
    errors += [str(row.error) for row in result.invalid_rows]
    assert any(message in e for e in errors), errors
    assert list(Project.objects.order_by("pk").values()) == before


def test_admin_import_shows_a_preview_then_applies(seeded, admin_client):
    upload = csv_file(GOOD_ROWS)
    response = admin_client.post(
        "/admin/projects/project/import/",
        {"import_file": upload, "format": "0", "resource": "0"},
    )
    preview = page_text(response.text)
    assert response.status_code == 200
    assert "Atelier de découpe du bois" in preview
    assert not Project.objects.filter(slug="atelier-de-decoupe-du-bois").exists()

    confirm = form_data(response.text, action="process_import")
    response = admin_client.post("/admin/projects/project/process_import/", confirm)
    assert response.status_code == 302
    assert Project.objects.filter(slug="atelier-de-decoupe-du-bois").exists()


def test_admin_import_with_a_bad_row_shows_the_line_and_saves_nothing(seeded, admin_client):
    upload = csv_file([*GOOD_ROWS, {"intitulé": "Projet X", "porteurs": "Porteur inconnu"}])
    response = admin_client.post(
        "/admin/projects/project/import/", {"import_file": upload, "format": "0", "resource": "0"}
    )
    text = page_text(response.text)
    assert "« Porteur inconnu »" in text
    assert 'action="/admin/projects/project/process_import/"' not in response.text
    assert not Project.objects.filter(slug="atelier-de-decoupe-du-bois").exists()


def test_xlsx_round_trip(seeded):
    exported = ProjectResource().export().export("xlsx")
    dataset = tablib.Dataset().load(exported, format="xlsx")
    assert dataset.headers == HEADERS
    assert ProjectResource().import_data(dataset, dry_run=True).totals["error"] == 0


def test_export_columns_and_french_labels(seeded, admin_client):
    dataset = ProjectResource().export()
    assert dataset.headers == HEADERS
    row = dict(
        zip(
            dataset.headers,
            dataset[[r[0] for r in dataset].index("1-stagiaire-1-opportunite")],
            strict=True,
        )
    )
    assert row["porteurs"] in ("Mission locale|Pôle emploi", "Pôle emploi|Mission locale")
    assert row["état"] == "Présenté"
    assert row["publication"] == "Publié"

    holders = ProjectHolderResource().export()
    assert holders.headers == [
        "slug", "nom", "type de structure", "présentation", "site internet",
        "intercommunalité", "publication",
    ]  # fmt: skip
    assert "Entreprise" in holders["type de structure"]
    assert len(holders) == ProjectHolder.objects.count()


def test_admin_export_downloads_a_csv(seeded, admin_client):
    page = admin_client.get("/admin/projects/project/export/")
    data = form_data(page.text) | {"format": "0"}
    response = admin_client.post("/admin/projects/project/export/", data)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    body = b"".join(response.streaming_content) if response.streaming else response.content
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    assert rows[0] == HEADERS
    assert "Projet «\u00a0Catamaran\u00a0»" in [row[1] for row in rows]
