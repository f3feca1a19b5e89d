"""What each kind of content tells its followers, and who they are.

A `Source` per model: which items count (a meeting, not a milestone), which state change
makes an event beside the publication (a project's « état d'avancement »), who follows an
event (a `Q` over subscriptions), and its headline in the e-mail."""

from dataclasses import dataclass

from django.db.models import Q

from .models import EventKind, Topic


@dataclass(frozen=True)
class Source:
    label: str  # « app.Model »
    headlines: dict  # EventKind → headline (str) or function(item, event) → str
    followers: object  # function(item, event) → Q over Subscription, or None (nobody)
    applies: object = lambda item: True
    state_field: str = ""  # a change of this field on a public item is an event

    def headline(self, item, event):
        headline = self.headlines[event.kind]
        return headline(item, event) if callable(headline) else headline


def _project_followers(project, event):
    lever = Q(kind=Topic.LEVER, lever_id=project.lever_id) if project.lever_id else Q(pk=None)
    if event.kind == EventKind.STATUS:
        return Q(kind=Topic.PROJECT, project_id=project.pk) | lever
    return lever


def _new_state(project, event):
    label = dict(project._meta.get_field("project_status").choices).get(event.detail, "")
    return f"Projet désormais « {label} »"


SOURCES = {
    source.label: source
    for source in [
        Source(
            "pages.NewsArticle",
            {EventKind.PUBLISHED: "Nouvelle actualité"},
            lambda item, event: Q(kind=Topic.NEWS),
        ),
        Source(
            "governance.TimelineEvent",
            {
                EventKind.PUBLISHED: "Réunion au calendrier",
                EventKind.MINUTES: "Compte rendu publié",
            },
            lambda item, event: Q(kind=Topic.MEETINGS),
            applies=lambda item: item.kind == "meeting",
        ),
        Source(
            "projects.Project",
            {EventKind.PUBLISHED: "Nouveau projet", EventKind.STATUS: _new_state},
            _project_followers,
            state_field="project_status",
        ),
    ]
}


def source_of(item):
    """The item's source, or None when nobody follows this kind of item."""
    source = SOURCES.get(item._meta.label)
    return source if source and source.applies(item) else None
