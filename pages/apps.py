from django.apps import AppConfig
from django.db.backends.signals import connection_created


def register_sqlite_functions(sender, connection, **kwargs):
    """Accent- and case-insensitive matching for the SQLite search fallback."""
    if connection.vendor == "sqlite":
        from .textnorm import fold

        connection.connection.create_function("FOLD", 1, fold, deterministic=True)


class PagesConfig(AppConfig):
    name = "pages"
    verbose_name = "Pages et actualités"

    def ready(self):
        from .cache import connect_signals

        connection_created.connect(register_sqlite_functions)
        connect_signals()
