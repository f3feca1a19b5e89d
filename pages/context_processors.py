from django.conf import settings

from .models import MenuItem, Page


def site(request):
    """Site name, main menu and footer links for every page (lazily: no query if unused)."""
    return {
        "site_name": settings.SITE_NAME,
        "menu_items": MenuItem.objects.visible,
        "footer_pages": Page.objects.in_footer,
    }
