from core.site import ContentAppConfig


class ProjectsConfig(ContentAppConfig):
    name = "projects"
    verbose_name = "Priorités et projets"
