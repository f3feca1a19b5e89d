"""What staff may upload, checked and prepared before it is stored.

Images come from phones and cameras as they are: JPEG (`.jpg`, `.jpeg`, `.jpe`, `.jfif`),
PNG, WebP, and HEIC/HEIF from iPhones (read by pillow-heif). Each refusal says exactly what is
wrong — format, weight or pixels — in French. An accepted photo is turned upright (EXIF
orientation), converted to JPEG when browsers can't show its format, and stripped of its
metadata (a phone photo carries the place it was taken).

Documents are PDF and office files, recognised by their first bytes, never by the name alone.
One table, `FORMATS`, says for each extension what it is, its content type and its signature;
the media view serves files with the same table.
"""

import io
import warnings
from dataclasses import dataclass
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.formats import number_format
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_IMAGE_BYTES = 10_000_000
MAX_IMAGE_PIXELS = 40_000_000  # 40 Mpx: any real photo, not a decompression bomb
MAX_DOCUMENT_BYTES = 20_000_000

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy Microsoft Office
_ZIP = b"PK\x03\x04"  # OOXML and OpenDocument


@dataclass(frozen=True)
class FileFormat:
    label: str  # shown to visitors: « PDF – 1,2 Mo »
    content_type: str
    signature: bytes = b""  # expected first bytes (documents)
    is_image: bool = False


_JPEG = FileFormat("JPEG", "image/jpeg", is_image=True)
_HEIF = FileFormat("HEIF", "image/heif", is_image=True)
FORMATS = {
    "jpg": _JPEG,
    "jpeg": _JPEG,
    "jpe": _JPEG,
    "jfif": _JPEG,
    "png": FileFormat("PNG", "image/png", is_image=True),
    "webp": FileFormat("WebP", "image/webp", is_image=True),
    "heic": _HEIF,
    "heif": _HEIF,
    "pdf": FileFormat("PDF", "application/pdf", b"%PDF-"),
    "odt": FileFormat("OpenDocument texte", "application/vnd.oasis.opendocument.text", _ZIP),
    "ods": FileFormat(
        "OpenDocument tableur", "application/vnd.oasis.opendocument.spreadsheet", _ZIP
    ),
    "odp": FileFormat(
        "OpenDocument présentation", "application/vnd.oasis.opendocument.presentation", _ZIP
    ),
    "docx": FileFormat(
        "Word",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        _ZIP,
    ),
    "xlsx": FileFormat(
        "Excel", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", _ZIP
    ),
    "pptx": FileFormat(
        "PowerPoint",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        _ZIP,
    ),
    "doc": FileFormat("Word", "application/msword", _OLE),
    "xls": FileFormat("Excel", "application/vnd.ms-excel", _OLE),
    "ppt": FileFormat("PowerPoint", "application/vnd.ms-powerpoint", _OLE),
}
IMAGE_EXTENSIONS = [ext for ext, fmt in FORMATS.items() if fmt.is_image]
DOCUMENT_EXTENSIONS = [ext for ext, fmt in FORMATS.items() if not fmt.is_image]
# What Pillow calls the formats we accept, and what a browser can show as they are.
ACCEPTED_IMAGE_FORMATS = {"JPEG", "MPO", "PNG", "WEBP", "HEIF"}
WEB_IMAGE_FORMATS = {"JPEG", "PNG", "WEBP"}
_EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
ACCEPTED_IMAGES_LABEL = "JPEG, PNG, WebP ou HEIC (photo d'iPhone)"


def extension(name):
    return Path(name).suffix.lower().lstrip(".")


def file_format(name):
    return FORMATS.get(extension(name))


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
        "Le fichier pèse %(size)s ; la limite est de %(limit)s. Réduisez-le avant de l'envoyer.",
        code="file_too_large",
        params={"size": file_size_label(upload.size), "limit": file_size_label(limit)},
    )


def is_new_upload(value):
    """True for a file being uploaded now; False for one already stored, which was checked
    when it arrived (and whose handle may be closed: saving an item again must not read it)."""
    return bool(value) and not getattr(value, "_committed", False)


def _open_image(upload):
    """The image Pillow reads from a copy of the upload (caller closes it), or a French
    refusal. The upload itself stays open and rewound, ready to be stored."""
    upload.seek(0)
    data = io.BytesIO(upload.read())
    upload.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            return Image.open(data)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise ValidationError(
            "L'image est anormalement grande et a été refusée par sécurité.", code="image_bomb"
        ) from error
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise ValidationError(
            "Ce fichier n'est pas une image lisible (il est peut-être abîmé). Formats "
            "acceptés : %(formats)s.",
            code="invalid_image",
            params={"formats": ACCEPTED_IMAGES_LABEL},
        ) from error


def validate_image_file(upload):
    """Checks a new image upload: weight, format, pixels, and that it decodes."""
    if not is_new_upload(upload):
        return
    if upload.size > MAX_IMAGE_BYTES:
        raise _too_big(upload, MAX_IMAGE_BYTES)
    image = _open_image(upload)
    try:
        if image.format not in ACCEPTED_IMAGE_FORMATS:
            raise ValidationError(
                "Le format %(format)s n'est pas accepté. Formats acceptés : %(formats)s.",
                code="image_format",
                params={"format": image.format, "formats": ACCEPTED_IMAGES_LABEL},
            )
        width, height = image.size
        if width * height > MAX_IMAGE_PIXELS:
            raise ValidationError(
                "L'image mesure %(width)s × %(height)s pixels, soit %(mpx)s millions ; la "
                "limite est de 40 millions de pixels. Réduisez-la avant de l'envoyer.",
                code="image_too_large",
                params={"width": width, "height": height, "mpx": round(width * height / 1e6)},
            )
        try:
            image.load()  # decodes every pixel: a truncated file fails here, not later
        except (OSError, SyntaxError, ValueError) as error:
            raise ValidationError(
                "Cette image est incomplète ou abîmée : elle ne peut pas être lue en entier.",
                code="invalid_image",
            ) from error
    finally:
        image.close()


def prepared_image(upload, stem):
    """The upload ready to store, named `<stem>.<ext>`: upright, in a format browsers show,
    without metadata. A web image without orientation or metadata is kept byte for byte."""
    image = _open_image(upload)
    try:
        exif = image.getexif()
        needs_work = image.format not in WEB_IMAGE_FORMATS or bool(exif) or "exif" in image.info
        if not needs_work:
            return ContentFile(upload.read(), name=f"{stem}.{_EXTENSIONS[image.format]}")
        upright = ImageOps.exif_transpose(image)  # turned as the camera was held
        buffer = io.BytesIO()
        if image.format in ("PNG", "WEBP"):
            fmt = image.format
            upright.save(buffer, fmt)
        else:  # JPEG, MPO, HEIF: a JPEG, with the colours as the camera meant them
            fmt = "JPEG"
            upright.convert("RGB").save(
                buffer, fmt, quality=90, icc_profile=image.info.get("icc_profile")
            )
        return ContentFile(buffer.getvalue(), name=f"{stem}.{_EXTENSIONS[fmt]}")
    finally:
        image.close()


def validate_document_file(upload):
    if not is_new_upload(upload):
        return
    fmt = file_format(upload.name)
    if fmt is None or fmt.is_image:
        raise ValidationError(
            "Ce type de fichier n'est pas accepté. Types acceptés : %(types)s.",
            code="document_type",
            params={"types": ", ".join(sorted(DOCUMENT_EXTENSIONS))},
        )
    if upload.size > MAX_DOCUMENT_BYTES:
        raise _too_big(upload, MAX_DOCUMENT_BYTES)
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if not head.startswith(fmt.signature):
        raise ValidationError(
            "Le contenu de ce fichier ne correspond pas à son extension « .%(extension)s ».",
            code="document_content",
            params={"extension": extension(upload.name)},
        )
