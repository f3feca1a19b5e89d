"""The XML sitemap's building blocks. Its parts are registered by the apps
(`core.site.sitemaps`); the fixed sections come from `core.site.sections`."""

from django.apps import apps
from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone

from . import site


class PublishedSitemap(Sitemap):
    """Published objects of one model, dated by their last change."""

    model = None

    def items(self):
        return self.model.objects.published().order_by("pk")

    def lastmod(self, obj):
        """The last change; else the day of publication (a day: the hour is not known)."""
        if obj.updated_at:
            return obj.updated_at
        return timezone.localdate(obj.published_at) if obj.published_at else None


class SectionSitemap(Sitemap):
    """The site's sections with a fixed address (home, lists, open data…)."""

    def items(self):
        return [section.url_name for section in site.sections.values()]

    def location(self, item):
        return reverse(item)

    def lastmod(self, item):
        """The day of the latest change (or publication) of what the section lists."""
        [section] = [s for s in site.sections.values() if s.url_name == item]
        labels = section.dated_by
        if labels == site.EVERYTHING:
            labels = {
                label
                for s in site.sections.values()
                if s.dated_by != site.EVERYTHING
                for label in s.dated_by
            }
        moments = []
        for label in labels:
            found = (
                apps.get_model(label)
                .objects.published()
                .aggregate(changed=Max("updated_at"), published=Max("published_at"))
            )
            moments += [m for m in found.values() if m]
        return timezone.localdate(max(moments)) if moments else None
