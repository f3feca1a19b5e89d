"""Serving uploaded files so that none can run as a page or a script.

Uploads are validated (real images, real office documents, no SVG), and served with a
content type chosen from the extension here, `nosniff`, a sandboxing Content-Security-Policy,
and `Content-Disposition: attachment` for documents. Behind a reverse proxy or with object
storage, configure the same headers there (README, « Déploiement »).
"""

from pathlib import Path

from django.conf import settings
from django.http import Http404
from django.views.static import serve

from .uploads import DOCUMENT_TYPES

CONTENT_TYPES = {
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "png": "image/png",
    "webp": "image/webp",
    "pdf": "application/pdf",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "odp": "application/vnd.oasis.opendocument.presentation",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "doc": "application/msword",
    "xls": "application/vnd.ms-excel",
    "ppt": "application/vnd.ms-powerpoint",
}


def document_is_visible(request, path):
    """A document is public only while what it is attached to is published."""
    from .models import Document

    document = Document.objects.filter(file=path).first()
    if document is None:
        return False
    owner = document.content_object
    return request.user.is_staff or bool(owner and getattr(owner, "is_public", False))


def serve_media(request, path):
    extension = Path(path).suffix.lower().lstrip(".")
    if extension not in CONTENT_TYPES:
        raise Http404("Fichier introuvable.")
    if extension in DOCUMENT_TYPES and not document_is_visible(request, path):
        raise Http404("Fichier introuvable.")
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    response["Content-Type"] = CONTENT_TYPES[extension]
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    if extension in DOCUMENT_TYPES:
        response["Content-Disposition"] = f'attachment; filename="{Path(path).name}"'
    response["Cache-Control"] = "public, max-age=86400"
    return response
