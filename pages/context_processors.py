from django.conf import settings
from django.core.exceptions import DisallowedHost

from .models import MenuItem, Page, SiteIdentity

SITE_DESCRIPTION = (
    "Le Territoire d'industrie Auxois Morvan : actualités, priorités, projets et gouvernance "
    "d'un territoire industriel rural de Bourgogne-Franche-Comté."
)


def canonical_url(request):
    try:
        return request.build_absolute_uri(request.path)
    except DisallowedHost:  # the 400 page for an unknown Host header must still render
        return request.path


def site(request):
    """Site name, menu, footer links, metadata defaults (lazily: no query if unused)."""
    return {
        "site_name": settings.SITE_NAME,
        "site_description": SITE_DESCRIPTION,
        "canonical_url": canonical_url(request),
        "menu_items": MenuItem.objects.visible,
        "footer_pages": Page.objects.in_footer,
        "site_identity": SiteIdentity.load,
    }
