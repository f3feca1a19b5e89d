from django.urls import path

from . import views

app_name = "pages"
urlpatterns = [
    path("actualites/", views.NewsListView.as_view(), name="news_list"),
    path("actualites/<slug:slug>/", views.NewsDetailView.as_view(), name="news_detail"),
    path("mentions-legales/", views.LegalNoticeView.as_view(), name="legal_notice"),
    path("accessibilite/", views.AccessibilityView.as_view(), name="accessibility"),
    path("glossaire/", views.GlossaryView.as_view(), name="glossary"),
    path("s-abonner/", views.SubscribeView.as_view(), name="subscribe"),
    path("<slug:slug>/", views.PageDetailView.as_view(), name="page_detail"),
]
