"""A Rédacteur's day in Chromium, under the production CSP: phone photos, a PDF, the image
library, editing twice, replacing and restoring a photo, a news item going live on time."""

import datetime
import io
import time

from django.utils import timezone
from PIL import Image as PILImage

from core.models import Image
from projects.models import Project, ProjectHolder
from tests import media_files


def heic_photo(name):
    """A photo as an iPhone sends it."""
    return {"name": name, "mimeType": "image/heic", "buffer": media_files.phone_photo().read()}


def jpeg_photo(name, colour):
    buffer = io.BytesIO()
    PILImage.new("RGB", (640, 480), colour).save(buffer, "JPEG")
    return {"name": name, "mimeType": "image/jpeg", "buffer": buffer.getvalue()}


def saved(page):
    """The admin confirms a save with a success message (and no error note)."""
    page.wait_for_selector(".messagelist .success")
    assert not page.locator(".errornote").count()


def choose(page, field_id, text):
    """Pick `text` in an admin autocomplete (select2) by typing part of it."""
    page.click(f"#{field_id} + .select2 .select2-selection")
    search = page.locator(".select2-container--open .select2-search__field")
    search.fill(text[:6])
    page.locator(".select2-results__option", has_text=text).first.click()


def add_image_through_popup(page, file, alt):
    with page.expect_popup() as info:
        page.click("#add_id_image")
    popup = info.value
    popup.set_input_files("#id_file", files=[file])
    popup.fill("#id_alt", alt)
    popup.fill("#id_credit", "Photo : équipe du territoire")
    with popup.expect_event("close"):
        popup.click("input[name=_save]")


def public_image_src(context, url):
    visitor = context.browser.new_context()
    page = visitor.new_page()
    page.goto(url)
    src = page.locator("main img").first.get_attribute("src")
    alt = page.locator("main img").first.get_attribute("alt")
    visitor.close()
    return src, alt


def test_holder_and_project_with_phone_photos_a_pdf_edited_twice_replaced_and_restored(
    site, editor_page, context
):
    page = editor_page

    # A holder, with its logo taken with a phone (HEIC).
    page.goto(site + "/admin/projects/projectholder/add/")
    page.fill("#id_name", "Fonderie de l'Auxois")
    page.select_option("#id_kind", "company")
    add_image_through_popup(page, heic_photo("IMG_2041.HEIC"), "Enseigne de la fonderie")
    page.select_option("#id_status", "published")
    page.click("input[name=_save]")
    saved(page)
    holder = ProjectHolder.objects.get(name="Fonderie de l'Auxois")
    assert holder.image.file.name.endswith(".jpg")

    # A project with another phone photo and a PDF, held by that holder.
    page.goto(site + "/admin/projects/project/add/")
    page.fill("#id_title", "Four à induction mutualisé")
    choose(page, "id_holders", "Fonderie de l'Auxois")
    add_image_through_popup(page, heic_photo("IMG_2042.HEIC"), "Le four en chauffe")
    page.click("#core-document-content_type-object_id-group .add-row a")  # documents' inline
    page.fill("input[name$='-0-title']", "Fiche du projet")
    page.set_input_files(
        "input[name$='-0-file']",
        files=[{"name": "fiche.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4\n%%EOF"}],
    )
    page.select_option("#id_status", "published")
    page.click("input[name=_save]")
    saved(page)
    project = Project.objects.get(title="Four à induction mutualisé")
    assert project.documents.count() == 1

    # The second and third visits: change only the words, the photo stays.
    for title in ("Four à induction partagé", "Four à induction partagé (2020)"):
        page.goto(site + f"/admin/projects/project/{project.pk}/change/")
        page.fill("#id_title", title)
        page.click("input[name=_save]")
        saved(page)
    project.refresh_from_db()
    assert project.title == "Four à induction partagé (2020)"
    first_src, alt = public_image_src(context, site + project.get_absolute_url())
    assert alt == "Le four en chauffe"
    for _ in range(2):
        page.goto(site + f"/admin/projects/projectholder/{holder.pk}/change/")
        page.fill("#id_description", "Une fonderie de l'Auxois.")
        page.click("input[name=_save]")
        saved(page)

    # Replace the photo in the library, then restore its first version.
    photo = project.image
    page.goto(site + f"/admin/core/image/{photo.pk}/change/")
    page.set_input_files("#id_file", files=[jpeg_photo("nouvelle.jpg", (20, 90, 160))])
    page.click("input[name=_save]")
    saved(page)
    replaced_src, _ = public_image_src(context, site + project.get_absolute_url())
    assert replaced_src != first_src

    page.goto(site + f"/admin/core/image/{photo.pk}/history/")
    first_version = photo.history.earliest("history_date").history_id
    page.click(f"#change-history a[href$='/history/{first_version}/']")
    page.click("input[type=submit]")
    saved(page)
    restored_src, _ = public_image_src(context, site + project.get_absolute_url())
    assert restored_src == first_src
    assert page.request.get(site + restored_src).headers["content-type"] == "image/webp"

    # The same picture on a news item, chosen by search in the library.
    page.goto(site + "/admin/pages/newsarticle/add/")
    page.fill("#id_title", "Le four à induction est arrivé")
    choose(page, "id_image", Image.objects.get(pk=photo.pk).title)
    page.select_option("#id_status", "published")
    page.click("input[name=_save]")
    saved(page)
    news = project.image.newsarticle_set.get()
    news_src, _ = public_image_src(context, site + news.get_absolute_url())
    assert news_src == first_src
    assert Image.objects.count() == 2  # uploaded once each, never copied


def test_a_scheduled_news_item_goes_live_by_itself(site, editor_page, context):
    page = editor_page
    at = timezone.localtime() + datetime.timedelta(seconds=15)  # a slow machine is slow
    page.goto(site + "/admin/pages/newsarticle/add/")
    page.fill("#id_title", "Réunion publique à Saulieu")
    page.fill("#id_published_at_0", at.strftime("%d/%m/%Y"))
    page.fill("#id_published_at_1", at.strftime("%H:%M:%S"))
    page.select_option("#id_status", "published")
    page.click("input[name=_save]")
    saved(page)

    visitor = context.browser.new_context().new_page()
    visitor.goto(site + "/actualites/")
    assert timezone.localtime() < at, "the machine was too slow to see the item before its time"
    assert "Réunion publique à Saulieu" not in visitor.content()
    time.sleep(max(0.0, (at - timezone.localtime()).total_seconds()) + 1.2)
    visitor.goto(site + "/actualites/")
    assert "Réunion publique à Saulieu" in visitor.content()
