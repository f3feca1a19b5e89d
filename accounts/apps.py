from axes import apps as axes_apps
from django.apps import AppConfig
from django.utils.formats import date_format
from django.utils.timezone import localtime


class AccountsConfig(AppConfig):
    """Editor accounts: who may use the admin, password reset by e-mail, lock-out."""

    default = True
    name = "accounts"
    verbose_name = "Comptes"

    def ready(self):
        from . import access  # noqa: F401  (signal receivers)


class AxesConfig(axes_apps.AppConfig):
    """django-axes as the admin shows it: its own name would be « Axes », and its records
    would call themselves « Attempted Access: <UTC time> » in titles and breadcrumbs
    (English f-strings, out of reach of a translation catalogue)."""

    default = False
    verbose_name = "Sécurité des connexions"

    def ready(self):
        super().ready()
        from axes.models import AccessAttempt, AccessFailureLog, AccessLog

        AccessAttempt.__str__ = _described("Tentatives de connexion")
        AccessFailureLog.__str__ = _described("Échec de connexion")
        AccessLog.__str__ = _described("Connexion")


def _described(what):
    def __str__(record):
        moment = date_format(localtime(record.attempt_time), "j F Y à H:i")
        return f"{what} de « {record.username} » depuis {record.ip_address}, {moment}"

    return __str__
