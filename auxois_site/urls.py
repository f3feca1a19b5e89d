from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path
from django.views.generic import TemplateView

from core.health import health
from core.media import serve_media
from governance.sitemaps import BodySitemap, EventSitemap
from pages.admin_views import internal_link_search
from pages.feeds import AtomNewsFeed, NewsFeed
from pages.sitemaps import NewsSitemap, PageSitemap, SectionSitemap
from projects.sitemaps import HolderSitemap, LeverSitemap, ProjectSitemap

admin.site.site_header = "Territoire d'industrie Auxois Morvan — administration"
admin.site.site_title = "Administration du site"
admin.site.index_title = "Contenus du site"

sitemaps = {
    "rubriques": SectionSitemap,
    "pages": PageSitemap,
    "actualites": NewsSitemap,
    "priorites": LeverSitemap,
    "projets": ProjectSitemap,
    "porteurs": HolderSitemap,
    "instances": BodySitemap,
    "calendrier": EventSitemap,
}

urlpatterns = [
    path(f"{settings.ADMIN_URL}liens-internes/", internal_link_search, name="internal_link_search"),
    path(settings.ADMIN_URL, include("accounts.urls")),  # before the admin's catch-all
    path(settings.ADMIN_URL, admin.site.urls),
    path("sitemap.xml", sitemap_views.sitemap, {"sitemaps": sitemaps}, name="sitemap"),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain"),
        name="robots",
    ),
    path("sante/", health, name="health"),
    path("actualites/rss.xml", NewsFeed(), name="news_rss"),
    path("actualites/atom.xml", AtomNewsFeed(), name="news_atom"),
    path("", include("projects.urls")),
    path("", include("governance.urls")),
    path("", include("pages.urls")),  # last: its /<slug>/ catches the remaining pages
    path(f"{settings.MEDIA_URL.strip('/')}/<path:path>", serve_media, name="media"),
]

handler403 = "pages.errors.permission_denied"
handler500 = "pages.errors.server_error"
