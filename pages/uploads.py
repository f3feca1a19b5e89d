"""Validation of what staff upload: real images and real office documents only.

Each check answers with a French message an editor can act on; nothing is trusted from the
file name or the browser's content type alone.
"""

import warnings
from pathlib import Path

from django.core.exceptions import ValidationError
from django.utils.formats import number_format
from PIL import Image, UnidentifiedImageError

MAX_IMAGE_BYTES = 10_000_000
MAX_IMAGE_PIXELS = 40_000_000  # 40 Mpx: any real photo, not a decompression bomb
IMAGE_FORMATS = {"JPEG": "JPEG", "PNG": "PNG", "WEBP": "WebP"}
IMAGE_EXTENSIONS = ["jpg", "jpeg", "png", "webp"]

MAX_DOCUMENT_BYTES = 20_000_000
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy Microsoft Office
_ZIP = b"PK\x03\x04"  # OOXML and OpenDocument
DOCUMENT_TYPES = {
    # extension: (label shown to visitors, expected first bytes)
    "pdf": ("PDF", b"%PDF-"),
    "odt": ("OpenDocument texte", _ZIP),
    "ods": ("OpenDocument tableur", _ZIP),
    "odp": ("OpenDocument présentation", _ZIP),
    "docx": ("Word", _ZIP),
    "xlsx": ("Excel", _ZIP),
    "pptx": ("PowerPoint", _ZIP),
    "doc": ("Word", _OLE),
    "xls": ("Excel", _OLE),
    "ppt": ("PowerPoint", _OLE),
}


def file_size_label(size):
    """A size as French readers write it, in decimal units: « 850 ko », « 1,2 Mo »."""
    if size < 1000:
        return f"{size} octet{'s' if size > 1 else ''}"
    if size < 1_000_000:
        return f"{round(size / 1000)} ko"
    megabytes = round(size / 1_000_000, 1)
    decimals = 0 if megabytes.is_integer() else 1
    return f"{number_format(megabytes, decimals, use_l10n=True)}\u00a0Mo"


def _too_big(upload, limit):
    return ValidationError(
        "Le fichier pèse %(size)s ; la limite est de %(limit)s.",
        code="file_too_large",
        params={"size": file_size_label(upload.size), "limit": file_size_label(limit)},
    )


def validate_image_file(upload):
    if upload.size > MAX_IMAGE_BYTES:
        raise _too_big(upload, MAX_IMAGE_BYTES)
    not_an_image = ValidationError(
        "Ce fichier n'est pas une image lisible. Formats acceptés : JPEG, PNG, WebP.",
        code="invalid_image",
    )
    position = upload.tell()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(upload) as image:
                width, height = image.size
                if width * height > MAX_IMAGE_PIXELS:
                    raise ValidationError(
                        "L'image mesure %(width)s × %(height)s pixels ; la limite est de "
                        "40 millions de pixels. Réduisez-la avant de l'envoyer.",
                        code="image_too_large",
                        params={"width": width, "height": height},
                    )
                if image.format not in IMAGE_FORMATS:
                    raise ValidationError(
                        "Le format %(format)s n'est pas accepté. Formats acceptés : JPEG, PNG, "
                        "WebP.",
                        code="image_format",
                        params={"format": image.format},
                    )
                image.verify()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise ValidationError(
            "L'image est anormalement grande et a été refusée par sécurité.", code="image_bomb"
        ) from error
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise not_an_image from error
    finally:
        upload.seek(position)


def document_extension(name):
    return Path(name).suffix.lower().lstrip(".")


def validate_document_file(upload):
    extension = document_extension(upload.name)
    if extension not in DOCUMENT_TYPES:
        raise ValidationError(
            "Ce type de fichier n'est pas accepté. Types acceptés : %(types)s.",
            code="document_type",
            params={"types": ", ".join(sorted(DOCUMENT_TYPES))},
        )
    if upload.size > MAX_DOCUMENT_BYTES:
        raise _too_big(upload, MAX_DOCUMENT_BYTES)
    position = upload.tell()
    upload.seek(0)
    head = upload.read(8)
    upload.seek(position)
    if not head.startswith(DOCUMENT_TYPES[extension][1]):
        raise ValidationError(
            "Le contenu de ce fichier ne correspond pas à son extension « .%(extension)s ».",
            code="document_content",
            params={"extension": extension},
        )
