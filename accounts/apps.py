from axes import apps as axes_apps
from django.apps import AppConfig


class AccountsConfig(AppConfig):
    """Editor accounts: who may use the admin, password reset by e-mail, lock-out."""

    default = True
    name = "accounts"
    verbose_name = "Comptes"

    def ready(self):
        from . import access  # noqa: F401  (signal receivers)


class AxesConfig(axes_apps.AppConfig):
    """django-axes as the admin lists it: its own name would be « Axes »."""

    default = False
    verbose_name = "Sécurité des connexions"
