"""The anonymous page cache: fast, never stale, never shown to staff, conditional GETs."""

import pytest

from pages.publishing import Status

from . import builders

pytestmark = pytest.mark.django_db


def test_second_visit_is_served_from_the_cache(seeded, client):
    assert client.get("/projets/")["X-Page-Cache"] == "miss"
    response = client.get("/projets/")
    assert response["X-Page-Cache"] == "hit"
    assert "Projet «\u00a0Catamaran\u00a0»" in response.text
    assert "Cookie" in response["Vary"]


def test_saving_content_invalidates_every_cached_page(seeded, client):
    client.get("/projets/")
    builders.project(title="Nouveau projet de scierie")
    response = client.get("/projets/")
    assert response["X-Page-Cache"] == "miss"
    assert "Nouveau projet de scierie" in response.text


def test_unpublishing_in_bulk_removes_it_at_once(seeded, admin_client, client):
    from projects.models import Project

    catamaran = Project.objects.get(slug="projet-catamaran")
    assert "Catamaran" in client.get("/projets/").text
    admin_client.post(
        "/admin/projects/project/", {"action": "unpublish", "_selected_action": [catamaran.pk]}
    )
    assert "Catamaran" not in client.get("/projets/").text
    assert client.get(catamaran.get_absolute_url()).status_code == 404


def test_staff_never_get_the_anonymous_copy(seeded, client, admin_user):
    draft = builders.project(title="Brouillon de l'équipe", status=Status.DRAFT)
    client.get(draft.get_absolute_url())  # anonymous 404, cached
    client.force_login(admin_user)
    response = client.get(draft.get_absolute_url())
    assert response.status_code == 200
    assert "X-Page-Cache" not in response


@pytest.mark.parametrize("warm", [False, True], ids=["miss", "hit"])
def test_conditional_get_answers_304(seeded, client, warm):
    first = client.get("/territoire/")
    if warm:
        client.get("/territoire/")
    etag = first["ETag"]
    again = client.get("/territoire/", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""


def test_bad_requests_are_not_cached(seeded, client, settings):
    settings.DEBUG = False
    assert client.get("/projets/?etat=inconnu").status_code == 400
    response = client.get("/projets/?etat=inconnu")
    assert response.status_code == 400
    assert response["X-Page-Cache"] == "miss"


def test_http_and_https_pages_are_cached_apart(seeded, client):
    plain = client.get("/territoire/")
    secure = client.get("/territoire/", secure=True)
    assert 'href="http://testserver/territoire/"' in plain.text
    assert 'href="https://testserver/territoire/"' in secure.text


def test_staff_pages_are_private(seeded, admin_client):
    response = admin_client.get("/projets/")
    assert "private" in response["Cache-Control"]


def test_pages_and_data_cached_by_another_release_are_not_read(seeded, client, monkeypatch):
    """After a deployment, copies made with the old markup or data shapes are ignored."""
    from pages import cache as page_cache

    assert client.get("/projets/")["X-Page-Cache"] == "miss"
    assert client.get("/projets/")["X-Page-Cache"] == "hit"
    monkeypatch.setattr(page_cache, "release", lambda: "nouvelle-version")
    page_cache.reset_local_state()
    response = client.get("/projets/")
    assert response["X-Page-Cache"] == "miss"
    assert "Projet «\u00a0Catamaran\u00a0»" in response.text
