"""Security headers, deploy checks, admin brute force, safe serving of uploads, outages."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import OperationalError
from django.db.backends.base.base import BaseDatabaseWrapper

from . import builders

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    "url", ["/", "/projets/", "/page-inconnue/", "/admin/login/", "/actualites/rss.xml"]
)
def test_security_headers_on_every_response(seeded, client, url):
    response = client.get(url)
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def production_env(**extra):
    inherited = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    return {
        **inherited,
        "DEBUG": "false",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "example.org",
        "EMAIL_URL": "smtp+tls://site@mail.example.org:587",
        "SITE_URL": "https://example.org",
        **extra,
    }


def test_check_deploy_is_clean():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=production_env(),
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr and "WARNINGS" not in result.stdout


def test_production_settings_behind_the_proxy():
    code = (
        "from django.conf import settings as s;"
        "print(s.SECURE_SSL_REDIRECT, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE,"
        " s.SESSION_COOKIE_HTTPONLY, s.SECURE_HSTS_SECONDS >= 31536000, s.SECURE_PROXY_SSL_HEADER)"
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=production_env(),
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.split("\n")[-2] == (
        "True True True True True ('HTTP_X_FORWARDED_PROTO', 'https')"
    )


def test_admin_login_locks_out_after_repeated_failures(db, client, admin_user):
    def attempt(password):
        return client.post("/admin/login/", {"username": admin_user.username, "password": password})

    for _ in range(4):
        assert attempt("mauvais").status_code == 200  # the form again, with its error
    fifth = attempt("mauvais")
    assert fifth.status_code == 429
    assert "Connexion temporairement bloquée" in fifth.text
    assert attempt("password").status_code == 429  # even the right password, for an hour


def test_admin_path_is_configurable():
    code = "from django.urls import reverse; print(reverse('admin:index'))"
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env={**os.environ, "ADMIN_URL": "gestion-8f3k/"},
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip().splitlines()[-1] == "/gestion-8f3k/"


def test_passwords_are_validated(settings):
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        validate_password("12345678")


def test_documents_are_downloaded_never_rendered(client):
    document = builders.document(builders.news())
    response = client.get(document.file.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "sandbox" in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize("name", ["page.html", "dessin.svg", "script.js", "../settings.py"])
def test_media_never_serves_other_types(client, media_root, name):
    media_root.mkdir(parents=True, exist_ok=True)
    (media_root / "page.html").write_text("<script>alert(1)</script>")
    assert client.get(f"/media/{name}").status_code == 404


@pytest.mark.django_db(transaction=True)  # real connections, closed and reopened
def test_database_outage_gives_a_styled_503_then_recovers(seeded, client, settings, monkeypatch):
    settings.DEBUG = False
    settings.PAGE_CACHE_SECONDS = 0
    client.raise_request_exception = False

    def down(self):
        raise OperationalError("connection refused")

    with monkeypatch.context() as patch:
        patch.setattr(BaseDatabaseWrapper, "ensure_connection", down)
        from django.db import connection

        connection.close()
        response = client.get("/projets/")
    assert response.status_code == 503
    assert "Service momentanément indisponible" in response.text
    assert response["Retry-After"] == "30"
    assert "Traceback" not in response.text and "OperationalError" not in response.text

    assert client.get("/projets/").status_code == 200


def test_documents_of_drafts_are_not_served_to_visitors(client, admin_client):
    draft = builders.news(status="draft")
    document = builders.document(draft)
    assert client.get(document.file.url).status_code == 404
    assert admin_client.get(document.file.url).status_code == 200


def test_logging_in_without_next_lands_on_the_admin_home(client, editor):
    response = client.post(
        "/admin/login/", {"username": "redactrice", "password": "mot-de-passe-solide-42"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/admin/"


@pytest.mark.django_db(transaction=True)
def test_the_health_check_fails_when_the_database_is_down(client, monkeypatch):
    from django.db import connection

    assert client.get("/sante/").status_code == 200

    def down(self):
        raise OperationalError("connection refused")

    monkeypatch.setattr(BaseDatabaseWrapper, "ensure_connection", down)
    connection.close()
    response = client.get("/sante/")
    assert response.status_code == 503
    assert response.json()["base_de_donnees"] == "indisponible"
    assert "refused" not in response.text
