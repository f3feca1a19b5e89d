from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "Territoire d'industrie Auxois Morvan — administration"
admin.site.site_title = "Administration du site"
admin.site.index_title = "Contenus du site"

urlpatterns = [
    path(settings.ADMIN_URL, admin.site.urls),
    path("", include("projects.urls")),
    path("", include("governance.urls")),
    path("", include("pages.urls")),  # last: its /<slug>/ catches the remaining pages
    *static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT),
]
