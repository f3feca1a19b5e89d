from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import NewsArticle, Page


class PublishedSitemap(Sitemap):
    """Published objects of one model, dated by their last change."""

    model = None

    def items(self):
        return self.model.objects.published().order_by("pk")

    def lastmod(self, obj):
        return obj.updated_at or obj.published_at


class PageSitemap(PublishedSitemap):
    model = Page

    def items(self):
        return super().items().standalone()


class NewsSitemap(PublishedSitemap):
    model = NewsArticle


class SectionSitemap(Sitemap):
    """The site's fixed sections (home, lists, search is left out)."""

    names = [
        "pages:home",
        "pages:news_list",
        "pages:site_map",
        "pages:opendata",
        "projects:lever_list",
        "projects:project_list",
        "projects:holder_list",
        "governance:timeline",
        "governance:territory",
    ]

    def items(self):
        return self.names

    def location(self, item):
        return reverse(item)
