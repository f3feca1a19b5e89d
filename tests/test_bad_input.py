"""Malformed requests by the thousand: never a 5xx, never a stack trace."""

import itertools
import random

import pytest

pytestmark = pytest.mark.django_db

PATHS = [
    "/", "/projets/", "/actualites/", "/priorites/", "/porteurs/", "/gouvernance/",
    "/territoire/", "/recherche/", "/plan-du-site/", "/donnees-ouvertes/",
    "/donnees-ouvertes/projets.csv", "/donnees-ouvertes/reunions.json",
    "/actualites/rss.xml", "/actualites/atom.xml", "/gouvernance/calendrier.ics",
    "/projets/projet-catamaran/", "/sitemap.xml", "/robots.txt",
]  # fmt: skip
SLUG_ATTACKS = [
    "..%2F..%2Fetc%2Fpasswd", "%00", "a" * 300, "%C3%A9t%C3%A9", "%FF%FE", "' OR 1=1 --",
    "{{7*7}}", "{%25 debug %25}", "<script>", "-", "_", "null", "projet-catamaran.ics",
    "%2e%2e", "x/y/z", "admin", "static", "%0d%0aSet-Cookie:x=1",
]  # fmt: skip
PARAMS = ["page", "q", "type", "levier", "action", "etat", "porteur", "intercommunalite", "secteur"]
VALUES = [
    "-1", "0", "abc", "999999", "1e9", "1.5", "", " ", "%00", "\x00", "\u202e", "😀" * 50,
    "' OR '1'='1", "1; DROP TABLE projects_project; --", "<img src=x onerror=alert(1)>",
    "{{ settings.SECRET_KEY }}", "{% load log %}", "${jndi:ldap://x}", "a" * 5000,
    "\\x", "%", "%%", "[]", "{}", "non-precise", "last",
]  # fmt: skip
METHODS = ["post", "put", "patch", "delete", "options", "head"]


def requests_to_send():
    rng = random.Random(2019)
    for path, param, value in itertools.product(PATHS[:12], PARAMS, VALUES[:12]):
        yield "get", path, {param: value}
    for slug in SLUG_ATTACKS:
        for prefix in ["/projets/", "/porteurs/", "/priorites/", "/actualites/",
                       "/gouvernance/calendrier/", "/gouvernance/instances/", "/", "/media/",
                       "/donnees-ouvertes/"]:  # fmt: skip
            yield "get", prefix + slug + "/", {}
    for _ in range(400):
        query = {rng.choice(PARAMS): rng.choice(VALUES) for _ in range(rng.randint(1, 4))}
        yield "get", rng.choice(PATHS), query
    for method, path in itertools.product(METHODS, PATHS):
        yield method, path, {}
    for path in PATHS[:6]:
        yield "get", path, {"q": bytes(range(256)).decode("latin-1")}


def test_a_thousand_malformed_requests_never_break_the_site(seeded, client, settings):
    settings.DEBUG = False
    client.raise_request_exception = False
    sent = 0
    for method, path, params in requests_to_send():
        response = (
            getattr(client, method)(path, params)
            if method == "get"
            else getattr(client, method)(path)
        )
        sent += 1
        assert response.status_code < 500, (method, path, params, response.status_code)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert b"Traceback" not in body and b"django.db" not in body, (method, path, params)
        assert b"<img src=x onerror" not in body, (method, path, params)
    assert sent >= 1000


@pytest.mark.parametrize(
    "host", ["evil.example", "127.0.0.1.evil.example", "a b", "xn--", "[::1", "localhost\r\nX: y"]
)
@pytest.mark.parametrize("path", ["/", "/projets/", "/page-inconnue/", "/actualites/rss.xml"])
def test_an_unknown_host_header_gets_a_french_400(seeded, client, settings, host, path):
    """Proxies and scanners send other hosts' names: a 400 page, never an error page."""
    settings.DEBUG = False
    client.raise_request_exception = False
    response = client.get(path, HTTP_HOST=host)
    assert response.status_code == 400
    assert "Requête incorrecte" in response.text
    assert host not in response.text
