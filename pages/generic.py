"""View building blocks shared by the three apps."""

from django.core.exceptions import BadRequest
from django.http import Http404
from django.urls import reverse
from django.views.generic import DetailView, ListView

from core.cache import cached

from . import structured_data


class BreadcrumbMixin:
    """Breadcrumbs, page title and schema.org data for every page.

    Adds `breadcrumbs` (label, url) pairs starting at the home page, `page_title` (the last
    one, for Open Graph) and `structured_data` (JSON-LD objects, BreadcrumbList first).
    """

    def get_breadcrumbs(self):
        return []

    def get_structured_data(self):
        return []

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        crumbs = [("Accueil", reverse("pages:home")), *self.get_breadcrumbs()]
        context["breadcrumbs"] = crumbs
        context["page_title"] = crumbs[-1][0]
        obj = getattr(self, "object", None)
        context["og_description"] = getattr(obj, "summary", "") or ""
        context["og_image"] = structured_data.image_url(self.request, obj)
        context["structured_data"] = [
            structured_data.breadcrumb_list(self.request, crumbs),
            *filter(None, self.get_structured_data()),
        ]
        return context


class PublishedDetailView(BreadcrumbMixin, DetailView):
    """Detail of published content; staff also see drafts, flagged by a banner.

    For visitors, the object is read once per content version (an unknown address is not
    kept: made-up slugs must not fill the cache)."""

    def get_queryset(self):
        return self.model.objects.visible_to(self.request.user)

    def get_object(self, queryset=None):
        if self.request.user.is_staff or queryset is not None:
            return super().get_object(queryset)
        slug = self.kwargs[self.slug_url_kwarg]
        obj = cached(
            f"published:{self.model._meta.label_lower}:{slug}",
            lambda: self.get_queryset().filter(slug=slug).first(),
            worth_keeping=lambda found: found is not None,
        )
        if obj is None:
            raise Http404("Aucun contenu publié à cette adresse.")
        return obj


def page_number(request, name="page"):
    """The `?page=` number: a positive integer (or absent); anything else is a 400."""
    page = request.GET.get(name, "1")
    if not (page.isascii() and page.isdigit() and 0 < int(page) < 10**6):
        raise BadRequest("Le numéro de page doit être un nombre entier positif.")
    return int(page)


class PaginatedListView(BreadcrumbMixin, ListView):
    """A list whose `?page=` must be a positive integer: anything else is a 400."""

    def paginate_queryset(self, queryset, page_size):
        page_number(self.request, self.page_kwarg)
        return super().paginate_queryset(queryset, page_size)


def section_intro(section):
    """The published introduction of a section (a `Page`, or None), kept until content
    changes."""
    from .models import Page

    return cached(f"intro:{section}", lambda: Page.objects.for_section(section))
