from django.apps import AppConfig


class GovernanceConfig(AppConfig):
    name = "governance"
    verbose_name = "Gouvernance et territoire"
    content_app = True

    def ready(self):
        from . import site

        site.register()  # what this app adds to the home page, site map, sitemap, open data
