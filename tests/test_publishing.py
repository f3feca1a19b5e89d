"""Who sees what: published content for everyone, drafts and scheduled items for staff only."""

import datetime

import pytest
from django.utils import timezone

from core.publishing import Status
from pages.models import NewsArticle
from projects.models import Project

from . import builders

pytestmark = pytest.mark.django_db

LATER = timezone.now() + datetime.timedelta(days=3)


def test_published_queryset_excludes_drafts_and_future_items():
    visible = builders.project(title="Projet visible")
    builders.project(title="Projet brouillon", status=Status.DRAFT)
    builders.project(title="Projet programmé", published_at=LATER)

    assert list(Project.objects.published()) == [visible]


def test_item_scheduled_in_the_past_is_published():
    past = builders.news(published_at=timezone.now() - datetime.timedelta(minutes=1))
    assert list(NewsArticle.objects.published()) == [past]


@pytest.mark.parametrize(
    "make",
    [
        lambda: builders.project(status=Status.DRAFT),
        lambda: builders.news(status=Status.DRAFT),
        lambda: builders.page(status=Status.DRAFT),
        lambda: builders.holder(status=Status.DRAFT),
        lambda: builders.lever(status=Status.DRAFT),
        lambda: builders.body(status=Status.DRAFT),
        lambda: builders.event(status=Status.DRAFT),
        lambda: builders.project(published_at=LATER),
    ],
    ids=["project", "news", "page", "holder", "lever", "body", "event", "scheduled-project"],
)
def test_unpublished_detail_is_404_for_public_and_flagged_for_staff(client, admin_client, make):
    obj = make()
    url = obj.get_absolute_url()

    assert client.get(url).status_code == 404

    response = admin_client.get(url)
    assert response.status_code == 200
    assert "Aperçu — non publié" in response.text


def test_published_detail_has_no_draft_banner(admin_client):
    obj = builders.project()
    assert "Aperçu — non publié" not in admin_client.get(obj.get_absolute_url()).text


def test_lists_never_show_drafts_even_to_staff(admin_client):
    builders.project(title="Projet brouillon", status=Status.DRAFT)
    builders.news(title="Actualité brouillon", status=Status.DRAFT)

    assert "Projet brouillon" not in admin_client.get("/projets/").text
    assert "Actualité brouillon" not in admin_client.get("/actualites/").text


def test_draft_holder_is_hidden_from_project_cards_pages_and_exports(client):
    hidden = builders.holder(name="Porteur confidentiel", status=Status.DRAFT)
    shown = builders.holder(name="Porteur connu")
    project = builders.project(holders=[hidden, shown], title="Projet public")

    for url in ("/projets/", project.get_absolute_url(), "/donnees-ouvertes/projets.csv"):
        text = client.get(url).content.decode()
        assert "Projet public" in text, url
        assert "Porteur connu" in text, url
        assert "Porteur confidentiel" not in text, url


def test_menu_hides_entries_pointing_at_unpublished_pages(client):
    from pages.models import MenuItem

    draft = builders.page(title="Page cachée", status=Status.DRAFT)
    MenuItem.objects.create(label="Entrée cachée", page=draft)
    MenuItem.objects.create(label="Entrée visible", path="/projets/")

    text = client.get("/").text
    assert "Entrée visible" in text
    assert "Entrée cachée" not in text


def test_a_draft_lever_is_never_shown_through_its_projects(client):
    from core.opendata import datasets  # noqa: F401  (exports use the same rule)

    lever = builders.lever(title="Levier secret", short_title="Secret", status=Status.DRAFT)
    project = builders.project(title="Projet visible", lever=lever)
    for url in [project.get_absolute_url(), "/projets/", "/donnees-ouvertes/projets.csv"]:
        text = client.get(url).content.decode("utf-8-sig")
        assert "Secret" not in text, url
    assert "Levier non précisé" in client.get(project.get_absolute_url()).text


def test_a_lever_published_after_start_up_can_be_filtered(client):
    lever = builders.lever(slug="levier-tout-neuf", published_at=timezone.now())
    builders.project(lever=lever, title="Projet du nouveau levier")
    response = client.get("/projets/", {"levier": "levier-tout-neuf"})
    assert response.status_code == 200
    assert "Projet du nouveau levier" in response.text
