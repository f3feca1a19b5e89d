"""Redis is an accelerator, never a dependency: stopped, full or frozen in the middle of a
test, every page still answers 200 from the database and editors still save.

Each test starts its own redis-server on a free port (the machine's Redis is never touched).
"""

import time

import pytest

from core.cache import ResilientRedisCache

from . import builders
from .forms import form_data
from .services import RedisServer, required_or_skip

pytestmark = [pytest.mark.django_db, pytest.mark.slow]


@pytest.fixture
def redis(settings, monkeypatch):
    required_or_skip(RedisServer.available, "redis-server absent : apt install redis-server")
    server = RedisServer("--maxmemory", "2mb", "--maxmemory-policy", "noeviction").start()
    settings.CACHES = {
        "default": {
            "BACKEND": "core.cache.ResilientRedisCache",
            "LOCATION": f"redis://127.0.0.1:{server.port}/0",
            "KEY_PREFIX": settings.RELEASE,
            "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.25},
        }
    }
    monkeypatch.setattr(ResilientRedisCache, "RETRY_SECONDS", 0.3)
    settings.CONTENT_VERSION_CHECK_SECONDS = 0.2
    monkeypatch.setattr(ResilientRedisCache, "_down_until", 0.0)
    yield server
    server.stop()


PAGES = ["/", "/projets/", "/projets/projet-catamaran/", "/recherche/?q=tiers", "/actualites/"]


def visit_all(client):
    return {url: client.get(url) for url in PAGES}


@pytest.fixture
def editor_browser(editor):
    """The editor's own browser (the visitor's `client` stays anonymous)."""
    from django.test import Client

    browser = Client()
    browser.force_login(editor)
    return browser


def editor_saves_a_project(client):
    from projects.models import Project

    project = Project.objects.get(slug="projet-catamaran")
    url = f"/admin/projects/project/{project.pk}/change/"
    data = form_data(client.get(url).text, "project_form") | {"summary": "Résumé revu."}
    assert client.post(url, data).status_code == 302
    project.refresh_from_db()
    assert project.summary == "Résumé revu."


def test_redis_stopped_in_the_middle_then_back(seeded, client, editor_browser, redis):
    visit_all(client)
    assert all(r["X-Page-Cache"] == "hit" for r in visit_all(client).values())

    redis.stop()
    for url, response in visit_all(client).items():
        assert response.status_code == 200, url
    editor_saves_a_project(editor_browser)
    time.sleep(0.25)  # other workers notice within CONTENT_VERSION_CHECK_SECONDS
    assert "Résumé revu." in client.get("/projets/projet-catamaran/").text

    redis.start()  # same port, empty: picked up without a restart
    time.sleep(0.4)
    client.get("/territoire/")
    assert client.get("/territoire/")["X-Page-Cache"] == "hit"


def test_redis_full_pages_still_answer(seeded, client, editor_browser, redis):
    import redis as redis_lib

    raw = redis_lib.Redis(port=redis.port)
    with pytest.raises(redis_lib.ResponseError, match="maxmemory"):
        for n in range(10_000):
            raw.set(f"remplissage:{n}", "x" * 10_000)
    for url, response in visit_all(client).items():
        assert response.status_code == 200, url
    editor_saves_a_project(editor_browser)
    builders.news(title="Écrite pendant que Redis est plein")
    assert "Écrite pendant que Redis est plein" in client.get("/actualites/").text


def test_redis_frozen_pages_answer_within_a_second(seeded, client, redis):
    visit_all(client)
    redis.freeze()
    try:
        for url in PAGES:
            start = time.monotonic()
            assert client.get(url).status_code == 200, url
            assert time.monotonic() - start < 1.0, url
    finally:
        redis.thaw()


def test_the_health_check_reports_the_cache_without_failing_on_it(client, redis):
    response = client.get("/sante/")
    assert response.status_code == 200
    assert response.json() == {"base_de_donnees": "ok", "cache": "ok"}
    assert "no-store" in response["Cache-Control"]
    redis.stop()
    response = client.get("/sante/")
    assert response.status_code == 200
    assert response.json() == {"base_de_donnees": "ok", "cache": "indisponible"}


def test_redis_stopped_the_public_forms_still_answer_and_still_limit(db, client, redis):
    """The subscription form counts posts in the cache: with Redis stopped it answers (no
    500) and keeps counting in the worker's memory (the limit still holds)."""
    from django.core import mail

    redis.stop()
    statuses = [
        client.post(
            "/s-abonner/alertes/", {"email": f"personne{n}@example.org", "topic": "news"}
        ).status_code
        for n in range(12)
    ]
    assert 500 not in statuses
    assert statuses[:10] == [200] * 10 and statuses[10:] == [429, 429]
    assert len(mail.outbox) == 10
