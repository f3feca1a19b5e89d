"""Two hosts behind a load balancer: two production stacks (nginx + Gunicorn) on different
ports share the database, Redis and the object storage. An edit made through one shows
through the other within a second; an image uploaded through one is served by both."""

import re
import subprocess
import sys
import time

import pytest

from .forms import form_data
from .production import ROOT, Stack, own_database, prepare, production_env
from .services import RedisServer, S3Server, required_or_skip

pytestmark = pytest.mark.slow
requests = pytest.importorskip("requests")
PASSWORD = "mot-de-passe-des-deux-hotes-42"


@pytest.fixture(scope="module")
def shared_database(tmp_path_factory):
    """A database of its own: PostgreSQL when the suite runs on it, else a SQLite file."""
    with own_database(tmp_path_factory.mktemp("deux-hotes"), "deux_hotes") as url:
        yield url


@pytest.fixture(scope="module")
def hosts(shared_database):
    required_or_skip(RedisServer.available, "redis-server absent : apt install redis-server")
    redis, bucket = RedisServer().start(), S3Server().start()
    env = production_env(
        shared_database, CACHE_URL=redis.url, RELEASE="deux-hotes", **bucket.environment()
    )
    prepare(env)
    subprocess.run(
        [sys.executable, "manage.py", "createsuperuser", "--noinput", "--username", "admin",
         "--email", "admin@example.org"],
        cwd=ROOT, env={**env, "DJANGO_SUPERUSER_PASSWORD": PASSWORD}, check=True,
    )  # fmt: skip
    first, second = Stack(env).start(), Stack(env).start()
    yield first.url, second.url, bucket
    for process in (first, second, redis, bucket):
        process.stop()


class Browser:
    """A browser's cookies for 127.0.0.1: like real browsers, which treat loopback as a secure
    origin, it sends the site's `Secure` cookies over plain HTTP (requests would not)."""

    def __init__(self):
        self.cookies = {}

    def request(self, method, url, **kwargs):
        response = requests.request(method, url, cookies=self.cookies, **kwargs)
        self.cookies |= {cookie.name: cookie.value for cookie in response.cookies}
        return response

    def get(self, url, **kwargs):
        return self.request("GET", url, **kwargs)

    def post(self, url, **kwargs):
        return self.request("POST", url, **kwargs)


def logged_in(base):
    session = Browser()
    page = session.get(f"{base}/admin/login/")
    data = form_data(page.text) | {"username": "admin", "password": PASSWORD}
    response = session.post(f"{base}/admin/login/", data=data, allow_redirects=False)
    assert response.status_code == 302
    return session


def submit(session, url, form_id, changes, files=None):
    data = form_data(session.get(url).text, form_id) | changes
    response = session.post(url, data=data, files=files, allow_redirects=False)
    assert response.status_code == 302, response.text[:2000]
    return response


def project_admin_url(session, base):
    listing = session.get(f"{base}/admin/projects/project/", params={"q": "Catamaran"}).text
    return base + re.search(r'href="(/admin/projects/project/\d+/change/)', listing)[1]


def appears_within(url, text, seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if text in requests.get(url).text:
            return True
        time.sleep(0.05)
    return False


def test_an_edit_through_one_host_shows_through_the_other_within_a_second(hosts):
    first, second, _ = hosts
    page = "/projets/projet-catamaran/"
    for base in (first, second):  # both hosts have the page in their cache
        requests.get(base + page)
        assert requests.get(base + page).headers["X-Page-Cache"] == "hit"

    session = logged_in(first)
    submit(session, project_admin_url(session, first), "project_form",
           {"summary": "Modifié sur le premier hôte."})  # fmt: skip
    assert appears_within(second + page, "Modifié sur le premier hôte.", seconds=1.0)


def test_an_image_uploaded_through_one_host_is_served_by_both(hosts):
    from . import media_files

    first, second, bucket = hosts
    session = logged_in(first)
    photo = media_files.photo(1200, 900).read()
    response = submit(
        session, f"{first}/admin/core/image/add/", "image_form",
        {"alt": "Vue de l'atelier partagé"}, files={"file": ("atelier.jpg", photo, "image/jpeg")},
    )  # fmt: skip
    listing = session.get(f"{first}/admin/core/image/").text
    image_id = re.search(r'href="/admin/core/image/(\d+)/change/', listing)[1]
    assert response.headers["Location"].startswith("/admin/core/image/")
    submit(session, project_admin_url(session, first), "project_form", {"image": image_id})

    html = requests.get(second + "/projets/projet-catamaran/").text
    src = re.search(r'src="(/media/renditions/[^"]+\.webp)"', html)[1]
    assert any(key == src.removeprefix("/media/") for key in bucket.object_keys())
    for base in (first, second):
        rendition = requests.get(base + src)
        assert rendition.status_code == 200
        assert rendition.headers["Content-Type"] == "image/webp"
        assert rendition.content[:4] == b"RIFF"
