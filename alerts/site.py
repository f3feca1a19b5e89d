"""The form to follow a topic by e-mail, on the pages of what one can follow (see
core/site.py): the content apps do not know about alerts; alerts names their pages."""

from core import site
from governance.models import EventKind

from .forms import FollowForm
from .models import Topic


def follow(topic, legend, hint):
    """The compact form's context: nothing personal, so pages stored with it stay right."""
    return {"follow_form": FollowForm(topic), "follow_legend": legend, "follow_hint": hint}


def news():
    return follow(
        Topic.NEWS,
        "Suivre les actualités par courriel",
        "Recevez les actualités du site par courriel.",
    )


def meetings():
    return follow(
        Topic.MEETINGS,
        "Suivre les réunions par courriel",
        "Recevez par courriel les alertes sur les réunions.",
    )


def article(article):
    return news() if article.is_public else {}  # a draft previewed by an editor: no form


def meeting(event):
    return meetings() if event.kind == EventKind.MEETING and event.is_public else {}


def lever(lever):
    if not lever.is_public:
        return {}
    return follow(
        f"lever:{lever.slug}",
        "Suivre ce levier par courriel",
        "Recevez par courriel les alertes sur ce levier.",
    )


def project(project):
    if not project.is_public:
        return {}
    return follow(
        f"project:{project.slug}",
        "Suivre ce projet",
        "Recevez par courriel les alertes sur ce projet.",
    )


def register():
    part = "alerts/parts/follow.html"
    site.add_section_part("news", part, news)
    site.add_section_part("governance", part, meetings)
    site.add_detail_part("pages.NewsArticle", part, article, order=100)
    site.add_detail_part("governance.TimelineEvent", part, meeting, order=100)
    site.add_detail_part("projects.PriorityLever", part, lever, order=100)
    site.add_detail_part("projects.Project", part, project, order=100)
