from django.urls import include, path

from auxois_site.urls import handler403, handler500  # noqa: F401
from auxois_site.urls import urlpatterns as site_urlpatterns

urlpatterns = [path("", include("tests.throwaway.urls")), *site_urlpatterns]
