import functools

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.urls import reverse

from . import site as registry

SITE_DESCRIPTION = (
    "Le Territoire d'industrie Auxois Morvan : actualités, priorités, projets et gouvernance "
    "d'un territoire industriel rural de Bourgogne-Franche-Comté."
)


def canonical_url(request):
    try:
        return request.build_absolute_uri(request.path)
    except DisallowedHost:  # the 400 page for an unknown Host header must still render
        return request.path


@functools.cache
def site_urls():
    """Addresses every page links to (`core.site.links`), worked out once per process
    (`reverse` is costly compared with the rest of a page that comes from the cache)."""
    return {name: reverse(url_name, args=args) for name, (url_name, args) in registry.links.items()}


def site(request):
    """Site name, shared addresses, metadata defaults."""
    return {
        "site_name": settings.SITE_NAME,
        "site_urls": site_urls(),
        "site_description": SITE_DESCRIPTION,
        "canonical_url": canonical_url(request),
    }
