"""Every public URL: status, template, key content, breadcrumbs, errors."""

import pytest

from .crawl import page_text

pytestmark = pytest.mark.django_db

PAGES = [
    ("/", "core/home.html", ["Quatre leviers prioritaires", "Dernière réunion", "Saulieu"]),
    ("/actualites/", "pages/news_list.html", ["Actualités du projet", "Matignon"]),
    (
        "/actualites/visite-a-matignon-de-quatre-territoires-pilotes/",
        "pages/news_detail.html",
        ["Publié le 21 mars 2019"],
    ),
    ("/dispositif-national/", "pages/page_detail.html", ["reconquête industrielle"]),
    ("/ou-en-est-on/", "governance/progress.html", ["25 janvier 2019", "Dernière étape franchie"]),
    ("/groupe-emploi-formation/", "pages/page_detail.html", ["Greta 21"]),
    ("/mentions-legales/", "pages/legal_notice.html", ["non renseigné", "Hébergement"]),
    ("/accessibilite/", "pages/accessibility.html", ["critères du RGAA", "Défenseur des droits"]),
    ("/accessibilite/grille/", "accessibility/grid.html", ["Grille d'évaluation RGAA"]),
    ("/donnees-personnelles/", "pages/page_detail.html", ["aucun cookie"]),
    ("/plan-du-site/", "core/site_map.html", ["Filière sarrasin bio", "Comité de projet"]),
    ("/priorites/", "projects/lever_list.html", ["Levier 4", "Recruter", "4 leviers"]),
    (
        "/priorites/territoire-numerique-4-0/",
        "projects/lever_detail.html",
        ["Inclusion et tiers-lieux", "Tiers lieux de Montbard", "Vers l'industrie 4.0"],
    ),
    ("/projets/", "projects/project_list.html", ["9 projets publiés", "Projet « Catamaran »"]),
    (
        "/projets/1-stagiaire-1-opportunite/",
        "projects/project_detail.html",
        ["Mission locale", "Pôle emploi", "Présenté", "Levier non précisé"],
    ),
    ("/porteurs/", "projects/holder_list.html", ["Biscuiterie Mistral", "Entreprise"]),
    ("/porteurs/pole-emploi/", "projects/holder_detail.html", ["1 stagiaire – 1 opportunité"]),
    ("/gouvernance/", "governance/timeline.html", ["Comité de pilotage régional", "2019"]),
    (
        "/gouvernance/instances/groupe-de-travail-emplois-et-formations/",
        "governance/body_detail.html",
        ["Id'ées Intérim", "pas exhaustive"],
    ),
    (
        "/gouvernance/calendrier/comite-de-projet-24-septembre-2019/",
        "governance/event_detail.html",
        ["24 septembre 2019", "Comité de projet"],
    ),
    ("/territoire/", "governance/territory.html", ["écopôle Bois", "Terres d'Auxois"]),
]


@pytest.mark.parametrize(("url", "template", "texts"), PAGES, ids=[p[0] for p in PAGES])
def test_public_page(seeded, client, url, template, texts):
    response = client.get(url)
    assert response.status_code == 200
    assert template in [t.name for t in response.templates]
    text = page_text(response.text)
    for expected in texts:
        assert expected in text
    assert response.text.count("<h1") == 1
    assert '<html lang="fr">' in response.text
    assert '<meta name="description" content="' in response.text


@pytest.mark.parametrize("url", [p[0] for p in PAGES if p[0] != "/"])
def test_every_inner_page_has_breadcrumbs_back_home(seeded, client, url):
    text = client.get(url).text
    assert 'aria-label="Fil d\'Ariane"' in text
    assert '<a href="/">Accueil</a>' in text


def test_titles_differ_per_page(seeded, client):
    titles = {client.get(url).text.split("<title>")[1].split("</title>")[0] for url, *_ in PAGES}
    assert len(titles) == len(PAGES)


def test_home_shows_levers_with_counts_and_latest_meeting(seeded, client):
    text = page_text(client.get("/").text)
    assert "2 projets rattachés" in text  # lever 2: the two tiers-lieux
    assert "1 projet rattaché" in text  # lever 4: the SEM patrimoniale
    assert "19 décembre 2019" in text
    assert "Aucune réunion n'est annoncée pour le moment." in text


def test_section_introduction_page_redirects_to_its_section(seeded, client):
    response = client.get("/panorama-des-projets/")
    assert response.status_code == 302
    assert response["Location"] == "/projets/"


def test_current_menu_entry_is_marked(seeded, client):
    text = client.get("/projets/").text
    assert '<a href="/projets/" aria-current="page">Projets</a>' in text
    assert 'href="/priorites/" aria-current' not in text


@pytest.mark.parametrize(
    "url",
    [
        "/projets/inconnu/",
        "/porteurs/inconnu/",
        "/priorites/inconnu/",
        "/actualites/inconnue/",
        "/gouvernance/instances/inconnue/",
        "/gouvernance/calendrier/inconnue/",
        "/page-inconnue/",
        "/un/chemin/inconnu/",
        "/actualites/?page=999",
    ],
)
def test_unknown_address_gives_a_french_404(seeded, client, url, settings):
    settings.DEBUG = False
    response = client.get(url)
    assert response.status_code == 404
    assert "Page introuvable" in response.text
    assert "plan du site" in response.text


@pytest.mark.parametrize("page", ["abc", "-1", "0", "1.5", "１"])
def test_malformed_page_number_gives_a_french_400(seeded, client, page, settings):
    settings.DEBUG = False
    response = client.get("/projets/", {"page": page})
    assert response.status_code == 400
    assert "Requête incorrecte" in response.text


def test_news_list_is_paginated(db, client):
    from . import builders

    for _ in range(12):
        builders.news()
    first, second = client.get("/actualites/"), client.get("/actualites/?page=2")
    assert "Page 1 sur 2" in first.text and 'rel="next"' in first.text
    assert second.status_code == 200 and 'rel="prev"' in second.text


def test_rich_text_payloads_never_reach_the_page(db, client):
    from . import builders

    payload = (
        '<p>Texte</p><script>alert("x")</script><img src=x onerror=alert(1)>'
        '<a href="javascript:alert(1)">lien</a><p style="color:red" onmouseover="x()">ok</p>'
    )
    page = builders.page(body=payload)
    text = client.get(page.get_absolute_url()).text
    for bad in ["<script>alert", "onerror", "javascript:", "onmouseover", 'style="color']:
        assert bad not in text


def test_anonymous_visitors_get_no_cookie(seeded, client):
    for url, *_ in PAGES:
        response = client.get(url)
        assert not response.cookies, url


def test_dates_are_french(seeded, client):
    assert "21 mars 2019" in client.get("/gouvernance/").text


def test_interface_text_uses_one_apostrophe():
    """Templates write the straight apostrophe, as all of them do (the content keeps the
    typographic one of its source): no template mixes in a curly one."""
    from pathlib import Path

    templates = Path(__file__).resolve().parent.parent / "templates"
    mixed = [str(p) for p in templates.rglob("*.html") if "’" in p.read_text()]
    assert mixed == []
