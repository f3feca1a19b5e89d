from django.views.generic import TemplateView

from core.metadata import PageMetadataMixin

from .grid import evaluation


class GridView(PageMetadataMixin, TemplateView):
    """The statement's technical annex: every criterion, how it was judged, with what."""

    template_name = "accessibility/grid.html"
    crumb = "Grille d'évaluation RGAA"
    parent_crumb = ("Déclaration d'accessibilité", "pages:accessibility")

    def get_context_data(self, **kwargs):
        return super().get_context_data(evaluation=evaluation(), **kwargs)
