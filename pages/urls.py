from django.urls import path

from . import views

app_name = "pages"
urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("actualites/", views.NewsListView.as_view(), name="news_list"),
    path("actualites/<slug:slug>/", views.NewsDetailView.as_view(), name="news_detail"),
    path("plan-du-site/", views.SiteMapView.as_view(), name="site_map"),
    path("recherche/", views.SearchView.as_view(), name="search"),
    path("mentions-legales/", views.LegalNoticeView.as_view(), name="legal_notice"),
    path("accessibilite/", views.AccessibilityView.as_view(), name="accessibility"),
    path("donnees-ouvertes/", views.OpenDataView.as_view(), name="opendata"),
    path("donnees-ouvertes/<slug:key>.<str:fmt>", views.opendata_export, name="opendata_export"),
    path("<slug:slug>/", views.PageDetailView.as_view(), name="page_detail"),
]
