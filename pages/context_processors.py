import functools
from typing import NamedTuple

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.urls import reverse

from core.cache import cached

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


class MenuLink(NamedTuple):
    label: str
    url: str


def menu_links():
    """The visible entries of the main menu (kept until content changes)."""
    return cached(
        "menu-links", lambda: [MenuLink(i.label, i.url) for i in MenuItem.objects.visible()]
    )


def main_menu(path):
    """[(link, aria-current value or "")]: « page » for the page itself, « true » for the
    section it belongs to."""

    def current(url):
        if path == url:
            return "page"
        return "true" if url != "/" and url in path else ""

    return [(link, current(link.url)) for link in menu_links()]


@functools.cache
def site_urls():
    """Addresses every page links to, worked out once per process (`reverse` is costly
    compared with the rest of a page that comes from the cache)."""
    return {
        "home": reverse("pages:home"),
        "search": reverse("pages:search"),
        "news_rss": reverse("news_rss"),
        "news_atom": reverse("news_atom"),
        "projects": reverse("projects:project_list"),
        "holders": reverse("projects:holder_list"),
        "projects_csv": reverse("pages:opendata_export", args=["projets", "csv"]),
        "projects_json": reverse("pages:opendata_export", args=["projets", "json"]),
    }


def site(request):
    """Site name, menu, footer links, metadata defaults (lazily: no query if unused)."""
    menu = functools.cache(lambda: main_menu(request.path))  # computed once per request
    return {
        "site_name": settings.SITE_NAME,
        "site_urls": site_urls(),
        "site_description": SITE_DESCRIPTION,
        "canonical_url": canonical_url(request),
        "menu_items": menu_links,
        "main_menu": menu,
        # The menu is rendered once per combination of current entries (see base.html).
        "menu_state": lambda: "|".join(current for _link, current in menu()),
        "footer_pages": Page.objects.in_footer,
        "site_identity": SiteIdentity.load,
    }
