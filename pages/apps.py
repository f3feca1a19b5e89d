from django.apps import AppConfig


class PagesConfig(AppConfig):
    name = "pages"
    verbose_name = "Pages et actualités"
    content_app = True

    def ready(self):
        from .cache import connect_signals

        connect_signals()
