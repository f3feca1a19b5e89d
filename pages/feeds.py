"""RSS 2.0 and Atom feeds of the news (« Actualités »).

The site knows the day an article was published, not a time of day worth showing (the 2019
sources give dates only, and pages show the day). The feeds, whose formats require a time,
give that day at 00:00, Paris time: a stated convention, not an invented hour."""

import io

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import HttpResponse
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

from core.cache import cached
from core.templatetags.site import rich_text

from .models import NewsArticle


class BufferedWriteMixin:
    """Builds the XML in memory and hands it to the response once (instead of one response
    write per element, which costs more than the XML itself)."""

    def write(self, outfile, encoding):
        buffer = io.StringIO()
        super().write(buffer, encoding)
        outfile.write(buffer.getvalue())


class RssFeed(BufferedWriteMixin, Rss201rev2Feed):
    pass


class AtomFeed(BufferedWriteMixin, Atom1Feed):
    pass


class NewsFeed(Feed):
    feed_type = RssFeed
    title = f"Actualités — {settings.SITE_NAME}"
    link = reverse_lazy("pages:news_list")
    description = "Les actualités du Territoire d'industrie Auxois Morvan."
    language = "fr"
    author_name = item_author_name = settings.SITE_NAME  # RFC 4287: every entry has an author

    def __call__(self, request, *args, **kwargs):
        """The feed, written once per content version and address (its links are absolute)."""
        site = f"{request.scheme}://{request.get_host()}"
        content_type, content = cached(
            f"feed:{type(self).__name__}:{site}", lambda: self.written(request, *args, **kwargs)
        )
        return HttpResponse(content, content_type=content_type)

    def get_feed(self, obj, request):
        self.request = request
        return super().get_feed(obj, request)

    def author_link(self):
        return self.request.build_absolute_uri(reverse("core:home"))

    def item_author_link(self, item):
        return self.author_link()

    def written(self, request, *args, **kwargs):
        response = super().__call__(request, *args, **kwargs)
        return response["Content-Type"], response.content

    def items(self):
        return NewsArticle.objects.published().latest_first()[:20]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary or rich_text(item.body)

    def item_pubdate(self, item):
        return publication_day(item.published_at)

    def item_updateddate(self, item):
        return item.updated_at or publication_day(item.published_at)


def publication_day(moment):
    """The day of `moment` in Paris, at 00:00 there (the feeds' convention, see above)."""
    if moment is None:
        return None
    return timezone.localtime(moment).replace(hour=0, minute=0, second=0, microsecond=0)


class AtomNewsFeed(NewsFeed):
    feed_type = AtomFeed
    subtitle = NewsFeed.description
