"""Failed logins: warned from the third, locked out at the fifth for an hour (French page,
in the admin's look, saying when it ends), unlocked by a new password."""

import datetime
from html import unescape

import pytest
from django.urls import reverse
from django.utils import timezone

pytestmark = pytest.mark.django_db

PASSWORD = "mot-de-passe-solide-42"  # the `editor` fixture's


@pytest.fixture(autouse=True)
def fast_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def log_in(client, username, password, **extra):
    return client.post(
        reverse("admin:login"), {"username": username, "password": password}, **extra
    )


def shown(response):
    return unescape(response.text)


def test_warned_from_the_third_failure_then_locked_out(client, editor):
    for _ in range(2):
        response = log_in(client, "redactrice", "mauvais")
        assert response.status_code == 200
        assert "Veuillez compléter correctement les champs" in shown(response)
        assert "Attention" not in shown(response)

    third = shown(log_in(client, "redactrice", "mauvais"))
    assert "Attention : encore 2 tentatives, puis la connexion de ce compte depuis cette " in third
    assert "sera bloquée pendant 1 heure" in third

    fourth = shown(log_in(client, "redactrice", "mauvais"))
    assert "Attention : encore 1 tentative, puis" in fourth

    fifth = log_in(client, "redactrice", "mauvais")
    assert fifth.status_code == 429
    assert "Connexion temporairement bloquée" in shown(fifth)
    assert log_in(client, "redactrice", PASSWORD).status_code == 429  # even the right one


def test_the_lockout_page_says_when_it_ends_and_offers_a_new_password(client, editor):
    for _ in range(5):
        response = log_in(client, "redactrice", "mauvais")
    ends = timezone.localtime() + datetime.timedelta(hours=1)
    page = shown(response)
    assert 'lang="fr"' in page
    assert "Territoire d'industrie Auxois Morvan — administration" in page  # the admin's look
    assert "pour le compte « redactrice » depuis cette adresse (5 échecs)" in page
    assert "bloquée pendant 1 heure" in page
    assert f"à {ends:%-H} h {ends:%M} (heure de Paris)" in page
    assert f'href="{reverse("admin_password_reset")}"' in page
    assert "Locked" not in page and "Account locked" not in page


def test_attempts_during_the_lock_do_not_push_its_end_back(client, editor, monkeypatch):
    for _ in range(5):
        first = shown(log_in(client, "redactrice", "mauvais"))
    later = timezone.now() + datetime.timedelta(minutes=20)
    monkeypatch.setattr("axes.handlers.proxy.now", lambda: later)
    again = log_in(client, "redactrice", "mauvais")
    assert again.status_code == 429
    ends = first[first.index("à partir du") :].split("(heure de Paris)")[0]
    assert ends in shown(again)


def test_warnings_count_per_user_name_and_address(client, editor, admin_user):
    for _ in range(3):
        log_in(client, "redactrice", "mauvais")
    assert "Attention" not in shown(log_in(client, "admin", "mauvais"))  # another name
    other_address = log_in(client, "redactrice", "mauvais", REMOTE_ADDR="192.0.2.7")
    assert "Attention" not in shown(other_address)
    assert log_in(client, "redactrice", PASSWORD, REMOTE_ADDR="192.0.2.7").status_code == 302


def test_an_administrator_setting_a_new_password_unlocks_the_editor(client, editor, admin_client):
    for _ in range(5):
        log_in(client, "redactrice", "mauvais")
    assert log_in(client, "redactrice", PASSWORD).status_code == 429

    response = admin_client.post(
        reverse("admin:auth_user_password_change", args=[editor.pk]),
        {
            "usable_password": "true",
            "password1": "Nouveau-Depart-2026",
            "password2": "Nouveau-Depart-2026",
        },
    )
    assert response.status_code == 302

    response = log_in(client, "redactrice", "Nouveau-Depart-2026")
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:index")


def test_behind_a_proxy_each_client_has_its_own_count(client, editor, settings):
    settings.PROXY_COUNT = 1

    def attempt(password, forwarded_for):
        return log_in(
            client,
            "redactrice",
            password,
            REMOTE_ADDR="10.0.0.1",  # the reverse proxy
            HTTP_X_FORWARDED_FOR=forwarded_for,
        )

    for _ in range(5):
        attempt("mauvais", "203.0.113.5")
    assert attempt(PASSWORD, "203.0.113.5").status_code == 429
    # What the client writes itself, left of the proxy's entry, is not believed.
    assert attempt(PASSWORD, "198.51.100.7, 203.0.113.5").status_code == 429
    assert attempt(PASSWORD, "198.51.100.7").status_code == 302  # another client
