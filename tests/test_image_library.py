"""The image library, and the second visit: saving again, replacing, restoring, cleaning up."""

import io
import os
import re
import time
from pathlib import Path

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command

from core.models import Image
from pages.models import NewsArticle, Page
from projects.models import Project, ProjectHolder

from . import builders, media_files
from .crawl import page_text
from .forms import form_data

pytestmark = pytest.mark.django_db

ILLUSTRATED = {
    "page": (Page, builders.page, "title"),
    "news": (NewsArticle, builders.news, "title"),
    "project": (Project, builders.project, "title"),
    "holder": (ProjectHolder, builders.holder, "name"),
}


def admin_url(obj, view="change"):
    opts = obj._meta
    return f"/admin/{opts.app_label}/{opts.model_name}/{obj.pk}/{view}/"


def save_again(client, obj, **changes):
    """Open the item's admin form and submit it as a browser would, with a few changes."""
    url = admin_url(obj)
    data = form_data(client.get(url).text, f"{obj._meta.model_name}_form") | changes
    return client.post(url, data)


@pytest.mark.parametrize("kind", ILLUSTRATED)
def test_an_item_with_a_photo_saves_again_and_again(editor_client, kind):
    model, build, name_field = ILLUSTRATED[kind]
    photo = builders.image()
    item = build(image=photo)
    builders.document(item) if hasattr(item, "documents") else None

    for title in ("Nouvel intitulé", "Intitulé corrigé"):
        response = save_again(editor_client, item, **{name_field: title})
        assert response.status_code == 302, page_text(response.text)[:1500]
        item.refresh_from_db()
        assert getattr(item, name_field) == title
        assert item.image == photo
    if hasattr(item, "documents"):
        assert item.documents.get().file_size > 0


def test_a_library_image_is_edited_again_without_sending_its_file_again(editor_client):
    photo = builders.image(alt="Première description")
    for alt in ("Deuxième description", "Troisième description"):
        response = save_again(editor_client, photo, alt=alt)
        assert response.status_code == 302, page_text(response.text)[:1500]
    photo.refresh_from_db()
    assert photo.alt == "Troisième description"


def test_an_editor_adds_an_image_to_the_library_and_chooses_it_by_search(editor_client):
    add = "/admin/core/image/add/"
    data = form_data(editor_client.get(add).text, "image_form") | {
        "file": media_files.phone_photo("HEIF", "IMG_0007.HEIC"),
        "alt": "Lycée Eugène Guillaume, atelier de contrôle non destructif",
        "credit": "Photo : lycée Eugène Guillaume",
    }
    assert editor_client.post(add, data).status_code == 302
    image = Image.objects.get()

    found = editor_client.get(
        "/admin/autocomplete/",
        {"app_label": "projects", "model_name": "project", "field_name": "image", "term": "lycée"},
    ).json()
    assert [r["id"] for r in found["results"]] == [str(image.pk)]


def test_an_image_needs_alt_text_or_the_decorative_box(editor_client):
    add = "/admin/core/image/add/"
    data = form_data(editor_client.get(add).text, "image_form")
    response = editor_client.post(add, data | {"file": media_files.photo(800, 600)})
    assert "Décrivez l'image, ou cochez « image décorative »" in page_text(response.text)
    assert not Image.objects.exists()

    response = editor_client.post(
        add, data | {"file": media_files.photo(800, 600), "decorative": "on"}
    )
    assert response.status_code == 302
    assert Image.objects.get().alt_text == ""


def test_a_bad_upload_is_refused_in_french_and_loses_nothing_typed(editor_client):
    add = "/admin/core/image/add/"
    data = form_data(editor_client.get(add).text, "image_form") | {
        "alt": "Une description soignée",
        "file": media_files.photo(40, 30, "GIF", "anim.gif"),
    }
    response = editor_client.post(add, data)
    assert response.status_code == 200
    assert "Le format GIF n'est pas accepté" in page_text(response.text)
    assert "Une description soignée" in response.text
    assert not Image.objects.exists()


def test_one_image_serves_several_items_and_the_library_lists_its_uses(editor_client, client):
    photo = builders.image(alt="Vue de l'usine")
    news = builders.news(title="Inauguration", image=photo)
    project = builders.project(title="Projet « Catamaran »", image=photo)

    for item in (news, project):
        html = client.get(item.get_absolute_url()).text
        assert 'alt="Vue de l&#x27;usine"' in html
    assert Image.objects.count() == 1
    uses = page_text(editor_client.get(admin_url(photo)).text)
    assert "Inauguration (actualité)" in uses
    assert "Projet « Catamaran » (projet)" in uses


def test_an_image_in_use_cannot_be_deleted_and_the_refusal_lists_its_uses(admin_client):
    photo = builders.image()
    builders.news(title="Inauguration", image=photo)

    page = admin_client.get(admin_url(photo, "delete"))
    assert "Inauguration" in page_text(page.text)
    admin_client.post(admin_url(photo, "delete"), {"post": "yes"})
    assert Image.objects.filter(pk=photo.pk).exists()

    unused = builders.image()
    admin_client.post(admin_url(unused, "delete"), {"post": "yes"})
    assert not Image.objects.filter(pk=unused.pk).exists()


def test_an_editor_cannot_delete_images(editor_client):
    photo = builders.image()
    assert editor_client.post(admin_url(photo, "delete"), {"post": "yes"}).status_code == 403
    assert Image.objects.filter(pk=photo.pk).exists()


def test_renditions_are_made_when_the_editor_saves_never_while_a_visitor_waits(
    client, media_root, monkeypatch
):
    photo = builders.image(file=media_files.photo(2000, 1500))
    made = sorted(p.name for p in (media_root / "renditions").rglob("*.webp"))
    assert len(made) == 3  # 480, 960 and 1600 px wide, before anyone asked

    def no_work_for_visitors(*args, **kwargs):
        raise AssertionError("a rendition was made during a visitor's request")

    monkeypatch.setattr("imagekit.cachefiles.ImageCacheFile.generate", no_work_for_visitors)
    news = builders.news(image=photo)
    response = client.get(news.get_absolute_url())
    assert response.status_code == 200
    assert "1600w" in response.text


def test_replacing_an_image_file_and_restoring_the_first_version(editor_client, media_root):
    photo = builders.image(file=media_files.photo(640, 480, name="premiere.jpg"), alt="Avant")
    first_file = photo.file.name
    save_again(
        editor_client, photo, file=media_files.photo(800, 600, name="seconde.jpg"), alt="Après"
    )
    photo.refresh_from_db()
    assert photo.file.name != first_file
    assert default_storage.exists(first_file)  # an earlier version still points to it

    call_command("clean_media", min_age=0, stdout=io.StringIO())
    assert default_storage.exists(first_file)

    response = restore(editor_client, photo, photo.history.earliest("history_date"))
    assert response.status_code == 302, page_text(response.text)[:1500]
    photo.refresh_from_db()
    assert (photo.file.name, photo.alt, photo.width) == (first_file, "Avant", 640)
    stem = Path(first_file).with_suffix("")
    assert len(list((media_root / "renditions" / stem).glob("*.webp"))) == 2  # 480, 640


def test_restoring_an_item_version_brings_back_its_former_image(editor_client, client):
    first, second = builders.image(alt="Première photo"), builders.image(alt="Seconde photo")
    project = builders.project(image=first)
    save_again(editor_client, project, image=second.pk)
    project.refresh_from_db()
    assert project.image == second

    response = restore(editor_client, project, project.history.earliest("history_date"))
    assert response.status_code == 302, page_text(response.text)[:1500]
    project.refresh_from_db()
    assert project.image == first
    assert 'alt="Première photo"' in client.get(project.get_absolute_url()).text


def restore(client, obj, version):
    """Submit the admin's « Rétablir » form of an earlier version, as the editor does."""
    url = f"{admin_url(obj, 'history')}{version.history_id}/"
    data = form_data(client.get(url).text, f"historical{obj._meta.model_name}_form")
    return client.post(url, data)


def _age_everything(media_root, hours, but):
    then = time.time() - hours * 3600
    for path in media_root.rglob("*"):
        if path.is_file() and path != Path(default_storage.path(but)):
            os.utime(path, (then, then))


def test_clean_media_removes_only_what_nothing_and_no_version_uses(media_root):
    kept = builders.image()
    replaced = builders.image()
    old_file = replaced.file.name
    replaced.file = media_files.photo(320, 240, name="nouvelle.jpg")
    replaced.save()
    document = builders.document(builders.event())
    stray = default_storage.save("documents/perdu/oublie.pdf", io.BytesIO(b"%PDF-1.4"))
    fresh = default_storage.save("images/2026/11/en-cours.jpg", io.BytesIO(b"..."))
    _age_everything(media_root, 48, but=fresh)

    out = io.StringIO()
    call_command("clean_media", stdout=out)

    assert not default_storage.exists(stray)  # nothing points to it
    for name in (kept.file.name, replaced.file.name, document.file.name, old_file, fresh):
        assert default_storage.exists(name), name
    old_renditions = media_root / "renditions" / Path(old_file).with_suffix("")
    assert not any(old_renditions.rglob("*.webp"))  # remade if the old version is restored
    current = media_root / "renditions" / Path(kept.file.name).with_suffix("")
    assert any(current.rglob("*.webp"))
    assert "fichier(s) supprimé(s)" in out.getvalue()


def test_documents_keep_their_name_but_not_a_guessable_address():
    document = builders.document(builders.event(), name="compte-rendu-comite.pdf")
    folder, name = Path(document.file.name).parent, Path(document.file.name).name
    assert name == "compte-rendu-comite.pdf"
    assert len(folder.name) == 32  # a random folder


def test_make_renditions_remakes_what_went_missing(media_root):
    photo = builders.image(file=media_files.photo(1200, 900))
    for rendition in (media_root / "renditions").rglob("*.webp"):
        rendition.unlink()
    call_command("make_renditions", stdout=io.StringIO())
    assert len(list((media_root / "renditions").rglob("*.webp"))) == 3
    assert photo.file.name.startswith("images/")


def test_images_are_private_until_an_item_showing_them_is_published(client, admin_client):
    photo = builders.image()
    draft = builders.news(title="Pas encore publiée", image=photo, status="draft")
    preview = admin_client.get(draft.get_absolute_url()).text
    rendition = re.search(r'src="(/media/renditions/[^"]+\.webp)"', preview)[1]

    assert client.get(rendition).status_code == 404
    assert client.get(photo.file.url).status_code == 404
    assert admin_client.get(rendition).status_code == 200  # staff preview

    draft.status = "published"
    draft.save()
    response = client.get(rendition)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/webp"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert client.get(photo.file.url).status_code == 404  # originals: never to visitors
    assert admin_client.get(photo.file.url).status_code == 200
