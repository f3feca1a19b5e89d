"""Images and documents that staff upload: validation, renditions, clean-up."""

import io
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from PIL import Image

from pages.models import NewsArticle
from pages.uploads import validate_document_file, validate_image_file

from . import builders, media_files
from .crawl import page_text
from .forms import form_data

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (lambda: media_files.text_as("photo.jpg"), "n'est pas une image lisible"),
        (lambda: media_files.oversized("enorme.jpg"), "la limite est de 10\u00a0Mo"),
        (lambda: media_files.bomb(), "40 millions de pixels"),
        (lambda: media_files.photo(40, 30, "GIF", "anim.gif"), "Le format GIF n'est pas accepté"),
    ],
    ids=["text-renamed-jpg", "oversized", "decompression-bomb", "gif"],
)
def test_bad_images_are_refused_with_a_french_message(upload, message):
    with pytest.raises(ValidationError) as excinfo:
        validate_image_file(upload())
    assert message in " ".join(excinfo.value.messages)


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP"])
def test_real_images_are_accepted(fmt):
    validate_image_file(media_files.photo(64, 48, fmt, f"photo.{fmt.lower()}"))


def add_news_in_admin(client, **fields):
    page = client.get("/admin/pages/newsarticle/add/")
    data = form_data(page.text, "newsarticle_form") | {
        "title": "Réunion publique",
        "slug": "reunion-publique",
        "body": "<p>Le texte rédigé.</p>",
        **fields,
    }
    return client.post("/admin/pages/newsarticle/add/", data)


def test_admin_refuses_a_fake_image_and_keeps_what_was_typed(admin_client):
    response = add_news_in_admin(admin_client, image=media_files.text_as("photo.jpg"))
    assert response.status_code == 200
    assert "Téléversez une image valide" in page_text(response.text)
    assert "Réunion publique" in response.text  # the editor's work is still in the form
    assert not NewsArticle.objects.exists()


def test_an_image_needs_alt_text_or_the_decorative_box(admin_client):
    response = add_news_in_admin(admin_client, image=media_files.photo(800, 600))
    assert "Décrivez l'image, ou cochez « image décorative »" in page_text(response.text)
    assert not NewsArticle.objects.exists()

    response = add_news_in_admin(
        admin_client, image=media_files.photo(800, 600), image_decorative="on"
    )
    assert response.status_code == 302
    assert NewsArticle.objects.get().image_alt_text == ""


def test_a_big_photo_reaches_a_phone_as_a_small_webp(client, settings):
    article = builders.news(image=media_files.photo(), image_alt="Vue de l'usine")
    html = client.get(article.get_absolute_url()).text

    assert article.image.url not in html  # never the original upload
    img = html[html.index("<img") : html.index(">", html.index("<img"))]
    assert 'alt="Vue de l\'usine"' in img.replace("&#x27;", "'")
    assert 'width="960" height="720"' in img
    assert "sizes=" in img
    srcset = img.split('srcset="')[1].split('"')[0]
    entries = [entry.rsplit(" ", 1) for entry in srcset.split(", ")]
    assert [w for _, w in entries] == ["480w", "960w", "1600w"]

    phone_url = entries[0][0]
    data = (Path(settings.MEDIA_ROOT) / phone_url.removeprefix(settings.MEDIA_URL)).read_bytes()
    with Image.open(io.BytesIO(data)) as rendition:
        assert rendition.format == "WEBP"
        assert rendition.size == (480, 360)


def test_small_images_are_never_enlarged(client):
    article = builders.news(image=media_files.photo(600, 400), image_alt="Petite image")
    html = client.get(article.get_absolute_url()).text
    srcset = html.split('srcset="')[1].split('"')[0]
    assert [e.rsplit(" ", 1)[1] for e in srcset.split(", ")] == ["480w", "600w"]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("compte-rendu.pdf", b"Juste du texte", "ne correspond pas à son extension"),
        ("programme.exe", b"MZ\x90\x00", "n'est pas accepté"),
        ("page.html", b"<script>alert(1)</script>", "n'est pas accepté"),
        ("dessin.svg", b"<svg onload=alert(1)>", "n'est pas accepté"),
    ],
)
def test_bad_documents_are_refused(name, content, message):
    from django.core.files.uploadedfile import SimpleUploadedFile

    with pytest.raises(ValidationError) as excinfo:
        validate_document_file(SimpleUploadedFile(name, content))
    assert message in " ".join(excinfo.value.messages)


def test_oversized_document_is_refused():
    with pytest.raises(ValidationError) as excinfo:
        validate_document_file(media_files.oversized("gros.pdf", megabytes=21))
    assert "la limite est de 20\u00a0Mo" in " ".join(excinfo.value.messages)


def test_documents_are_listed_with_type_and_size(client):
    article = builders.news()
    builders.document(
        article, title="Présentation détaillée", content=b"%PDF-1.7\n" + b"x" * 1_200_000
    )
    text = client.get(article.get_absolute_url()).text
    assert "Présentation détaillée" in text
    assert "(PDF – 1,2\u00a0Mo)" in text


def test_documents_on_meetings_and_projects(client):
    meeting = builders.event()
    project = builders.project()
    builders.document(meeting, title="Compte rendu")
    builders.document(project, title="Fiche projet", name="fiche.odt", content=b"PK\x03\x04rest")
    assert "Compte rendu" in client.get(meeting.get_absolute_url()).text
    assert "OpenDocument texte" in client.get(project.get_absolute_url()).text


def test_replacing_or_deleting_files_leaves_no_orphan(django_capture_on_commit_callbacks):
    # django-cleanup removes files once the transaction commits.
    article = builders.news(image=media_files.photo(64, 48), image_alt="Première")
    first = Path(article.image.path)
    with django_capture_on_commit_callbacks(execute=True):
        article.image = media_files.photo(64, 48, name="seconde.jpg")
        article.save()
    assert not first.exists()
    assert Path(article.image.path).exists()

    document = builders.document(article)
    path = Path(document.file.path)
    with django_capture_on_commit_callbacks(execute=True):
        document.delete()
    assert not path.exists()

    second = Path(article.image.path)
    with django_capture_on_commit_callbacks(execute=True):
        article.delete()
    assert not second.exists()


def test_renditions_of_deleted_images_are_cleaned(client, media_root):
    from django.core.management import call_command

    kept = builders.news(image=media_files.photo(640, 480, name="gardee.jpg"), image_alt="x")
    gone = builders.news(image=media_files.photo(640, 480, name="supprimee.jpg"), image_alt="y")
    for article in (kept, gone):
        client.get(article.get_absolute_url())  # renditions are made on first view
    renditions = media_root / "renditions"
    assert len(list(renditions.rglob("*.webp"))) == 4
    Path(gone.image.path).unlink()

    call_command("clean_renditions", stdout=io.StringIO())

    left = list(renditions.rglob("*.webp"))
    assert len(left) == 2
    assert all("gardee" in str(path) for path in left)
