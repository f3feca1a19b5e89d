from django.urls import path

from . import ical, views

app_name = "governance"
urlpatterns = [
    path("gouvernance/", views.TimelineView.as_view(), name="timeline"),
    path("gouvernance/instances/<slug:slug>/", views.BodyDetailView.as_view(), name="body_detail"),
    path(
        "gouvernance/calendrier/<slug:slug>/", views.EventDetailView.as_view(), name="event_detail"
    ),
    path("gouvernance/calendrier.ics", ical.calendar_feed, name="calendar_feed"),
    path("gouvernance/calendrier/<slug:slug>.ics", ical.event_ics, name="event_ics"),
    path("ou-en-est-on/", views.ProgressView.as_view(), name="progress"),
    path("territoire/", views.TerritoryView.as_view(), name="territory"),
    path(
        "territoire/<slug:slug>/",
        views.IntercommunalityDetailView.as_view(),
        name="intercommunality_detail",
    ),
]
