"""Serving uploaded files: only what is public, never as a page or a script.

- An image's **original** is never served to visitors: pages show its renditions (WebP).
- A **rendition** is served while the image illustrates at least one published item; a
  **document** while what it is attached to is published. Staff see everything (preview).
- File names are random (see `core.models.Image` and `core.models.Document`): an address
  can't be guessed from another.
- Each file goes out with a content type chosen from its extension (`uploads.FORMATS`),
  `nosniff`, a sandboxing Content-Security-Policy, and `attachment` for documents.

Files are read through the storage, so the same rules hold on disk and on object storage.
"""

import contextlib
from pathlib import PurePosixPath

from django.conf import settings
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.utils.http import http_date

from core.files.uploads import file_format


def _rendition_source(path):
    """The library image a rendition was made from (`renditions/<source stem>/…`), or None."""
    from core.models import Image

    stem = str(PurePosixPath(path).parent.relative_to(settings.IMAGEKIT_CACHEFILE_DIR))
    return Image.objects.filter(file__startswith=f"{stem}.").first()


def is_public(path):
    """Whether a visitor may download this file."""
    fmt = file_format(path)
    if fmt is None:
        return False
    if not fmt.is_image:
        from core.models import Document

        document = Document.objects.filter(file=path).first()
        owner = document.content_object if document else None
        return bool(owner and getattr(owner, "is_public", False))
    if not path.startswith(f"{settings.IMAGEKIT_CACHEFILE_DIR}/"):
        return False  # an original
    image = _rendition_source(path)
    return bool(image and any(getattr(item, "is_public", False) for item, _ in image.uses()))


def serve_media(request, path):
    fmt = file_format(path)
    if fmt is None or ".." in PurePosixPath(path).parts:
        raise Http404("Fichier introuvable.")
    staff = request.user.is_staff
    if not staff and not is_public(path):
        raise Http404("Fichier introuvable.")
    try:
        file = default_storage.open(path, "rb")
    except (FileNotFoundError, OSError) as error:
        raise Http404("Fichier introuvable.") from error
    response = FileResponse(
        file,
        content_type=fmt.content_type,
        as_attachment=not fmt.is_image,
        filename=PurePosixPath(path).name,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store" if staff else "public, max-age=86400"
    with contextlib.suppress(NotImplementedError, OSError):
        response["Last-Modified"] = http_date(default_storage.get_modified_time(path).timestamp())
    return response
