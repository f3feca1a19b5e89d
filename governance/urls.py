from django.urls import path

from . import views

app_name = "governance"
urlpatterns = [
    path("gouvernance/", views.TimelineView.as_view(), name="timeline"),
    path("gouvernance/instances/<slug:slug>/", views.BodyDetailView.as_view(), name="body_detail"),
    path(
        "gouvernance/calendrier/<slug:slug>/", views.EventDetailView.as_view(), name="event_detail"
    ),
    path("territoire/", views.TerritoryView.as_view(), name="territory"),
]
