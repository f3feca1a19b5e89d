"""View building blocks shared by the three apps."""

from django.core.exceptions import BadRequest
from django.urls import reverse
from django.views.generic import DetailView, ListView


class BreadcrumbMixin:
    """Adds `breadcrumbs` (label, url) pairs to the context, starting at the home page."""

    def get_breadcrumbs(self):
        return []

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["breadcrumbs"] = [("Accueil", reverse("pages:home")), *self.get_breadcrumbs()]
        return context


class PublishedDetailView(BreadcrumbMixin, DetailView):
    """Detail of published content; staff also see drafts, flagged by a banner."""

    def get_queryset(self):
        return self.model.objects.visible_to(self.request.user)


class PaginatedListView(BreadcrumbMixin, ListView):
    """A list whose `?page=` must be a positive integer: anything else is a 400."""

    def paginate_queryset(self, queryset, page_size):
        page = self.request.GET.get(self.page_kwarg, "1")
        if page != "last" and not (page.isascii() and page.isdigit() and int(page) > 0):
            raise BadRequest("Le numéro de page doit être un nombre entier positif.")
        return super().paginate_queryset(queryset, page_size)
