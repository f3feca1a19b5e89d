from django.urls import path

from . import views

app_name = "core"
urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("plan-du-site/", views.SiteMapView.as_view(), name="site_map"),
    path("recherche/", views.SearchView.as_view(), name="search"),
    path("donnees-ouvertes/", views.OpenDataView.as_view(), name="opendata"),
    path(
        "donnees-ouvertes/<slug:key>.<str:fmt>",
        views.OpenDataExportView.as_view(),
        name="opendata_export",
    ),
]
