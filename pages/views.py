from django.core.exceptions import BadRequest
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.views.generic import TemplateView

from core import search
from core.cache import cached
from core.textnorm import highlight, terms
from governance.models import Body, Intercommunality, TimelineEvent
from projects.filters import FILTER_NAMES
from projects.models import PriorityLever, Project, ProjectHolder

from . import opendata, structured_data
from .generic import BreadcrumbMixin, PaginatedListView, PublishedDetailView, page_number
from .models import NewsArticle, Page, Section, SiteIdentity


class HomeView(BreadcrumbMixin, TemplateView):
    template_name = "pages/home.html"

    def get_structured_data(self):
        return [structured_data.organization(self.request)]

    def get_context_data(self, **kwargs):
        today = timezone.localdate()  # « next meeting » changes at midnight
        return super().get_context_data(
            **cached(f"home:{today}", self.home_content), today=today, **kwargs
        )

    @staticmethod
    def home_content():
        meetings = TimelineEvent.objects.published().meetings().select_related("body")
        return {
            "intro": Page.objects.for_section(Section.HOME),
            "latest_news": list(NewsArticle.objects.published().latest_first()[:3]),
            "levers": list(PriorityLever.objects.published().with_project_counts()),
            "next_meeting": meetings.upcoming().first(),
            "last_meeting": meetings.past().first(),
            "intercommunalities": list(Intercommunality.objects.all()),
        }


class PageDetailView(PublishedDetailView):
    model = Page
    template_name = "pages/page_detail.html"

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        if self.object.section:
            return redirect(self.object.get_absolute_url())
        return self.render_to_response(self.get_context_data(object=self.object))

    def get_breadcrumbs(self):
        return [(self.object.title, None)]


class NewsListView(PaginatedListView):
    template_name = "pages/news_list.html"
    context_object_name = "articles"
    paginate_by = 10
    query_params = ("page",)

    def get_queryset(self):
        return NewsArticle.objects.published().latest_first()

    def get_breadcrumbs(self):
        return [("Actualités", None)]


class NewsDetailView(PublishedDetailView):
    model = NewsArticle
    template_name = "pages/news_detail.html"
    context_object_name = "article"

    def get_breadcrumbs(self):
        return [("Actualités", reverse("pages:news_list")), (self.object.title, None)]

    def get_structured_data(self):
        return [structured_data.news_article(self.request, self.object)]


class SiteMapView(BreadcrumbMixin, TemplateView):
    """« Plan du site », generated from the published content."""

    template_name = "pages/site_map.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            pages=Page.objects.published().standalone(),
            levers=PriorityLever.objects.published().prefetch_related("actions"),
            projects=Project.objects.published(),
            holders=ProjectHolder.objects.published(),
            news=NewsArticle.objects.published().latest_first(),
            bodies=Body.objects.published(),
            events=TimelineEvent.objects.published().chronological(),
            **kwargs,
        )

    def get_breadcrumbs(self):
        return [("Plan du site", None)]


class SearchView(BreadcrumbMixin, TemplateView):
    """`/recherche/?q=…&type=…`: ranked results grouped by section, 20 per page."""

    template_name = "pages/search.html"
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

    def get_breadcrumbs(self):
        return [("Recherche", None)]


class OpenDataView(BreadcrumbMixin, TemplateView):
    """« Données ouvertes »: each dataset, its fields, the licence, the update date."""

    template_name = "pages/opendata.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            datasets=opendata.datasets().values(),
            licence=opendata.LICENCE,
            last_update=opendata.last_update(),
            **kwargs,
        )

    def get_breadcrumbs(self):
        return [("Données ouvertes", None)]


def opendata_export(request, key, fmt):
    return opendata.export(request, key, fmt)


opendata_export.query_params = FILTER_NAMES  # the project list's filters apply


class LegalNoticeView(BreadcrumbMixin, TemplateView):
    template_name = "pages/legal_notice.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(identity=SiteIdentity.load(), **kwargs)

    def get_breadcrumbs(self):
        return [("Mentions légales", None)]


class AccessibilityView(LegalNoticeView):
    """The accessibility statement, on the model the RGAA gives."""

    template_name = "pages/accessibility.html"

    def get_breadcrumbs(self):
        return [("Déclaration d'accessibilité", None)]
