"""Shared results (filter facets, cards, menu, footer, intros) kept between page renders.

The page cache is off here: every page is rendered, and must still show every change at
once while reading almost nothing from the database when content has not changed.
"""

import re

import pytest
from django.core.cache import cache
from django.template import Context, Template, TemplateSyntaxError

from pages.cache import VERSION_KEY
from projects.models import PriorityLever, Project

from . import builders

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def render_every_page(settings):
    settings.PAGE_CACHE_SECONDS = 0
    settings.DATA_CACHE_SECONDS = 600


def test_a_warm_project_list_does_not_touch_the_database(
    seeded, client, django_assert_max_num_queries
):
    url = "/projets/?levier=non-precise&etat=presented"
    first = client.get(url)
    with django_assert_max_num_queries(0):
        again = client.get(url)
    assert again.text == first.text
    assert "Projet «\u00a0Catamaran\u00a0»" in again.text


def test_renaming_a_project_changes_its_card_at_once(seeded, client):
    client.get("/projets/")
    project = Project.objects.get(slug="projet-catamaran")
    project.title = "Catamaran électrique"
    project.save()
    text = client.get("/projets/").text
    assert "Catamaran électrique" in text
    assert "Projet «\u00a0Catamaran\u00a0»" not in text


def test_filter_counts_follow_new_projects(seeded, client):
    lever = PriorityLever.objects.get(number=4)

    def lever_count():
        text = client.get("/projets/").text
        return int(re.search(rf'<option value="{lever.slug}">[^<]*\((\d+)\)</option>', text)[1])

    before = lever_count()
    builders.project(title="Atelier partagé de Saulieu", lever=lever)
    assert lever_count() == before + 1
    assert "Atelier partagé de Saulieu" in client.get("/projets/").text


def test_a_change_made_by_another_worker_shows_after_the_version_check(seeded, client, settings):
    """Another process saved (its signals bumped the shared version, not ours)."""
    settings.PAGE_CACHE_VERSION_CHECK_SECONDS = 0
    client.get("/projets/")
    Project.objects.filter(slug="projet-catamaran").update(title="Catamaran d'un autre worker")
    cache.set(VERSION_KEY, cache.get(VERSION_KEY) + 1, None)
    assert "Catamaran d&#x27;un autre worker" in client.get("/projets/").text


def test_with_the_data_cache_off_every_render_reads_the_database(seeded, client, settings):
    settings.DATA_CACHE_SECONDS = 0
    client.get("/projets/")
    Project.objects.filter(slug="projet-catamaran").update(title="Catamaran sans cache")
    assert "Catamaran sans cache" in client.get("/projets/").text


def test_remember_fragments_are_shared_until_content_changes(seeded):
    template = Template('{% remember "essai" name %}{{ name }} {{ extra }}{% endremember %}')
    assert template.render(Context({"name": "a", "extra": 1})) == "a 1"
    assert template.render(Context({"name": "a", "extra": 2})) == "a 1"  # kept
    assert template.render(Context({"name": "b", "extra": 2})) == "b 2"  # varies on name
    builders.project(title="Nouveau")
    assert template.render(Context({"name": "a", "extra": 3})) == "a 3"  # content changed


def test_remember_needs_a_quoted_name():
    with pytest.raises(TemplateSyntaxError, match="quoted fragment name"):
        Template("{% remember essai %}x{% endremember %}")
