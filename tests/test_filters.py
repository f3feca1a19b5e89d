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


def options(response, name):
    """{option text: selected} of the filter menu `name`, as the page offers them."""
    select = re.search(rf'<select id="filtre-{name}"[^>]*>(.*?)</select>', response.text, re.S)
    found = re.findall(r'<option value="[^"]*"( selected)?>([^<]*)</option>', select[1])
    return {html.unescape(text): bool(selected) for selected, text in found}


def test_options_that_would_give_no_project_are_left_out(seeded, client):
    """Levers 1 and 3 have no project in 2019: choosing them could only give an empty
    list, so the menus do not offer them, nor any other « (0) »."""
    response = projects(client)
    levers = options(response, "levier")
    assert levers == {
        "Tous les leviers": True,
        "Levier non précisé (6)": False,
        "Levier 2 – Territoire numérique 4.0 (2)": False,
        "Levier 4 – Portages immobiliers et fonciers (1)": False,
    }
    assert "Retenu au contrat (0)" not in options(response, "etat")
    for name in ("levier", "action", "etat", "porteur", "intercommunalite", "secteur"):
        assert not [text for text in options(response, name) if text.endswith("(0)")], name


def test_options_follow_the_other_filters(seeded, client):
    """With a lever chosen, only the actions and holders of its projects remain."""
    response = projects(client, levier="territoire-numerique-4-0")
    assert options(response, "action") == {
        "Toutes les actions": True,
        "Inclusion et tiers-lieux (2)": False,
    }
    assert "Levier non précisé (6)" in options(response, "levier")  # its own menu: all


def test_the_chosen_option_stays_even_when_it_gives_nothing(seeded, client):
    response = projects(client, etat="completed")
    assert options(response, "etat") == {
        "Tous les états": False,
        "Présenté (9)": False,
        "Réalisé (0)": True,
    }
    # Nothing else can be combined with it: every other menu offers only « Tous ».
    assert options(response, "levier") == {"Tous les leviers": True}


def test_the_filter_button_says_how_many_filters_are_active(seeded, client):
    assert "filtre actif" not in page_text(projects(client).text)
    text = page_text(projects(client, levier="non-precise").text)
    assert "Filtrer les projets (1 filtre actif)" in text
    text = page_text(projects(client, levier="non-precise", porteur="employment_service").text)
    assert "Filtrer les projets (2 filtres actifs)" in text


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
