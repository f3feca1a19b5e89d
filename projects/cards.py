"""Project cards as HTML, each rendered once and kept until content changes."""

from django.template.loader import render_to_string

from pages.cache import remember_each

from .models import Project


def project_cards(pks, level=3):
    """The card of each project in `pks`, in that order (`level`: its heading level)."""

    def render(missing):
        return {
            project.pk: render_to_string(
                "includes/project_card.html", {"project": project, "level": level}
            )
            for project in Project.objects.published().for_listing().in_order(missing)
        }

    cards = remember_each(f"project-card-h{level}", pks, render)
    return [cards[pk] for pk in pks if pk in cards]
