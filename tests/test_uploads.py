"""What staff upload: validation with exact French messages, phone photos, documents."""

from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from PIL import Image

from core.files.uploads import validate_document_file, validate_image_file
from core.models import Image as LibraryImage

from . import builders, media_files

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


@pytest.mark.parametrize(
    ("fmt", "name"),
    [("JPEG", "photo.jpg"), ("JPEG", "photo.jfif"), ("JPEG", "photo.jpe"), ("PNG", "photo.png"),
     ("WEBP", "photo.webp")],
)  # fmt: skip
def test_real_images_are_accepted(fmt, name):
    validate_image_file(media_files.photo(64, 48, fmt, name))


def test_a_refusal_says_what_is_wrong_with_the_figures():
    with pytest.raises(ValidationError) as excinfo:
        validate_image_file(media_files.oversized("enorme.jpg"))
    assert "Le fichier pèse 11,5\u00a0Mo ; la limite est de 10\u00a0Mo" in excinfo.value.messages[0]
    with pytest.raises(ValidationError) as excinfo:
        validate_image_file(media_files.bomb())
    assert "8000 × 8000 pixels, soit 64 millions" in excinfo.value.messages[0]


def test_an_iphone_photo_is_accepted_turned_upright_and_stored_as_jpeg_without_gps():
    upload = media_files.phone_photo("HEIF", "IMG_2041.HEIC")
    validate_image_file(upload)
    image = LibraryImage.objects.create(file=upload, alt="Façade de l'atelier")
    assert image.file.name.endswith(".jpg")
    assert "IMG_2041" not in image.file.name  # the address of an original can't be guessed
    assert image.title == "IMG 2041"
    with Image.open(image.file.path) as stored:
        assert stored.format == "JPEG"
        assert stored.size == (300, 400)  # upright: the phone was held vertically
        assert not stored.getexif()  # no GPS position, no orientation left to apply
    assert (image.width, image.height) == (300, 400)


def test_a_camera_jpeg_is_turned_by_its_exif_orientation():
    image = LibraryImage.objects.create(
        file=media_files.phone_photo("JPEG", "DSC0001.JPG"), alt="Atelier"
    )
    with Image.open(image.file.path) as stored:
        assert stored.size == (300, 400)
        assert stored.getpixel((150, 10))[2] > 150  # the blue half is now on top
        assert not stored.getexif()


def test_a_web_image_without_metadata_is_stored_byte_for_byte():
    upload = media_files.photo(64, 48, "PNG", "schema.png")
    sent = upload.read()
    image = LibraryImage.objects.create(file=upload, alt="Schéma")
    assert Path(image.file.path).read_bytes() == sent


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
