"""The anonymous page cache: fast, never stale, never shown to staff, conditional GETs."""

import pytest

from core.cache import forget_local_copies
from core.publishing import Status

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


def test_pages_stored_by_another_release_are_not_read(seeded, client, settings):
    """After a deployment (another RELEASE), copies made with the old markup are ignored."""
    assert settings.CACHES["default"]["KEY_PREFIX"] == settings.RELEASE
    assert client.get("/projets/")["X-Page-Cache"] == "miss"
    assert client.get("/projets/")["X-Page-Cache"] == "hit"
    settings.CACHES = {"default": settings.CACHES["default"] | {"KEY_PREFIX": "2.0.0"}}
    forget_local_copies()  # new release, new processes: nothing in their memory
    response = client.get("/projets/")
    assert response["X-Page-Cache"] == "miss"
    assert "Projet «\u00a0Catamaran\u00a0»" in response.text


def stored_pages():
    """How many pages the cache holds, whichever backend the suite runs with."""
    from django.core.cache import cache

    if hasattr(cache._cache, "get_client"):  # Redis (CACHE_URL=redis://…)
        return sum(1 for _ in cache._cache.get_client().scan_iter(match="*:page:*"))
    return sum(":page:" in key for key in cache._cache)  # local memory


def test_junk_addresses_add_only_a_handful_of_entries(seeded, client):
    for url in ("/", "/projets/", "/actualites/", "/recherche/?q=projet"):
        assert client.get(url).status_code == 200
    assert stored_pages() == 4
    for n in range(300):
        client.get(f"/?utm_source=campagne-{n}&fbclid={n}")
        client.get(f"/projets/?utm_medium={n}")
        client.get(f"/actualites/?page={n + 2}")  # beyond the last page: 404
        client.get(f"/page-inexistante-{n}/")
        client.get(f"/projets/?etat=faux-{n}")  # unknown filter value: 400
        client.get(f"/recherche/?q=xq{n}zv")  # nothing found: not stored
    assert stored_pages() == 4
    assert client.get("/?utm_source=x")["X-Page-Cache"] == "hit"


def test_parameters_a_page_does_not_read_never_reach_its_links(seeded, client):
    for n in range(30):
        builders.news(title=f"Nouvelle {n}")
    html = client.get("/actualites/?utm_source=lettre&page=1").text
    assert "utm_source" not in html
    assert 'href="?page=2"' in html


def test_a_made_up_session_cookie_is_served_from_the_cache(seeded, client):
    client.get("/projets/")
    client.cookies["sessionid"] = "inventee-de-toutes-pieces"
    response = client.get("/projets/")
    assert response["X-Page-Cache"] == "hit"


def test_head_stores_nothing_and_the_stored_page_has_its_etag(seeded, client):
    assert client.head("/territoire/")["X-Page-Cache"] == "miss"
    first = client.get("/territoire/")
    assert first["X-Page-Cache"] == "miss"  # the HEAD stored nothing
    again = client.head("/territoire/")
    assert again["X-Page-Cache"] == "hit"
    assert again["ETag"] == first["ETag"]
    assert client.get("/territoire/", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304


def test_renaming_a_project_changes_the_list_at_once_even_uncached(seeded, client, settings):
    from projects.models import Project

    settings.PAGE_CACHE_SECONDS = 0
    client.get("/projets/")
    project = Project.objects.get(slug="projet-catamaran")
    project.title = "Catamaran électrique"
    project.save()
    text = client.get("/projets/").text
    assert "Catamaran électrique" in text
    assert "Projet «\u00a0Catamaran\u00a0»" not in text


def test_a_change_made_by_another_worker_shows_within_the_version_check(seeded, client, settings):
    """Another process saved: its signals bumped the shared version, not ours. This worker
    re-reads the shared version at most every CONTENT_VERSION_CHECK_SECONDS."""
    import time

    from django.core.cache import cache

    from core.cache import VERSION_KEY
    from projects.models import Project

    settings.CONTENT_VERSION_CHECK_SECONDS = 0.3
    client.get("/projets/")
    Project.objects.filter(slug="projet-catamaran").update(title="Catamaran d'un autre worker")
    cache.set(VERSION_KEY, cache.get(VERSION_KEY) + 1, None)
    time.sleep(0.35)
    assert "Catamaran d&#x27;un autre worker" in client.get("/projets/").text


def wsgi_get(path, **extra):
    """What Gunicorn's call to auxois_site.wsgi.application returns: (status, headers, body)."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections
    from django.test import RequestFactory

    from auxois_site.wsgi import application

    answer = {}

    def start_response(status, headers):
        answer.update(status=status, headers=dict(headers))

    environ = RequestFactory().get(path, **extra).environ
    # As Django's test client does: the test's transaction keeps its database connection
    # (a server closes old connections at the start and end of each request).
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        response = application(environ, start_response)
        body = b"".join(response)
        getattr(response, "close", lambda: None)()
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
    return answer["status"], answer["headers"], body


def test_stored_pages_are_sent_before_django_builds_a_request(seeded, client, monkeypatch):
    first = client.get("/projets/?levier=non-precise")
    assert first["X-Page-Cache"] == "miss"

    def no_django(*args, **kwargs):
        raise AssertionError("Django was called for a stored page")

    monkeypatch.setattr("django.core.handlers.wsgi.WSGIHandler.__call__", no_django)
    status, headers, body = wsgi_get("/projets/?utm_source=lettre&levier=non-precise")
    assert (status, headers["X-Page-Cache"]) == ("200 OK", "hit")
    assert body == first.content
    assert headers["Content-Security-Policy"] == first["Content-Security-Policy"]
    status, _, body = wsgi_get("/projets/?levier=non-precise", HTTP_IF_NONE_MATCH=first["ETag"])
    assert (status, body) == ("304 Not Modified", b"")


def test_the_fast_path_leaves_sessions_the_admin_and_misses_to_django(seeded, client):
    client.get("/territoire/")
    assert wsgi_get("/territoire/")[1]["X-Page-Cache"] == "hit"
    assert wsgi_get("/territoire/", HTTP_COOKIE="sessionid=inventee")[1]["X-Page-Cache"] == "hit"
    assert wsgi_get("/gouvernance/")[1]["X-Page-Cache"] == "miss"  # rendered by Django
    status, headers, _ = wsgi_get("/admin/")
    assert status.startswith("302") and "X-Page-Cache" not in headers
