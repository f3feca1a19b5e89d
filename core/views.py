"""Views shared by all content: building blocks for the apps' views, and the pages that show
every app's content (home, site map, search, open data), made of what the apps registered in
`core.site`."""

from django.core.exceptions import BadRequest
from django.core.paginator import Paginator
from django.http import Http404
from django.utils import timezone
from django.views import View
from django.views.generic import DetailView, ListView, TemplateView

from . import opendata, search, site
from .cache import cached
from .metadata import PageMetadataMixin, organization
from .text.normalize import highlight, terms


class PublishedDetailView(PageMetadataMixin, DetailView):
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


class PaginatedListView(PageMetadataMixin, ListView):
    """A list whose `?page=` must be a positive integer: anything else is a 400."""

    def paginate_queryset(self, queryset, page_size):
        page_number(self.request, self.page_kwarg)
        return super().paginate_queryset(queryset, page_size)


class HomeView(PageMetadataMixin, TemplateView):
    """The home page: the parts the apps registered (`core.site.home_parts`), in order."""

    template_name = "core/home.html"

    def get_structured_data(self):
        return [organization(self.request)]

    def get_context_data(self, **kwargs):
        today = timezone.localdate()  # « next meeting » changes at midnight
        content = cached(f"home:{today}", lambda: site.context_of(site.home_parts))
        return super().get_context_data(
            **content, rows=site.rows(site.home_parts), today=today, **kwargs
        )


class SiteMapView(PageMetadataMixin, TemplateView):
    """« Plan du site », generated from the published content (`core.site.site_map_parts`)."""

    template_name = "core/site_map.html"
    crumb = "Plan du site"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            **site.context_of(site.site_map_parts), rows=site.rows(site.site_map_parts), **kwargs
        )


class SearchView(PageMetadataMixin, TemplateView):
    """`/recherche/?q=…&type=…`: ranked results grouped by section, 20 per page."""

    template_name = "core/search.html"
    crumb = "Recherche"
    paginate_by = 20
    query_params = ("q", "type", "page")

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        # Made-up words find nothing: such pages are not worth a place in the cache.
        response.page_cache = bool(response.context_data["total"])
        return response

    def get_context_data(self, **kwargs):
        query = self.request.GET.get("q", "").strip()
        only = self.request.GET.get("type", "") or None
        sections = search.sections()
        if len(query) > search.MAX_QUERY_LENGTH:
            raise BadRequest("La recherche est limitée à 200 caractères.")
        if only and only not in sections:
            raise BadRequest("Ce type de contenu n'existe pas.")
        number = page_number(self.request)
        found = cached(
            f"search:{only}:{number}:{query}",
            lambda: self.results(query, only, number),
            worth_keeping=lambda found: found and found[1],  # made-up words: not kept
        )
        if found is None:
            raise Http404("Cette page de résultats n'existe pas.")
        counts, shown_count, results = found
        page = Paginator(range(shown_count), self.paginate_by).get_page(number)
        return super().get_context_data(
            query=query,
            only=only,
            total=sum(counts.values()),
            facets=[(s, counts[key]) for key, s in sections.items() if counts.get(key)],
            page_obj=page,
            groups=[
                (section, [r for r in results if r[0] == key])
                for key, section in sections.items()
                if any(r[0] == key for r in results)
            ],
            **kwargs,
        )

    def results(self, query, only, number):
        """(counts by section, number of results shown, [(section key, address, highlighted
        title, excerpt)] of the page), or None for a page past the last; kept per query."""
        matches = search.SearchEntry.objects.published().search(query)
        counts = matches.counts_by_section() if query else {}
        shown = matches.filter(kind=only) if only else matches
        paginator = Paginator(shown, self.paginate_by)
        paginator.count = counts.get(only, 0) if only else sum(counts.values())  # no COUNT
        if paginator.count and number > paginator.num_pages:
            return None
        words = terms(query)
        return (
            counts,
            paginator.count,
            [
                (entry.kind, entry.url, highlight(entry.title, words), entry.excerpt(words))
                for entry in paginator.get_page(number).object_list
            ],
        )


class OpenDataView(PageMetadataMixin, TemplateView):
    """« Données ouvertes »: each dataset, its fields, the licence, the update date."""

    template_name = "core/opendata.html"
    crumb = "Données ouvertes"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            datasets=opendata.datasets.values(),
            licence=opendata.LICENCE,
            last_update=opendata.last_update(),
            **kwargs,
        )


class OpenDataExportView(View):
    """One dataset as CSV or JSON; the filters of its list apply."""

    query_params = staticmethod(opendata.query_params)

    def get(self, request, key, fmt):
        return opendata.export(request, key, fmt)
