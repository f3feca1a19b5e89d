from core.sitemaps import PublishedSitemap

from .models import PriorityLever, Project, ProjectHolder


class LeverSitemap(PublishedSitemap):
    model = PriorityLever


class ProjectSitemap(PublishedSitemap):
    model = Project


class HolderSitemap(PublishedSitemap):
    model = ProjectHolder
