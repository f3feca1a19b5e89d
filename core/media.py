"""Serving uploaded files so that none can run as a page or a script.

Uploads are validated (real images, real office documents, no SVG), and served with a
content type chosen from the extension (`uploads.FORMATS`), `nosniff`, a sandboxing
Content-Security-Policy, and `Content-Disposition: attachment` for documents. Behind a reverse
proxy or with object storage, configure the same headers there (README, « Déploiement »).
"""

from pathlib import Path

from django.conf import settings
from django.http import Http404
from django.views.static import serve

from .uploads import file_format


def document_is_visible(request, path):
    """A document is public only while what it is attached to is published."""
    from pages.models import Document

    document = Document.objects.filter(file=path).first()
    if document is None:
        return False
    owner = document.content_object
    return request.user.is_staff or bool(owner and getattr(owner, "is_public", False))


def serve_media(request, path):
    fmt = file_format(path)
    if fmt is None or (not fmt.is_image and not document_is_visible(request, path)):
        raise Http404("Fichier introuvable.")
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    response["Content-Type"] = fmt.content_type
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    if not fmt.is_image:
        response["Content-Disposition"] = f'attachment; filename="{Path(path).name}"'
    response["Cache-Control"] = "public, max-age=86400"
    return response
