from django.urls import path

from . import views

app_name = "alerts"

urlpatterns = [
    path("s-abonner/alertes/", views.subscribe, name="subscribe"),
    path("s-abonner/alertes/confirmer/<str:token>/", views.confirm, name="confirm"),
    path("s-abonner/alertes/gerer/<str:token>/", views.manage, name="manage"),
]
