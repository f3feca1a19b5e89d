from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from core.sitemaps import PublishedSitemap

from .models import NewsArticle, Page, SiteIdentity


class PageSitemap(PublishedSitemap):
    model = Page

    def items(self):
        return super().items().standalone()


class NewsSitemap(PublishedSitemap):
    model = NewsArticle


class LegalPagesSitemap(Sitemap):
    """The legal notice, the accessibility statement, the glossary and « S'abonner »; the
    accessibility statement is dated when its date is recorded (the others have no date of
    their own)."""

    def items(self):
        return ["pages:legal_notice", "pages:accessibility", "pages:glossary", "pages:subscribe"]

    def location(self, item):
        return reverse(item)

    def lastmod(self, item):
        if item == "pages:accessibility":
            return SiteIdentity.load().statement_date
        return None
