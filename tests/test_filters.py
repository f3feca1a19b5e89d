"""Project list filters: combinable, shareable, counted, and strict about bad values."""

import html
import re

import pytest

from .crawl import page_text

pytestmark = pytest.mark.django_db


def projects(client, **params):
    return client.get("/projets/", params)


def titles(response):
    """The titles of the project cards shown, as a visitor reads them."""
    cards = re.findall(r'<h2 class="card__title"><a href="[^"]+">([^<]+)</a>', response.text)
    return sorted(html.unescape(title) for title in cards)


def test_filter_by_lever(seeded, client):
    response = projects(client, levier="territoire-numerique-4-0")
    assert titles(response) == ["Tiers lieux de Montbard", "Tiers lieux de Venarey-Les Laumes"]


def test_projects_with_no_lever_can_be_listed(seeded, client):
    response = projects(client, levier="non-precise")
    assert len(titles(response)) == 6


def test_filters_combine(seeded, client):
    response = projects(client, levier="non-precise", porteur="employment_service")
    assert titles(response) == [
        "1 stagiaire – 1 opportunité",
        "Cibler l’offre de services aux entreprises de Territoire d’Industrie",
    ]
    response = projects(
        client, action="inclusion-et-tiers-lieux", intercommunalite="cc-du-montbardois"
    )
    assert titles(response) == ["Tiers lieux de Montbard"]


def test_each_option_shows_how_many_projects_it_would_give(seeded, client):
    html = page_text(projects(client, etat="presented").text)
    assert "Levier 2 – Territoire numérique 4.0 (2)" in html
    assert "Levier non précisé (6)" in html
    assert "Service public de l'emploi (2)" in html
    assert "Retenu au contrat (0)" in html


def test_no_match_says_so(seeded, client):
    response = projects(client, etat="completed")
    assert response.status_code == 200
    assert "Aucun projet ne correspond à ces critères." in page_text(response.text)


def test_filters_live_in_the_address(seeded, client):
    html = projects(client, levier="territoire-numerique-4-0").text
    assert '<option value="territoire-numerique-4-0" selected>' in html
    assert 'href="/donnees-ouvertes/projets.csv?levier=territoire-numerique-4-0"' in html


@pytest.mark.parametrize(
    "params",
    [
        {"levier": "inconnu"},
        {"etat": "termine"},
        {"porteur": "<script>"},
        {"secteur": "' OR 1=1 --"},
        {"intercommunalite": "x" * 5000},
        {"action": "\x00"},
    ],
)
def test_bad_filter_values_give_a_french_400(seeded, client, settings, params):
    settings.DEBUG = False
    response = projects(client, **params)
    assert response.status_code == 400
    text = page_text(response.text)
    assert "Ce filtre n'est pas valide." in text
    assert "<script>" not in response.text.split("<main")[1].replace("&lt;script&gt;", "")


def test_pagination_keeps_the_filters(db, client):
    from . import builders

    lever = builders.lever(slug="levier-test")
    for _ in range(30):
        builders.project(lever=lever)
    html = projects(client, levier="levier-test").text
    assert 'href="?levier=levier-test&amp;page=2"' in html
