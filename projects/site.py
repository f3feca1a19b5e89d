"""What the projects app adds to the shared pages (see core/site.py)."""

from core import opendata, site


def levers():
    from .models import PriorityLever, Project

    return {
        "levers": list(PriorityLever.objects.published().with_project_counts()),
        "projects_without_lever": Project.objects.count_without_lever(),
    }


def progress():
    from .models import Project

    return {"project_progress": Project.objects.published().count_by_status()}


def examined_projects(meeting):
    return {"examined_projects": list(meeting.examined_projects.published().for_listing())}


def count_projects():
    from .models import Project

    return Project.objects.published().count()


def count_holders():
    from .models import ProjectHolder

    return ProjectHolder.objects.published().count()


def of_intercommunality(intercommunality):
    """The published projects and holders of one intercommunality (its page)."""
    from .models import Project, ProjectHolder

    return {
        "intercommunality_projects": list(
            Project.objects.published().filter(intercommunality=intercommunality).for_listing()
        ),
        "intercommunality_holders": list(
            ProjectHolder.objects.published().filter(intercommunality=intercommunality)
        ),
    }


def site_map():
    from .models import PriorityLever, Project, ProjectHolder

    return {
        "levers": PriorityLever.objects.published().prefetch_related("actions"),
        "projects": Project.objects.published(),
        "holders": ProjectHolder.objects.published(),
    }


def register():
    from .opendata import DATASETS, MEETING_COLUMNS
    from .sitemaps import HolderSitemap, LeverSitemap, ProjectSitemap

    site.add_section(
        "levers", "Priorités (leviers)", "projects:lever_list", True, ["projects.PriorityLever"]
    )
    site.add_section("projects", "Projets", "projects:project_list", True, ["projects.Project"])
    site.add_section(
        "holders", "Porteurs de projet", "projects:holder_list", dated_by=["projects.ProjectHolder"]
    )
    site.add_part(site.home_parts, "projects/parts/home_levers.html", levers, order=10)
    site.add_part(site.home_parts, "projects/parts/home_progress.html", progress, order=15)
    site.add_part(site.site_map_parts, "projects/parts/site_map.html", site_map, order=20)
    site.add_detail_part(
        "governance.TimelineEvent", "projects/parts/examined_projects.html", examined_projects
    )
    site.sitemaps.update(priorites=LeverSitemap, projets=ProjectSitemap, porteurs=HolderSitemap)
    site.add_detail_part(
        "governance.Intercommunality", "projects/parts/intercommunality.html", of_intercommunality
    )
    site.add_key_figure("projet", "projets", count_projects, "projects:project_list", 10)
    site.add_key_figure(
        "porteur de projet", "porteurs de projet", count_holders, "projects:holder_list", 20
    )
    site.add_link("projects", "projects:project_list")
    site.add_link("holders", "projects:holder_list")
    site.add_link("projects_csv", "core:opendata_export", "projets", "csv")
    site.add_link("projects_json", "core:opendata_export", "projets", "json")
    opendata.register(*DATASETS)
    opendata.add_columns("reunions", *MEETING_COLUMNS)
