"""What search engines and social networks read from a page: breadcrumbs, page title, Open
Graph, and schema.org JSON-LD (the organisation, the breadcrumb list, and whatever the page's
object says about itself through its `structured_data(request)` method)."""

from django.conf import settings
from django.templatetags.static import static
from django.urls import reverse

from core.files.renditions import renditions


def organization(request):
    return {
        "@context": "https://schema.org",
        "@type": "GovernmentOrganization",
        "name": settings.SITE_NAME,
        "url": request.build_absolute_uri(reverse("core:home")),
        "areaServed": {
            "@type": "AdministrativeArea",
            "name": "Auxois Morvan, Bourgogne-Franche-Comté",
        },
    }


def author(request):
    """The organisation as the author of what the site publishes (no @context: nested)."""
    return {
        "@type": "Organization",
        "name": settings.SITE_NAME,
        "url": request.build_absolute_uri(reverse("core:home")),
    }


def logo_url(request):
    """Absolute URL of the site's logo: the emblem of static/favicon.svg as a 512 px PNG
    (search engines and social networks read raster images, not SVG)."""
    return request.build_absolute_uri(static("logo.png"))


def breadcrumb_list(request, crumbs):
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": label,
                "item": request.build_absolute_uri(url or request.path),
            }
            for position, (label, url) in enumerate(crumbs, start=1)
        ],
    }


def image_url(request, obj):
    """Absolute URL of the largest rendition of the object's image, or None."""
    sources = renditions(getattr(obj, "image", None))
    return request.build_absolute_uri(sources[-1][0]) if sources else None


class PageMetadataMixin:
    """For every page: `breadcrumbs` (label, url) from the home page on, `page_title` (the last
    one, for Open Graph), `og_description`, `og_image` and `structured_data` (JSON-LD objects,
    the BreadcrumbList first, then `get_structured_data()`).

    A view declares its place: `crumb`, its label (by default its object's `heading`), and
    `parent_crumb`, the (label, URL name) of the page above it when that is not the home page.
    """

    crumb = None
    parent_crumb = None

    def get_breadcrumbs(self):
        crumbs = []
        if self.parent_crumb:
            label, url_name = self.parent_crumb
            crumbs.append((label, reverse(url_name)))
        label = self.crumb or getattr(getattr(self, "object", None), "heading", None)
        return [*crumbs, (label, None)] if label else crumbs

    def get_structured_data(self):
        obj = getattr(self, "object", None)
        return [obj.structured_data(self.request)] if hasattr(obj, "structured_data") else []

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        crumbs = [("Accueil", reverse("core:home")), *self.get_breadcrumbs()]
        obj = getattr(self, "object", None)
        return context | {
            "breadcrumbs": crumbs,
            # The home page's own title is the site's name, not its crumb « Accueil ».
            "page_title": crumbs[-1][0] if len(crumbs) > 1 else settings.SITE_NAME,
            "og_description": getattr(obj, "summary", "") or "",
            "og_image": image_url(self.request, obj),
            "og_logo": logo_url(self.request),  # shared pages without an image show the logo
            "structured_data": [
                breadcrumb_list(self.request, crumbs),
                *filter(None, self.get_structured_data()),
            ],
        }
