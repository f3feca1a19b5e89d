"""Domain rules held by models and querysets."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from core.publishing import Status
from governance.models import TimelineEvent
from pages.models import Page
from projects.models import PriorityLever

from . import builders

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("date", "precision", "label", "machine"),
    [
        (datetime.date(2019, 3, 21), "day", "21 mars 2019", "2019-03-21"),
        (datetime.date(2019, 7, 1), "day", "1er juillet 2019", "2019-07-01"),
        (datetime.date(2019, 12, 1), "month", "décembre 2019", "2019-12"),
        (datetime.date(2020, 7, 1), "semester", "2e semestre 2020", ""),
        (datetime.date(2020, 1, 1), "semester", "1er semestre 2020", ""),
        (datetime.date(2019, 1, 1), "year", "2019", "2019"),
    ],
)
def test_event_dates_are_shown_no_more_precisely_than_known(date, precision, label, machine):
    event = builders.event(date=date, date_precision=precision)
    assert event.date_label == label
    assert event.date_machine == machine


def test_approximate_date_ends_with_its_period():
    event = builders.event(date=datetime.date(2020, 7, 1), date_precision="semester")
    assert event.period_end == datetime.date(2020, 12, 31)


def test_upcoming_and_past_meetings():
    today = timezone.localdate()
    past = builders.event(date=today - datetime.timedelta(days=10))
    soon = builders.event(date=today + datetime.timedelta(days=5))
    later = builders.event(date=today + datetime.timedelta(days=50))
    builders.event(kind="milestone", date=today + datetime.timedelta(days=1))

    meetings = TimelineEvent.objects.published().meetings()
    assert list(meetings.upcoming()) == [soon, later]
    assert list(meetings.past()) == [past]


def test_lever_counts_only_published_projects():
    lever = builders.lever()
    builders.project(lever=lever)
    builders.project(lever=lever)
    builders.project(lever=lever, status=Status.DRAFT)

    assert PriorityLever.objects.with_project_counts().get(pk=lever.pk).project_count == 2


def test_choosing_an_action_sets_the_lever():
    lever = builders.lever()
    tiers_lieux = builders.action(lever)
    project = builders.project(action=tiers_lieux)
    assert project.lever == lever


def test_action_from_another_lever_is_refused():
    lever_a, lever_b = builders.lever(), builders.lever()
    project = builders.project(lever=lever_a)
    project.action = builders.action(lever_b)
    with pytest.raises(ValidationError) as excinfo:
        project.full_clean()
    assert "autre levier" in str(excinfo.value)


def test_projects_grouped_by_action_keep_unassigned_apart():
    lever = builders.lever()
    first, second = builders.action(lever, order=1), builders.action(lever, order=2)
    p1 = builders.project(action=first)
    loose = builders.project(lever=lever)

    groups = lever.projects_by_action(lever.projects.all())
    assert groups == [(first, [p1]), (second, []), (None, [loose])]


def test_rich_text_is_sanitised_on_save():
    page = builders.page(body='<p onclick="x()">Bonjour<script>alert(1)</script></p>')
    page.refresh_from_db()
    assert page.body == "<p>Bonjour</p>"


def test_only_one_introduction_per_section():
    builders.page(section="projects")
    with pytest.raises(ValidationError):
        Page(title="Deuxième", slug="deuxieme", section="projects").full_clean()


def test_every_public_model_has_a_french_str_and_url():
    lever = builders.lever(short_title="Numérique")
    assert str(lever).startswith("Levier ")
    for obj in [lever, builders.project(), builders.holder(), builders.news(), builders.body()]:
        assert obj.get_absolute_url().startswith("/")
        assert str(obj)
