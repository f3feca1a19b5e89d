"""An editor's round trip through a spreadsheet, in Chromium, under the production CSP.

Export the projects as Excel, edit the file, meanwhile a colleague changes a project in the
admin; the import reports both bad rows by their spreadsheet numbers, then holds back the
row the colleague changed until the editor ticks the confirmation.
"""

import openpyxl

from projects.models import Project

SUMMARY_COLUMN = "résumé"


def console_errors(page):
    """Errors (CSP violations included) reported on the import and export screens."""
    errors = []

    def record(text):
        if "/import/" in page.url or "/export/" in page.url or "process_import" in page.url:
            errors.append(f"{page.url}: {text}")

    page.on("console", lambda message: message.type == "error" and record(message.text))
    page.on("pageerror", lambda error: record(str(error)))
    return errors


def cells(path):
    book = openpyxl.load_workbook(path)
    sheet = book.active
    headers = [cell.value for cell in sheet[1]]
    return book, sheet, {name: headers.index(name) + 1 for name in headers}


def set_cell(path, row, column, value):
    book, sheet, columns = cells(path)
    previous = sheet.cell(row=row, column=columns[column]).value
    sheet.cell(row=row, column=columns[column]).value = value
    book.save(path)
    return previous


def read_cell(path, row, column):
    _, sheet, columns = cells(path)
    return sheet.cell(row=row, column=columns[column]).value


def send(page, site, path):
    page.goto(site + "/admin/projects/project/import/")
    page.set_input_files("#id_import_file", str(path))
    page.get_by_role("button", name="Voir l'aperçu").click()
    return page.locator("#content-main").inner_text()


def test_export_edit_import_with_errors_and_a_stale_row(site, editor_page, tmp_path):
    page = editor_page
    errors = console_errors(page)

    # Export, checking « Tout sélectionner » works under the CSP.
    page.goto(site + "/admin/projects/project/export/")
    toggle = page.locator("#select-all-toggle")
    columns = page.locator('.selectable-field-export-row input[type="checkbox"]')
    assert columns.count() == 13
    toggle.uncheck()
    assert all(not box.is_checked() for box in columns.all())
    toggle.check()
    assert all(box.is_checked() for box in columns.all())
    with page.expect_download() as download:
        page.get_by_role("button", name="Exporter").click()
    assert download.value.suggested_filename.startswith("projets-")
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    assert errors == []

    # The editor's changes: one summary, and two bad rows (spreadsheet rows 3 and 5).
    edited_slug = read_cell(path, 2, "slug")
    stale_slug = read_cell(path, 4, "slug")
    set_cell(path, 2, SUMMARY_COLUMN, "Résumé revu dans le tableur")
    holders = set_cell(path, 3, "porteurs", "Porteur inconnu")
    status = set_cell(path, 5, "état", "Terminé ?")

    # Meanwhile a colleague changes the project on row 4 in the admin.
    stale = Project.objects.get(slug=stale_slug)
    page.goto(site + f"/admin/projects/project/{stale.pk}/change/")
    page.fill("#id_summary", "Résumé écrit par une collègue après l'export")
    page.get_by_role("button", name="Enregistrer", exact=True).click()
    page.wait_for_url(site + "/admin/projects/project/")

    # First import: both errors, by spreadsheet row, nothing written.
    text = send(page, site, path)
    assert "Rien n'a été importé : 2 lignes à corriger" in text
    assert "Ligne 3" in text and "colonne « porteurs »" in text and "Porteur inconnu" in text
    assert "Ligne 5" in text and "colonne « état »" in text and "Terminé ?" in text
    assert Project.objects.get(slug=edited_slug).summary != "Résumé revu dans le tableur"

    # Fixed: the preview flags the row changed since the export.
    set_cell(path, 3, "porteurs", holders)
    set_cell(path, 5, "état", status)
    text = send(page, site, path)
    assert "modifié depuis l'export le" in text
    page.get_by_role("button", name="Confirmer l'import").click()
    notice = page.locator(".messagelist").inner_text()
    assert "1 ligne non appliquée" in notice
    stale.refresh_from_db()
    assert stale.summary == "Résumé écrit par une collègue après l'export"
    assert Project.objects.get(slug=edited_slug).summary == "Résumé revu dans le tableur"

    # Again, ticking the confirmation: the row is applied.
    send(page, site, path)
    page.get_by_label("Appliquer aussi les lignes modifiées depuis l'export").check()
    page.get_by_role("button", name="Confirmer l'import").click()
    assert "non appliquée" not in page.locator(".messagelist").inner_text()
    stale.refresh_from_db()
    assert stale.summary == (read_cell(path, 4, SUMMARY_COLUMN) or "")
    assert errors == []
