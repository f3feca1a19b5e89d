from django.apps import AppConfig


class ProjectsConfig(AppConfig):
    name = "projects"
    verbose_name = "Priorités et projets"
    content_app = True

    def ready(self):
        from . import site

        site.register()  # what this app adds to the home page, site map, sitemap, open data
