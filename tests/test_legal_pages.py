"""The pages French public sites owe: legal notice, accessibility, personal data, site map."""

import pytest

from pages.models import SiteIdentity

from .crawl import page_text

pytestmark = pytest.mark.django_db


def test_legal_notice_shows_empty_fields_as_not_filled_in(client):
    text = page_text(client.get("/mentions-legales/").text)
    for heading in ["Éditeur du site", "Direction de la publication", "Hébergement"]:
        assert heading in text
    assert text.count("non renseigné") >= 4


def test_legal_notice_shows_what_staff_filled_in(client):
    identity = SiteIdentity.load()
    identity.publisher = "Communauté de communes du Montbardois"
    identity.host = "Hébergeur Exemple SAS"
    identity.save()
    text = page_text(client.get("/mentions-legales/").text)
    assert "Communauté de communes du Montbardois" in text
    assert "Hébergeur Exemple SAS" in text


def test_legal_pages_speak_to_residents_not_to_the_team(client):
    statement = page_text(client.get("/accessibilite/").text)
    assert (
        "Déclaration d'accessibilité Le Territoire d'industrie Auxois Morvan s'engage à rendre"
        in statement
    )  # the heading, then the first sentence
    assert "non renseigné s'engage" not in statement
    assert "axe-core" not in statement
    notice = page_text(client.get("/mentions-legales/").text)
    assert "tenues à jour par l'équipe" not in notice
    assert "plutôt qu'inventée" not in notice
    identity = SiteIdentity.load()
    identity.publisher = "Communauté de communes du Montbardois"
    identity.save()
    statement = page_text(client.get("/accessibilite/").text)
    assert "Communauté de communes du Montbardois s'engage à rendre" in statement


def test_accessibility_statement_follows_the_rgaa_model(client):
    text = page_text(client.get("/accessibilite/").text)
    for section in [
        "État de conformité",
        "Résultats des tests",
        "Contenus non accessibles",
        "Établissement de cette déclaration",
        "Retour d'information et contact",
        "Voies de recours",
        "Défenseur des droits",
    ]:
        assert section in text


def test_footer_links_every_owed_page(seeded, client):
    footer = client.get("/").text.split('<footer class="site-footer">')[1]
    for href in [
        "/mentions-legales/",
        "/accessibilite/",
        "/donnees-personnelles/",
        "/plan-du-site/",
        "/donnees-ouvertes/",
    ]:
        assert f'href="{href}"' in footer
    for href in ["/mentions-legales/", "/accessibilite/", "/donnees-personnelles/"]:
        assert client.get(href).status_code == 200


def test_identity_is_a_single_row(db):
    SiteIdentity(publisher="A").save()
    SiteIdentity(publisher="B").save()
    assert SiteIdentity.objects.count() == 1
    assert SiteIdentity.load().publisher == "B"
