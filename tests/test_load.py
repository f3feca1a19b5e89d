"""The production stack (`make serve`: nginx in front of Gunicorn, DEBUG off, page cache on)
under load, slow clients and oversized requests.

Bounded in requests and time, loopback only: the long figures belong to `make bench`.
"""

import re
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest

from .production import ROOT, Stack, fetch, prepare, production_env

pytestmark = pytest.mark.slow

ADMIN_PASSWORD = "mot-de-passe-de-la-charge-42"
URLS = ["/", "/projets/", "/projets/?levier=non-precise", "/gouvernance/", "/recherche/?q=projet",
        "/actualites/rss.xml", "/projets/projet-catamaran/", "/page-inconnue/"]  # fmt: skip


@pytest.fixture(scope="module")
def production_server(tmp_path_factory):
    database = tmp_path_factory.mktemp("load") / "charge.sqlite3"
    env = production_env(f"sqlite:///{database}")
    prepare(env)
    subprocess.run(
        [sys.executable, "manage.py", "createsuperuser", "--noinput", "--username", "admin",
         "--email", "admin@example.org"],
        cwd=ROOT, env={**env, "DJANGO_SUPERUSER_PASSWORD": ADMIN_PASSWORD}, check=True,
    )  # fmt: skip
    stack = Stack(env).start()
    yield stack.url
    stack.stop()


def test_concurrent_requests_all_succeed(production_server):
    started = time.monotonic()
    targets = [production_server + URLS[i % len(URLS)] for i in range(600)]
    with ThreadPoolExecutor(max_workers=16) as pool:
        results = list(pool.map(fetch, targets))
    statuses = [status for status, _, _ in results]
    assert statuses.count(404) == 600 // len(URLS)  # only the unknown page
    assert all(status in (200, 404) for status in statuses)
    assert time.monotonic() - started < 60
    assert sum(1 for _, headers, _ in results if headers.get("X-Page-Cache") == "hit") > 400


def test_a_visitor_cannot_pretend_to_come_through_https(production_server):
    """nginx sets X-Forwarded-Proto from its own connection (HSTS is tested behind a real
    HTTPS proxy header in test_security)."""
    request = urllib.request.Request(
        production_server + "/", headers={"X-Forwarded-Proto": "https"}
    )
    with urllib.request.urlopen(request) as response:
        assert response.headers["Strict-Transport-Security"] is None
        assert 'href="http://' in response.read().decode()
    with urllib.request.urlopen(production_server + "/static/css/site.css") as response:
        assert response.status == 200


def test_static_files_are_hashed_compressed_and_cached_for_ever(production_server):
    import re

    html = urllib.request.urlopen(production_server + "/").read().decode()
    css = re.search(r'href="(/static/css/site\.[0-9a-f]{12}\.css)"', html).group(1)
    request = urllib.request.Request(
        production_server + css, headers={"Accept-Encoding": "br, gzip"}
    )
    with urllib.request.urlopen(request) as response:
        assert response.headers["Content-Encoding"] in ("br", "gzip")
        assert "max-age=315360000" in response.headers["Cache-Control"]
        assert "immutable" in response.headers["Cache-Control"]


def test_home_page_weighs_under_60_kb_compressed(production_server):
    import gzip
    import re

    html = urllib.request.urlopen(production_server + "/").read()
    total = len(gzip.compress(html))
    for asset in re.findall(rb'(?:href|src)="(/static/[^"]+\.(?:css|js|woff2))"', html):
        request = urllib.request.Request(
            production_server + asset.decode(), headers={"Accept-Encoding": "br, gzip"}
        )
        total += len(urllib.request.urlopen(request).read())
    assert total < 60_000, total


def _slow_client(url, stop):
    """Sends a request one header line every two seconds, never finishing it."""
    host, port = url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=30) as connection:
        connection.sendall(b"GET / HTTP/1.1\r\nHost: localhost\r\n")
        while not stop.wait(2):
            try:
                connection.sendall(b"X-Lent: 1\r\n")
            except OSError:
                return


def test_a_hundred_slow_clients_do_not_starve_visitors(production_server):
    stop = threading.Event()
    clients = [
        threading.Thread(target=_slow_client, args=(production_server, stop), daemon=True)
        for _ in range(100)
    ]
    for client in clients:
        client.start()
    try:
        time.sleep(3)  # every slow client is connected and dripping
        slowest = 0.0
        for n in range(20):
            start = time.monotonic()
            status, _, _ = fetch(production_server + URLS[n % 7])
            slowest = max(slowest, time.monotonic() - start)
            assert status == 200
        assert slowest < 1.0, f"a visitor waited {slowest:.2f} s"
    finally:
        stop.set()


def _raw(url, request_bytes):
    host, port = url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as connection:
        connection.sendall(request_bytes)
        answer = b""
        while chunk := connection.recv(65536):
            answer += chunk
    head, _, body = answer.partition(b"\r\n\r\n")
    return int(head.split()[1]), body.decode("utf-8", "replace")


def test_oversized_or_malformed_requests_get_french_pages(production_server):
    status, body = _raw(
        production_server,
        b"GET /?q=" + b"a" * 9000 + b" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
    )
    assert (status, "Adresse trop longue" in body) == (414, True)
    status, body = _raw(
        production_server,
        b"POST /admin/login/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
        b"Content-Length: 30000000\r\n\r\n",
    )
    assert (status, "Fichier trop volumineux" in body) == (413, True)
    status, body = _raw(production_server, b"GET / HTTP/1.1\r\nConnection: close\r\n" + b"X: " +
                        b"b" * 9000 + b"\r\n\r\n")  # fmt: skip
    assert (status, "Requête incorrecte" in body) == (400, True)
    status, body = _raw(production_server, b"BONJOUR\r\n\r\n")
    assert status == 400 and 'lang="fr"' in body


def test_a_forged_x_forwarded_for_does_not_dodge_the_lock_out(production_server):
    """Behind nginx (PROXY_COUNT=1), the address counted is the one nginx saw, whatever
    the client writes in X-Forwarded-For."""
    from .test_two_hosts import Browser

    def attempt(password, forged):
        browser = Browser()
        page = browser.get(f"{production_server}/admin/login/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)[1]
        return browser.post(
            f"{production_server}/admin/login/",
            data={"csrfmiddlewaretoken": token, "username": "admin", "password": password},
            headers={"X-Forwarded-For": forged},
            allow_redirects=False,
        )

    for n in range(5):
        attempt("mauvais", f"198.51.100.{n}")
    locked = attempt(ADMIN_PASSWORD, "203.0.113.99")
    assert locked.status_code == 429
    assert "Connexion temporairement bloquée" in locked.text or "bloqu" in locked.text
