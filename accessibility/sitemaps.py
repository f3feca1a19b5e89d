from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .grid import evaluation


class GridSitemap(Sitemap):
    """The statement's annex: the detailed evaluation, dated by it."""

    def items(self):
        return ["accessibility:grid"]

    def location(self, item):
        return reverse(item)

    def lastmod(self, item):
        return evaluation().date
