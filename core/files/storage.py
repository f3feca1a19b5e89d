"""Uploaded files on S3-compatible object storage (Scaleway, OVH, MinIO, AWS…), shared by
every host, when `MEDIA_STORAGE=s3`.

Files stay private in the bucket; their addresses stay on the site (`/media/…`), where
`core.files.media` decides who may see each one and streams it from the bucket.
"""

from django.conf import settings
from storages.backends.s3 import S3Storage


class MediaS3Storage(S3Storage):
    def url(self, name, *args, **kwargs):
        return f"{settings.MEDIA_URL}{name}"
