from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path
from django.views.generic import TemplateView

from core import site
from core.admin_views import internal_link_search
from core.files.media import serve_media
from core.health import health
from pages.feeds import AtomNewsFeed, NewsFeed

admin.site.site_header = "Territoire d'industrie Auxois Morvan — administration"
admin.site.site_title = "Administration du site"
admin.site.index_title = "Contenus du site"

urlpatterns = [
    path(f"{settings.ADMIN_URL}liens-internes/", internal_link_search, name="internal_link_search"),
    path(settings.ADMIN_URL, include("accounts.urls")),  # before the admin's catch-all
    path(settings.ADMIN_URL, admin.site.urls),
    path("sitemap.xml", sitemap_views.sitemap, {"sitemaps": site.sitemaps}, name="sitemap"),
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
    path("", include("core.urls")),
    path("", include("alerts.urls")),
    path("", include("accessibility.urls")),
    path("", include("pages.urls")),  # last: its /<slug>/ catches the remaining pages
    path(f"{settings.MEDIA_URL.strip('/')}/<path:path>", serve_media, name="media"),
]

handler403 = "core.errors.permission_denied"
handler500 = "core.errors.server_error"
