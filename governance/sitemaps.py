from django.contrib.sitemaps import Sitemap

from core.sitemaps import PublishedSitemap

from .models import Body, Intercommunality, TimelineEvent


class BodySitemap(PublishedSitemap):
    model = Body


class EventSitemap(PublishedSitemap):
    model = TimelineEvent


class IntercommunalitySitemap(Sitemap):
    """The intercommunalities' pages (always public; no date of change is recorded)."""

    def items(self):
        return Intercommunality.objects.order_by("order", "pk")
