from django.apps import AppConfig


class PagesConfig(AppConfig):
    name = "pages"
    verbose_name = "Pages et actualités"
    content_app = True

    def ready(self):
        from . import link_updates

        link_updates.connect_signals()  # internal links follow their target's address
