"""Responsive image renditions, made with django-imagekit.

imagekit was chosen over sorl-thumbnail and easy-thumbnails because its renditions need no
database table: a rendition's file name is a hash of its source and settings, generated on
first use and then only checked on disk, so pages keep a constant number of queries.
"""

from imagekit import ImageSpec, register
from imagekit.cachefiles import ImageCacheFile
from imagekit.processors import ResizeToFit

RENDITION_WIDTHS = (480, 960, 1600)


class Rendition(ImageSpec):
    """A WebP copy no wider than `width`, never enlarged."""

    format = "WEBP"
    options = {"quality": 75, "method": 4}

    def __init__(self, source, width):
        self.processors = [ResizeToFit(width=width, upscale=False)]
        super().__init__(source=source)


register.generator("auxois:rendition", Rendition)


def renditions(image, width, height):
    """[(url, width, height)] from smallest to largest, for an image of known size."""
    if not (image and width and height):
        return []
    widths = sorted({min(w, width) for w in RENDITION_WIDTHS})
    return [
        (ImageCacheFile(Rendition(source=image, width=w)).url, w, round(height * w / width))
        for w in widths
    ]
