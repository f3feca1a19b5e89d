"""What the pages app adds to the shared pages (see core/site.py)."""

from core import site


def hero():
    """The home page's first screen: the programme, and its key figures (`core.site`)."""
    return {"key_figures": site.key_figure_values()}


def latest_news():
    from .models import NewsArticle

    return {"latest_news": list(NewsArticle.objects.published().latest_first()[:3])}


def site_map_pages():
    from .models import Page

    return {"pages": Page.objects.published().standalone()}


def site_map_news():
    from .models import NewsArticle

    return {"news": NewsArticle.objects.published().latest_first()}


def register():
    from .sitemaps import LegalPagesSitemap, NewsSitemap, PageSitemap

    site.add_section("news", "Actualités", "pages:news_list", dated_by=["pages.NewsArticle"])
    site.add_part(site.home_parts, "pages/parts/home_intro.html", hero, order=0)
    site.add_part(site.home_parts, "pages/parts/home_news.html", latest_news, 20, column=True)
    site.add_part(site.site_map_parts, "pages/parts/site_map_pages.html", site_map_pages, 0)
    site.add_part(site.site_map_parts, "pages/parts/site_map_news.html", site_map_news, 40)
    site.sitemaps.update(pages=PageSitemap, actualites=NewsSitemap, informations=LegalPagesSitemap)
    site.add_link("news_rss", "news_rss")
    site.add_link("news_atom", "news_atom")
    site.add_link("subscribe", "pages:subscribe")
    site.add_link("glossary", "pages:glossary")
