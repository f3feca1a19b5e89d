from django.shortcuts import redirect
from django.views.generic import TemplateView

from accessibility.grid import evaluation as accessibility_evaluation
from core import site
from core.metadata import PageMetadataMixin
from core.views import PaginatedListView, PublishedDetailView

from .models import GlossaryEntry, NewsArticle, Page, PageKind, SiteIdentity


class PageDetailView(PublishedDetailView):
    model = Page
    template_name = "pages/page_detail.html"

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        if self.object.section:
            return redirect(self.object.get_absolute_url())
        return self.render_to_response(self.get_context_data(object=self.object))

    def get_template_names(self):
        if self.object.kind == PageKind.PARTICIPATE:
            return ["pages/page_participate.html"]
        return super().get_template_names()

    def get_context_data(self, **kwargs):
        """« Pour aller plus loin »: a programme page leads on to the other programme pages
        and to the sections of the site (a footer page has the footer for that)."""
        if self.object.in_footer:
            return super().get_context_data(**kwargs)
        return super().get_context_data(
            further_pages=Page.objects.programme().exclude(pk=self.object.pk),
            further_sections=[  # the home page is a click away on every page
                site.sections[key] for key, _ in site.introduced_sections() if key != "home"
            ],
            **kwargs,
        )


class NewsListView(PaginatedListView):
    template_name = "pages/news_list.html"
    crumb = "Actualités"
    context_object_name = "articles"
    paginate_by = 10
    query_params = ("page",)

    def get_queryset(self):
        return NewsArticle.objects.published().latest_first()


class NewsDetailView(PublishedDetailView):
    model = NewsArticle
    template_name = "pages/news_detail.html"
    parent_crumb = ("Actualités", "pages:news_list")
    context_object_name = "article"


class LegalNoticeView(PageMetadataMixin, TemplateView):
    template_name = "pages/legal_notice.html"
    crumb = "Mentions légales"

    def get_context_data(self, **kwargs):
        return super().get_context_data(identity=SiteIdentity.load(), **kwargs)


class AccessibilityView(LegalNoticeView):
    """The accessibility statement, on the model the RGAA gives, computed from the
    evaluation grid (accessibility/grid.toml): state, rate, what is not accessible."""

    template_name = "pages/accessibility.html"
    crumb = "Déclaration d'accessibilité"

    def get_context_data(self, **kwargs):
        return super().get_context_data(evaluation=accessibility_evaluation(), **kwargs)


class GlossaryView(PageMetadataMixin, TemplateView):
    """The acronyms used on the site, each with its own anchor."""

    template_name = "pages/glossary.html"
    crumb = "Glossaire"

    def get_context_data(self, **kwargs):
        return super().get_context_data(entries=GlossaryEntry.objects.all(), **kwargs)


class SubscribeView(PageMetadataMixin, TemplateView):
    """How to follow the site: the news feeds and the calendar, in plain words."""

    template_name = "pages/subscribe.html"
    crumb = "S'abonner"
