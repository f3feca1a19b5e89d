"""Step 2: views from core's building blocks, which declare their place in the breadcrumbs."""

from core.views import PaginatedListView, PublishedDetailView

from .models import Workshop


class WorkshopListView(PaginatedListView):
    template_name = "throwaway/workshop_list.html"
    crumb = "Ateliers"
    paginate_by = 10
    query_params = ("page",)

    def get_queryset(self):
        return Workshop.objects.published()


class WorkshopDetailView(PublishedDetailView):
    model = Workshop
    template_name = "throwaway/workshop_detail.html"
    parent_crumb = ("Ateliers", "throwaway:workshop_list")
