"""Responsive image renditions, made with django-imagekit when the image is saved.

imagekit was chosen over sorl-thumbnail and easy-thumbnails because its renditions need no
database table: a rendition's file name is a hash of its source and settings, so pages keep a
constant number of queries. The « optimistic » strategy (settings) means a page only writes
the renditions' addresses: they were made when the editor saved the image, never while a
visitor waits (`make_renditions` remakes any that went missing).
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


def _widths(width):
    return sorted({min(w, width) for w in RENDITION_WIDTHS})


def _files(file, width):
    return [(w, ImageCacheFile(Rendition(source=file, width=w))) for w in _widths(width)]


def renditions(image):
    """[(url, width, height)] of a library image, from smallest to largest."""
    if not (image and image.file and image.width and image.height):
        return []
    return [
        (cache_file.url, w, round(image.height * w / image.width))
        for w, cache_file in _files(image.file, image.width)
    ]


def make_renditions(image, force=False):
    """Writes the image's renditions (all of them if `force`, else those missing from the
    storage — asked directly, not imagekit's cache of what exists, which a clean-up or a
    restored backup makes wrong)."""
    if image.file and image.width:
        for _w, cache_file in _files(image.file, image.width):
            if force or not cache_file.storage.exists(cache_file.name):
                cache_file.generate(force=True)
