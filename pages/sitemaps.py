from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from accessibility.grid import evaluation as accessibility_evaluation
from core.sitemaps import PublishedSitemap

from .models import NewsArticle, Page


class PageSitemap(PublishedSitemap):
    model = Page

    def items(self):
        return super().items().standalone()


class NewsSitemap(PublishedSitemap):
    model = NewsArticle


class LegalPagesSitemap(Sitemap):
    """The legal notice, the accessibility statement, the glossary and « S'abonner »; the
    accessibility statement is dated by its evaluation (the others have no date of their
    own)."""

    def items(self):
        return ["pages:legal_notice", "pages:accessibility", "pages:glossary", "pages:subscribe"]

    def location(self, item):
        return reverse(item)

    def lastmod(self, item):
        if item == "pages:accessibility":
            return accessibility_evaluation().date
        return None
