from core.sitemaps import PublishedSitemap

from .models import NewsArticle, Page


class PageSitemap(PublishedSitemap):
    model = Page

    def items(self):
        return super().items().standalone()


class NewsSitemap(PublishedSitemap):
    model = NewsArticle
