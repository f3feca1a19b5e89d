from django.urls import path

from . import views

app_name = "throwaway"
urlpatterns = [
    path("ateliers/", views.WorkshopListView.as_view(), name="workshop_list"),
    path("ateliers/<slug:slug>/", views.WorkshopDetailView.as_view(), name="workshop_detail"),
]
