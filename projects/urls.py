from django.urls import path

from . import views

app_name = "projects"
urlpatterns = [
    path("priorites/", views.LeverListView.as_view(), name="lever_list"),
    path("priorites/<slug:slug>/", views.LeverDetailView.as_view(), name="lever_detail"),
    path("projets/", views.ProjectListView.as_view(), name="project_list"),
    path("projets/<slug:slug>/", views.ProjectDetailView.as_view(), name="project_detail"),
    path("porteurs/", views.HolderListView.as_view(), name="holder_list"),
    path("porteurs/<slug:slug>/", views.HolderDetailView.as_view(), name="holder_detail"),
]
