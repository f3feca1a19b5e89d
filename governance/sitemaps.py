from core.sitemaps import PublishedSitemap

from .models import Body, TimelineEvent


class BodySitemap(PublishedSitemap):
    model = Body


class EventSitemap(PublishedSitemap):
    model = TimelineEvent
