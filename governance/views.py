from django.views.generic import TemplateView

from core.metadata import PageMetadataMixin
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
        return super().get_context_data(
            intercommunalities=Intercommunality.objects.all(),
            sectors=Sector.objects.all(),
            bodies=Body.objects.published(),
            **kwargs,
        )
