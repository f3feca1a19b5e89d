"""The site's URLs plus one public page that refuses everyone, to see the public 403."""

from django.core.exceptions import PermissionDenied
from django.urls import path

from auxois_site import urls as site_urls


def forbidden(request):
    raise PermissionDenied


urlpatterns = [path("reserve/", forbidden), *site_urls.urlpatterns]
handler403 = site_urls.handler403
handler500 = site_urls.handler500
