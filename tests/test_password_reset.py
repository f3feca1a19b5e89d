"""Forgotten password: the e-mail goes through a real SMTP server, the link sets a new
password, and nothing is told or sent to someone who is not an editor."""

from html import unescape

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from core.roles import EDITOR

from .mailbox import LocalSMTPServer, body, reset_link

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "Sarrasin-de-l-Auxois-2026"
SENT_PAGE = "Nous vous avons envoyé par courriel les instructions"


@pytest.fixture(autouse=True)
def fast_hashing(settings):
    """Every login here hashes a password: a fast hasher keeps the module quick."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def smtp(settings):
    server = LocalSMTPServer().start()
    settings.MAILERS = server.mailers()
    yield server
    server.stop()


def shown(response):
    """The text as a reader sees it (entities such as &#x27; decoded)."""
    return unescape(response.text)


def request_reset(client, email, **extra):
    return client.post(reverse("admin_password_reset"), {"email": email}, **extra)


def log_in(client, username, password):
    return client.post(reverse("admin:login"), {"username": username, "password": password})


def test_the_login_page_links_to_the_forgotten_password_form(client):
    page = client.get(reverse("admin:login")).text
    assert f'<a href="{reverse("admin_password_reset")}">Mot de passe oublié\u00a0?</a>' in page


def test_forgotten_password_from_request_to_login(client, editor, smtp):
    form = client.get(reverse("admin_password_reset"))
    assert form.status_code == 200
    assert "Réinitialisation du mot de passe" in shown(form)
    assert "Territoire d'industrie Auxois Morvan — administration" in shown(form)  # admin look

    response = request_reset(client, "Redactrice@Example.org")  # any case
    assert response.status_code == 302
    assert SENT_PAGE in shown(client.get(response["Location"]))

    message = smtp.wait_for(1)
    assert message["To"] == "redactrice@example.org"
    assert message["From"] == "ne-pas-repondre@localhost"
    assert message["Subject"] == (
        "Nouveau mot de passe pour l'administration du site Territoire d'industrie Auxois Morvan"
    )
    assert message.get_content_type() == "text/plain"
    text = body(message)
    assert "votre compte « redactrice »" in text
    assert "Ce lien est valable 2 heures" in text
    link = reset_link(message)
    assert link.startswith("http://testserver/admin/mot-de-passe-oublie/")

    set_password = client.get(link)
    assert set_password.status_code == 302  # the token leaves the address bar
    page = client.get(set_password["Location"])
    assert "Saisissez deux fois votre nouveau mot de passe" in page.text.replace("\n", " ")
    done = client.post(
        set_password["Location"], {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    )
    assert done.status_code == 302
    complete = client.get(done["Location"])
    assert "Votre mot de passe a été défini" in complete.text
    assert f'href="{reverse("admin:login")}"' in complete.text

    assert log_in(client, "redactrice", "mot-de-passe-solide-42").status_code == 200  # old one
    assert log_in(client, "redactrice", NEW_PASSWORD).status_code == 302
    assert "n’était pas valide" in shown(client.get(link, follow=True))  # used once only


def test_the_link_is_https_behind_the_production_proxy(client, editor, smtp, settings):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    request_reset(
        client, "redactrice@example.org", HTTP_X_FORWARDED_PROTO="https", HTTP_HOST="testserver"
    )
    assert reset_link(smtp.wait_for(1)).startswith("https://testserver/admin/")


@pytest.mark.parametrize("who", ["unknown", "inactive", "no_editing_group", "no_password"])
def test_only_editors_get_a_link_and_nobody_learns_who_exists(client, smtp, django_user_model, who):
    address = "personne@example.org"
    if who != "unknown":
        user = django_user_model.objects.create_user("personne", address, "Un-mot-de-passe-42")
        if who == "inactive":
            user.groups.add(Group.objects.get(name=EDITOR))
            user.is_active = False
            user.save()
        if who == "no_password":
            user.groups.add(Group.objects.get(name=EDITOR))
            user.set_unusable_password()
            user.save()
    response = request_reset(client, address)
    assert response.status_code == 302
    assert response["Location"] == reverse("password_reset_done")
    assert smtp.messages == []


def test_a_mail_server_down_gets_a_french_message_and_keeps_the_address(client, editor, smtp):
    smtp.stop()
    response = request_reset(client, "redactrice@example.org")
    assert response.status_code == 503
    assert "Le message n'a pas pu être envoyé : le serveur de courrier ne répond pas" in (
        shown(response)
    )
    assert 'value="redactrice@example.org"' in response.text


def test_a_malformed_address_gets_a_french_error(client, smtp):
    response = request_reset(client, "pas-une-adresse")
    assert response.status_code == 200
    assert "Saisissez une adresse de courriel valide." in response.text


def test_one_address_gets_at_most_three_mails_an_hour(client, editor, smtp):
    for _ in range(5):
        assert request_reset(client, "redactrice@example.org")["Location"] == reverse(
            "password_reset_done"
        )
    assert len(smtp.messages) == 3


def test_one_client_may_ask_ten_times_an_hour(client, editor, smtp):
    for n in range(10):
        assert request_reset(client, f"inconnu-{n}@example.org").status_code == 302
    refused = request_reset(client, "redactrice@example.org")
    assert refused.status_code == 429
    assert "Trop de demandes de nouveau mot de passe depuis cette adresse" in shown(refused)
    assert smtp.messages == []
    other = request_reset(client, "redactrice@example.org", REMOTE_ADDR="192.0.2.44")
    assert other.status_code == 302
    assert len(smtp.messages) == 1


def test_a_new_password_by_email_unlocks_a_locked_out_editor(client, editor, smtp):
    for _ in range(5):
        log_in(client, "redactrice", "mauvais")
    assert log_in(client, "redactrice", "mot-de-passe-solide-42").status_code == 429

    request_reset(client, "redactrice@example.org")
    follow = client.get(reset_link(smtp.wait_for(1)))
    client.post(follow["Location"], {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})

    assert log_in(client, "redactrice", NEW_PASSWORD).status_code == 302
