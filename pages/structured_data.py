"""schema.org JSON-LD for search engines: organisation, breadcrumbs, news, events."""

from django.conf import settings
from django.urls import reverse

from core.renditions import renditions


def organization(request):
    return {
        "@context": "https://schema.org",
        "@type": "GovernmentOrganization",
        "name": settings.SITE_NAME,
        "url": request.build_absolute_uri(reverse("pages:home")),
        "areaServed": {
            "@type": "AdministrativeArea",
            "name": "Auxois Morvan, Bourgogne-Franche-Comté",
        },
    }


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


def news_article(request, article):
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
        "datePublished": article.published_at.isoformat(),
        "dateModified": (article.updated_at or article.published_at).isoformat(),
        "inLanguage": "fr",
        "url": request.build_absolute_uri(article.get_absolute_url()),
        "publisher": organization(request),
    }
    if article.summary:
        data["description"] = article.summary
    if image := image_url(request, article):
        data["image"] = [image]
    return data


def event(request, event):
    """An Event, only when the day is known (schema.org needs a start date); times carry
    their offset (« 2019-07-11T14:00:00+02:00 »), and no end time is invented."""
    if not event.date_machine or event.date_precision != "day":
        return None
    start, end = event.start_datetime, event.end_datetime
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "startDate": (start or event.date).isoformat(),
        "endDate": (end or event.date).isoformat(),
        "eventStatus": "https://schema.org/EventScheduled",
        "url": request.build_absolute_uri(event.get_absolute_url()),
        "organizer": organization(request),
        "inLanguage": "fr",
    }
    if event.summary:
        data["description"] = event.summary
    if event.location or event.address:
        place = {"@type": "Place"}
        if event.location:
            place["name"] = event.location
        if event.address:
            place["address"] = {
                "@type": "PostalAddress",
                **event.postal_address_parts,
                "addressCountry": "FR",
            }
        data["location"] = place
    return data
