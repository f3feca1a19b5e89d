"""Upload payloads for the validation and rendition tests, made in memory."""

import io
import random

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image


def photo(width=4000, height=3000, fmt="JPEG", name="photo.jpg"):
    """A photo-like picture: smooth gradients with fine grain, like a real camera shot."""
    small = Image.new("RGB", (64, 48))
    rng = random.Random(42)
    small.putdata(
        [(rng.randrange(256), rng.randrange(256), rng.randrange(256)) for _ in range(64 * 48)]
    )
    image = small.resize((width, height), Image.Resampling.BICUBIC)
    grain = Image.effect_noise((width, height), 12).convert("RGB")
    image = Image.blend(image, grain, 0.08)
    buffer = io.BytesIO()
    image.save(buffer, fmt, quality=92)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=f"image/{fmt.lower()}")


def bomb(name="bombe.png"):
    """A tiny PNG file that would unpack to 64 million pixels."""
    buffer = io.BytesIO()
    Image.new("1", (8000, 8000)).save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def text_as(name):
    return SimpleUploadedFile(name, b"Ceci n'est pas une image.\n" * 20, content_type="image/jpeg")


def oversized(name, megabytes=11):
    return SimpleUploadedFile(name, b"\xff\xd8\xff" + b"0" * (megabytes * 1024 * 1024))


def _encoded(image, fmt, **options):
    buffer = io.BytesIO()
    image.save(buffer, fmt, **options)
    return buffer.getvalue()


def phone_photo(fmt="HEIF", name="IMG_2041.HEIC", width=400, height=300, orientation=6):
    """A photo as a phone stores it: sensor-wide pixels, turned by an EXIF orientation tag
    (6: the phone was held upright), with the place it was taken (GPS)."""
    from pillow_heif import register_heif_opener

    register_heif_opener()
    image = Image.new("RGB", (width, height), (180, 40, 30))
    image.paste((20, 60, 200), (0, 0, width // 2, height))  # left half blue: shows rotation
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif[0x8825] = {1: "N", 2: (47.0, 31.0, 0.0)}  # GPS: latitude near Montbard
    data = _encoded(image, fmt, exif=exif.tobytes(), quality=90)
    return SimpleUploadedFile(name, data, content_type="image/heic")
