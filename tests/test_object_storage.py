"""Uploads on S3-compatible object storage (a local moto server): images, renditions,
documents, privacy and clean-up work exactly as on disk."""

import io
import re

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command

from . import builders, media_files
from .services import S3Server

pytestmark = [pytest.mark.django_db, pytest.mark.slow]


@pytest.fixture
def bucket(settings):
    server = S3Server().start()
    env = server.environment()
    settings.STORAGES = settings.STORAGES | {
        "default": {
            "BACKEND": "core.files.storage.MediaS3Storage",
            "OPTIONS": {
                "bucket_name": env["AWS_STORAGE_BUCKET_NAME"],
                "endpoint_url": env["AWS_S3_ENDPOINT_URL"],
                "region_name": env["AWS_S3_REGION_NAME"],
                "access_key": env["AWS_ACCESS_KEY_ID"],
                "secret_key": env["AWS_SECRET_ACCESS_KEY"],
                "default_acl": None,
                "file_overwrite": False,
                "querystring_auth": False,
            },
        }
    }
    yield server
    server.stop()


def test_images_and_their_renditions_live_in_the_bucket(bucket, client):
    photo = builders.image(file=media_files.phone_photo("HEIF", "IMG_0001.HEIC"))
    news = builders.news(title="Dans le nuage", image=photo)
    keys = bucket.object_keys()
    assert photo.file.name in keys
    assert sum(key.startswith("renditions/") for key in keys) == 1  # 300 px wide: one copy

    html = client.get(news.get_absolute_url()).text
    src = re.search(r'src="(/media/renditions/[^"]+)"', html)[1]  # the site's address
    response = client.get(src)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/webp"
    assert b"".join(response.streaming_content)[:4] == b"RIFF"
    assert client.get(photo.file.url).status_code == 404  # originals stay private


def test_documents_download_from_the_bucket_only_while_public(bucket, client):
    draft = builders.news(status="draft")
    document = builders.document(draft, name="compte-rendu.pdf")
    assert document.file.name in bucket.object_keys()
    assert client.get(document.file.url).status_code == 404
    draft.status = "published"
    draft.save()
    response = client.get(document.file.url)
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="compte-rendu.pdf"'


def test_clean_media_works_on_the_bucket(bucket):
    kept = builders.image()
    stray = default_storage.save("documents/perdu/oublie.pdf", io.BytesIO(b"%PDF-1.4"))
    call_command("clean_media", min_age=0, stdout=io.StringIO())
    keys = bucket.object_keys()
    assert stray not in keys
    assert kept.file.name in keys
