from django.shortcuts import redirect
from django.urls import reverse
from django.views.generic import TemplateView

from governance.models import Body, Intercommunality, TimelineEvent
from projects.models import PriorityLever, Project, ProjectHolder

from .generic import BreadcrumbMixin, PaginatedListView, PublishedDetailView
from .models import NewsArticle, Page, Section


class HomeView(TemplateView):
    template_name = "pages/home.html"

    def get_context_data(self, **kwargs):
        meetings = TimelineEvent.objects.published().meetings().select_related("body")
        return super().get_context_data(
            intro=Page.objects.for_section(Section.HOME),
            latest_news=NewsArticle.objects.published().latest_first()[:3],
            levers=PriorityLever.objects.published().with_project_counts(),
            next_meeting=meetings.upcoming().first(),
            last_meeting=meetings.past().first(),
            intercommunalities=Intercommunality.objects.all(),
            **kwargs,
        )


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
