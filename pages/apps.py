from django.apps import AppConfig


class PagesConfig(AppConfig):
    name = "pages"
    verbose_name = "Pages et actualités"

    def ready(self):
        from . import cache, link_updates

        cache.connect_signals()
        link_updates.connect_signals()
