import functools
from typing import NamedTuple

from core.cache import cached

from .models import MenuItem, Page, SiteIdentity


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


def navigation(request):
    """Menu, footer links and the site's identity (lazily: no query if unused)."""
    menu = functools.cache(lambda: main_menu(request.path))  # computed once per request
    return {
        "menu_items": menu_links,
        "main_menu": menu,
        # The menu is rendered once per combination of current entries (see base.html).
        "menu_state": lambda: "|".join(current for _link, current in menu()),
        "footer_pages": Page.objects.in_footer,
        "site_identity": SiteIdentity.load,
    }
