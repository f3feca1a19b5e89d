"""Refusals read as French pages with a way back: 403 in the admin and on the site, and a
form sent without its CSRF token."""

from html import unescape

import pytest
from django.test import Client
from django.urls import reverse

from projects.models import Project

pytestmark = pytest.mark.django_db

ADMIN_HEADER = "Territoire d'industrie Auxois Morvan — administration"


def shown(response):
    return unescape(response.text)


def test_an_editor_opening_a_delete_page_gets_a_french_403_with_a_way_back(seeded, editor_client):
    project = Project.objects.first()
    came_from = "http://testserver" + reverse("admin:projects_project_change", args=[project.pk])
    response = editor_client.get(
        reverse("admin:projects_project_delete", args=[project.pk]), HTTP_REFERER=came_from
    )
    assert response.status_code == 403
    page = shown(response)
    assert 'lang="fr"' in page and ADMIN_HEADER in page
    assert "<h1>Accès refusé</h1>" in page
    assert "Votre compte n'a pas le droit d'ouvrir cette page ou de faire cette opération." in page
    assert f'<a href="{came_from}">Revenir à la page précédente</a>' in page
    assert (
        f"<a href=\"{reverse('admin:index')}\">Retour à l'accueil de l'administration</a>" in page
    )
    assert "Forbidden" not in page


def test_a_link_back_is_offered_only_to_a_page_of_this_site(editor_client):
    response = editor_client.get(
        reverse("admin:auth_user_changelist"), HTTP_REFERER="https://ailleurs.example/piege"
    )
    assert response.status_code == 403
    assert "ailleurs.example" not in response.text
    assert "Revenir à la page précédente" not in shown(response)


def test_the_public_403_is_french_in_the_site_look(seeded, client, settings):
    settings.ROOT_URLCONF = "tests.forbidden_urls"
    response = client.get("/reserve/", HTTP_REFERER="http://testserver/projets/")
    assert response.status_code == 403
    page = shown(response)
    assert "<h1>Accès refusé</h1>" in page
    assert "Aller au contenu" in page and ADMIN_HEADER not in page  # the public site's look
    assert '<a href="http://testserver/projets/">revenir à la page précédente</a>' in page


def test_an_expired_login_form_gets_french_advice_in_the_admin_look(db):
    browser = Client(enforce_csrf_checks=True)
    login = "http://testserver" + reverse("admin:login")
    response = browser.post(login, {"username": "x", "password": "y"}, HTTP_REFERER=login)
    assert response.status_code == 403
    page = shown(response)
    assert f'<a href="{login}">Recharger le formulaire</a>' in page
    assert ADMIN_HEADER in page
    assert "Le formulaire n'a pas pu être envoyé" in page
    assert "rechargez la page du formulaire" in page
    assert "accepte les cookies de ce site" in page
    assert "CSRF" not in page


def test_a_public_form_without_its_token_gets_the_french_page(seeded):
    response = Client(enforce_csrf_checks=True).post("/recherche/", {"q": "sarrasin"})
    assert response.status_code == 403
    page = shown(response)
    assert "Le formulaire n'a pas pu être envoyé" in page and "cookies" in page
    assert "Aller au contenu" in page and ADMIN_HEADER not in page
