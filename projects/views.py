from django.utils import timezone
from django.views.generic import ListView

from core.metadata import PageMetadataMixin
from core.views import PaginatedListView, PublishedDetailView

from .filters import FILTER_NAMES, ProjectSelection
from .models import PriorityLever, Project, ProjectHolder


class LeverListView(PageMetadataMixin, ListView):
    template_name = "projects/lever_list.html"
    crumb = "Les priorités"
    context_object_name = "levers"

    def get_queryset(self):
        return PriorityLever.objects.published().with_project_counts().prefetch_related("actions")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            projects_without_lever=Project.objects.count_without_lever(), **kwargs
        )


class LeverDetailView(PublishedDetailView):
    model = PriorityLever
    template_name = "projects/lever_detail.html"
    parent_crumb = ("Les priorités", "projects:lever_list")
    context_object_name = "lever"

    def get_queryset(self):
        return super().get_queryset().select_related("working_group")

    def get_context_data(self, **kwargs):
        projects = self.object.projects.published()
        progress = projects.count_by_status()
        return super().get_context_data(
            action_groups=self.object.projects_by_action(projects.for_listing()),
            progress=progress,
            # Where to look when no project is attached to this lever yet.
            without_lever_count=(None if progress else Project.objects.count_without_lever()),
            **kwargs,
        )


class ProjectListView(PaginatedListView):
    """Projects, filtered by the GET parameters; unknown filter values are a 400."""

    template_name = "projects/project_list.html"
    crumb = "Projets"
    context_object_name = "projects"
    paginate_by = 24
    query_params = (*FILTER_NAMES, "page")

    def get(self, request, *args, **kwargs):
        self.selection = ProjectSelection(request.GET)
        response = super().get(request, *args, **kwargs)
        if not self.selection.valid:
            response.status_code = 400
        return response

    def get_queryset(self):
        """The matching projects' keys: counted and paginated without another query."""
        return self.selection.matching_pks() if self.selection.valid else []

    def get_context_data(self, **kwargs):
        selection = self.selection
        context = super().get_context_data(
            selection=selection,
            filter_key=sorted(selection.active.items()) if selection.valid else None,
            filter_options=selection.options,  # only called when the form is rendered
            filter_errors=[] if selection.valid else selection.errors(),
            query_string=self.request.GET.urlencode() if selection.valid else "",
            **kwargs,
        )
        pks = context["object_list"]
        # Read only if the cards are not already kept (see the template's {% cached %}).
        context["projects"] = lambda: Project.objects.published().for_listing().in_order(pks)
        return context


class ProjectDetailView(PublishedDetailView):
    model = Project
    template_name = "projects/project_detail.html"
    parent_crumb = ("Projets", "projects:project_list")
    context_object_name = "project"

    def get_queryset(self):
        # Holders, sectors, milestones, funders, meetings and documents are read only when
        # the page's body is not already kept (see the template's {% cached %}).
        return super().get_queryset().select_related("lever", "action", "intercommunality", "image")

    def get_context_data(self, **kwargs):
        # An expected milestone whose period ends today reads « à confirmer » tomorrow.
        return super().get_context_data(today=timezone.localdate(), **kwargs)


class HolderListView(PageMetadataMixin, ListView):
    template_name = "projects/holder_list.html"
    crumb = "Porteurs de projet"
    context_object_name = "holders"

    def get_queryset(self):
        return ProjectHolder.objects.published().with_project_counts()


class HolderDetailView(PublishedDetailView):
    model = ProjectHolder
    template_name = "projects/holder_detail.html"
    parent_crumb = ("Porteurs de projet", "projects:holder_list")
    context_object_name = "holder"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            projects=self.object.projects.published().for_listing(), **kwargs
        )
