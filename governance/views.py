from django.views.generic import DetailView, TemplateView

from core.metadata import PageMetadataMixin
from core.text.normalize import fold
from core.views import PublishedDetailView

from .models import Body, Intercommunality, Sector, TimelineEvent
from .progress import progress


class TimelineView(PageMetadataMixin, TemplateView):
    """Bodies and the one timeline of meetings and milestones."""

    template_name = "governance/timeline.html"
    crumb = "Gouvernance"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            bodies=Body.objects.published(),
            events=TimelineEvent.objects.published().chronological(),
            **kwargs,
        )


class ProgressView(PageMetadataMixin, TemplateView):
    """« Où en est-on ? »: the last step reached and the next one, from the timeline."""

    template_name = "governance/progress.html"
    crumb = "Où en est-on ?"

    def get_context_data(self, **kwargs):
        return super().get_context_data(progress=progress(), **kwargs)


class BodyDetailView(PublishedDetailView):
    model = Body
    template_name = "governance/body_detail.html"
    parent_crumb = ("Gouvernance", "governance:timeline")
    context_object_name = "body"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            members=self.object.members.all(),
            events=self.object.events.published().chronological(),
            **kwargs,
        )


class EventDetailView(PublishedDetailView):
    model = TimelineEvent
    template_name = "governance/event_detail.html"
    parent_crumb = ("Gouvernance", "governance:timeline")
    context_object_name = "event"

    def get_queryset(self):
        return super().get_queryset().select_related("body")


class TerritoryView(PageMetadataMixin, TemplateView):
    template_name = "governance/territory.html"
    crumb = "Territoire"

    def get_context_data(self, **kwargs):
        intercommunalities = list(Intercommunality.objects.with_figures())
        return super().get_context_data(
            intercommunalities=intercommunalities,
            total_communes=sum(ic.commune_count for ic in intercommunalities),
            total_population=(
                None
                if any(ic.population is None for ic in intercommunalities)
                else sum(ic.population for ic in intercommunalities)
            ),
            sources=sorted({ic.data_source for ic in intercommunalities if ic.data_source}),
            sectors=Sector.objects.all(),
            bodies=Body.objects.published(),
            **kwargs,
        )


class IntercommunalityDetailView(PageMetadataMixin, DetailView):
    """An intercommunality: its communes with their population, then what the other apps
    add about it (`core.site.add_detail_part`: its projects and holders)."""

    model = Intercommunality
    template_name = "governance/intercommunality_detail.html"
    parent_crumb = ("Territoire", "governance:territory")
    context_object_name = "intercommunality"

    def get_context_data(self, **kwargs):
        communes = sorted(self.object.communes.all(), key=lambda commune: fold(commune.name))
        populations = [c.population for c in communes]
        known = communes and None not in populations  # a partial sum would be a false figure
        return super().get_context_data(
            communes=communes,
            population=sum(populations) if known else None,
            **kwargs,
        )
