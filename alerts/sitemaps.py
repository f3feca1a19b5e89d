"""The subscription form in the XML sitemap (the other alert pages are personal links)."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse


class AlertsSitemap(Sitemap):
    def items(self):
        return ["alerts:subscribe"]

    def location(self, item):
        return reverse(item)
