from django.urls import path

from . import views

app_name = "accessibility"

urlpatterns = [
    path("accessibilite/grille/", views.GridView.as_view(), name="grid"),
]
