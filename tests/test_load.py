"""A short load test of the production configuration (Gunicorn, DEBUG off, page cache on).

Bounded in requests and time, loopback only: the long figures belong to `make bench`.
"""

import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
URLS = ["/", "/projets/", "/projets/?levier=non-precise", "/gouvernance/", "/recherche/?q=projet",
        "/actualites/rss.xml", "/projets/projet-catamaran/", "/page-inconnue/"]  # fmt: skip


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def production_server(tmp_path_factory):
    database = tmp_path_factory.mktemp("load") / "charge.sqlite3"
    port = free_port()
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DEBUG": "false",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": f"sqlite:///{database}",
        "PORT": str(port),
        "WEB_CONCURRENCY": "2",
        "GUNICORN_ACCESS_LOG": "/dev/null",
    }
    manage = [sys.executable, "manage.py"]
    fixtures = ["loaddata", "territory", "governance", "projects", "pages"]
    for command in (["migrate", "-v0"], fixtures, ["collectstatic", "--noinput", "-v0"]):
        subprocess.run(manage + command, cwd=ROOT, env=env, check=True, capture_output=True)
    gunicorn = Path(sys.executable).parent / "gunicorn"
    server = subprocess.Popen(
        [gunicorn, "-c", "gunicorn.conf.py", "auxois_site.wsgi"], cwd=ROOT, env=env
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(base + "/", timeout=1)
            break
        except OSError:
            time.sleep(0.1)
    yield base
    server.terminate()
    server.wait(timeout=10)


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.headers
    except urllib.error.HTTPError as error:
        return error.code, error.headers


def test_concurrent_requests_all_succeed(production_server):
    started = time.monotonic()
    targets = [production_server + URLS[i % len(URLS)] for i in range(600)]
    with ThreadPoolExecutor(max_workers=16) as pool:
        results = list(pool.map(fetch, targets))
    statuses = [status for status, _ in results]
    assert statuses.count(404) == 600 // len(URLS)  # only the unknown page
    assert all(status in (200, 404) for status in statuses)
    assert time.monotonic() - started < 60
    assert sum(1 for _, headers in results if headers.get("X-Page-Cache") == "hit") > 400


def test_behind_the_proxy_it_speaks_https_only(production_server):
    request = urllib.request.Request(
        production_server + "/", headers={"X-Forwarded-Proto": "https"}
    )
    with urllib.request.urlopen(request) as response:
        assert "max-age=31536000" in response.headers["Strict-Transport-Security"]
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
