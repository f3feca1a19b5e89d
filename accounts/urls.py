"""Forgotten password, under the admin's address (included before the admin's own URLs)."""

from django.urls import path

from . import views

urlpatterns = [
    path("mot-de-passe-oublie/", views.PasswordResetView.as_view(), name="admin_password_reset"),
    path(
        "mot-de-passe-oublie/envoye/",
        views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "mot-de-passe-oublie/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "mot-de-passe-oublie/termine/",
        views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
]
