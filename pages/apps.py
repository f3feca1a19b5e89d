from django.apps import AppConfig


class PagesConfig(AppConfig):
    name = "pages"
    verbose_name = "Pages et actualités"
    content_app = True

    def ready(self):
        from . import site

        site.register()  # what this app adds to the home page, site map, sitemap
