"""A project with milestones, funding and meetings, and the meeting that examined it: no axe
violation, headings in order, nothing wider than a phone."""

import datetime
from decimal import Decimal

import pytest

from governance.models import TimelineEvent
from projects.models import Project, ProjectFunder, ProjectMilestone

from .test_accessibility import run_axe


@pytest.fixture
def followed_project(site):
    """The seeded « Filière sarrasin bio » with everything this issue lets the team record
    (made up for the test only: the fixtures record none of it)."""
    project = Project.objects.get(slug="filiere-sarrasin-bio")
    project.total_cost = Decimal("1250000")
    project.save()
    project.meetings.set([TimelineEvent.objects.get(slug="comite-de-projet-11-juillet-2019")])
    for order, (label, date, state, precision) in enumerate(
        [
            ("Étude de marché", datetime.date(2019, 9, 1), "done", "month"),
            ("Premières récoltes", datetime.date(2020, 7, 1), "expected", "semester"),
            ("Atelier de transformation", datetime.date(2040, 1, 1), "expected", "year"),
        ]
    ):
        ProjectMilestone.objects.create(
            project=project, label=label, date=date, state=state, date_precision=precision,
            order=order,
        )  # fmt: skip
    ProjectFunder.objects.create(project=project, name="Région", amount=Decimal("500000"))
    ProjectFunder.objects.create(project=project, name="Europe (FEADER)")
    return site


PAGES = {
    "projet-suivi": "/projets/filiere-sarrasin-bio/",
    "reunion-et-projets": "/gouvernance/calendrier/comite-de-projet-11-juillet-2019/",
    "levier-sans-projet": "/priorites/attractivite-formations-recrutements/",
}


@pytest.mark.parametrize("url", PAGES.values(), ids=PAGES.keys())
@pytest.mark.parametrize("width", [375, 1280])
def test_no_axe_violation_headings_in_order_and_no_sideways_scroll(
    followed_project, context, axe_source, url, width
):
    page = context.new_page()
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(followed_project + url)
    assert run_axe(page, axe_source) == []
    levels = page.evaluate(
        "[...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].map(h => +h.tagName[1])"
    )
    assert levels.count(1) == 1 and levels[0] == 1
    for before, after in zip(levels, levels[1:], strict=False):
        assert after <= before + 1, levels
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_an_overdue_milestone_is_not_styled_as_still_to_come(followed_project, page):
    page.goto(followed_project + PAGES["projet-suivi"])
    overdue = page.locator(".timeline__item", has_text="Premières récoltes")
    assert "date dépassée, à confirmer" in overdue.inner_text()
    assert "timeline__item--past" in overdue.get_attribute("class")
    future = page.locator(".timeline__item", has_text="Atelier de transformation")
    assert "timeline__item--expected" in future.get_attribute("class")
