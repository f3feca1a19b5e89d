"""Every fact of the programme's own page can be found by browsing the site.

The seed text is read here directly: its levers, actions and projects are parsed from it, so
a fact missing from the fixtures or from the pages fails this test.
"""

import re
from pathlib import Path

import pytest
from django.core.management import call_command

from governance.models import TimelineEvent
from pages.models import MenuItem, NewsArticle, Page
from projects.models import LeverAction, PriorityLever, Project, ProjectHolder

from .crawl import crawl, page_text

# A copy of the programme's own page (../shared/seed/), kept in the repository.
SEED = (
    Path(__file__).resolve().parents[1] / "fixtures/source/territoire-industrie-auxois-morvan.txt"
)
# Spelling mistakes of the source that the site corrects.
CORRECTIONS = {"Lyçée": "Lycée", "GEIQ industrie 21-": "GEIQ industrie 21 –", "cuirs": "cuir"}

# The site spells out what the source abbreviates.
ABBREVIATIONS = {"CC du Montbardois": "Communauté de communes du Montbardois"}

FACTS = [
    "stratégie de reconquête industrielle et de développement des territoires",
    "de l'État et de ses opérateurs, des collectivités territoriales",
    "identifié « Territoires d'industrie » lors du comité de pilotage régional du 25 janvier 2019",
    "protocole d'accord signé le 21 mars 2019",
    "11 juillet 2019",
    "24 septembre 2019",
    "19 décembre 2019",
    "vingtaine de projets ont été présentés",  # « Aujourd’hui » is dated on the site
    "2e semestre 2020",
    "deuxième semestre 2020",
    "Visite à Matignon de quatre territoires d'industrie « pilotes » de Bourgogne-Franche-Comté",
    "21 mars 2019",
    "présidé par la Présidente du Conseil Régional",
    "valide les adaptations des périmètres",
    "binôme élu-industriel",
    "les présidents des intercommunalités concernées",
    "le représentant de l'Etat",
    "Communauté de communes du Montbardois",
    "Communauté de communes du Pays d'Alésia et de la Seine",
    "Communauté de communes des Terres d'Auxois",
    "Communauté de communes de Saulieu",
    "territoire d'industrie rural",
    "Métallurgie",
    "la Métal'Valley",
    "Sylviculture",
    "l'écopôle Bois",
    "Industrie agroalimentaire",
    "Métiers du cuir",
    "territoire rural exemplaire par sa dynamique et sa modernité",
    "s'est réuni à plusieurs reprises en 2019",
    "Greta 21",
    "Id'ées Intérim",
    "UIMM",
    "CCI",
    "Clubs d'entreprises",
    "l'attractivité des métiers de l'industrie",
    "recherche d'emplois et de la formation professionnelle",
    "listing non exhaustif des projets identifiés",
    "serait diffusé dès la signature du contrat",  # dated: « le programme annonçait alors »
]


def seed_text():
    text = SEED.read_text(encoding="utf-8").replace("’", "'").replace("\u00a0", " ")
    for wrong, right in CORRECTIONS.items():
        text = text.replace(wrong, right)
    return text


def seed_bullets(level):
    """Bullet lines at an indentation level: 1 = levers and projects, 2 = actions."""
    pattern = r"^ {2}• (.+)$" if level == 1 else r"^ {4}• (.+)$"
    return [line.strip() for line in re.findall(pattern, seed_text(), flags=re.M)]


@pytest.fixture
def site_text(seeded, client):
    pages = crawl(client)
    broken = {path: r.status_code for path, r in pages.items() if r.status_code != 200}
    assert not broken, f"broken internal links: {broken}"
    return " ".join(page_text(r.text) for r in pages.values())


def test_every_stated_fact_is_on_the_site(site_text):
    missing = [fact for fact in FACTS if fact not in site_text]
    assert not missing


def test_every_lever_and_action_of_the_seed_is_on_the_site(site_text):
    levers, actions = seed_bullets(1)[:4], seed_bullets(2)
    assert len(actions) == 8
    for text in [*levers, *actions]:
        assert text.rstrip(".") in site_text


def test_every_project_of_the_seed_is_on_the_site_with_its_holders(site_text, client):
    projects = seed_bullets(1)[4:]
    assert len(projects) == 9
    for line in projects:
        title, holders = line.rsplit(", ", 1)
        [project] = [p for p in Project.objects.all() if page_text(p.title) == title]
        page = page_text(client.get(project.get_absolute_url()).text)
        assert title in page
        for name in re.split(r" et (?=[A-ZÉP])", holders):
            name = ABBREVIATIONS.get(name, name)
            assert name.lower() in page.lower(), (title, name)


def test_one_trainee_project_has_two_holders(seeded):
    project = Project.objects.get(slug="1-stagiaire-1-opportunite")
    assert sorted(h.name for h in project.holders.all()) == ["Mission locale", "Pôle emploi"]


def test_projects_are_presented_and_attached_only_where_the_seed_says(seeded, client):
    assert set(Project.objects.values_list("project_status", flat=True)) == {"presented"}
    attached = {
        p.slug: (p.lever.number, p.action and p.action.slug)
        for p in Project.objects.exclude(lever=None).select_related("lever", "action")
    }
    assert attached == {
        "tiers-lieux-de-montbard": (2, "inclusion-et-tiers-lieux"),
        "tiers-lieux-de-venarey-les-laumes": (2, "inclusion-et-tiers-lieux"),
        "sem-patrimoniale-venarey-les-laumes": (4, None),
    }
    assert "Levier non précisé" in client.get("/projets/projet-catamaran/").text


def test_contract_date_is_approximate_never_a_day(seeded, client):
    contract = TimelineEvent.objects.get(slug="contractualisation-2e-semestre-2020")
    assert contract.is_forecast
    text = page_text(client.get("/gouvernance/").text)
    assert "2e semestre 2020" in text
    assert "1er juillet 2020" not in text


def test_the_matignon_visit_is_the_first_news_item(seeded, client):
    first = NewsArticle.objects.published().latest_first().last()
    assert "Matignon" in first.title
    assert "21 mars 2019" in page_text(client.get("/actualites/").text)


def test_loading_the_fixtures_twice_changes_nothing(seeded):
    models = [
        Project,
        ProjectHolder,
        PriorityLever,
        LeverAction,
        Page,
        NewsArticle,
        MenuItem,
        TimelineEvent,
    ]
    before = {m: sorted(m.objects.values_list("pk", flat=True)) for m in models}
    call_command("load_initial_data", verbosity=0)
    after = {m: sorted(m.objects.values_list("pk", flat=True)) for m in models}
    assert before == after
    assert Project.objects.count() == 9
    assert PriorityLever.objects.count() == 4
    assert LeverAction.objects.count() == 8


def test_every_fixture_file_is_in_the_one_list_that_loads_them(settings):
    """`settings.INITIAL_DATA_FIXTURES` is the only list: `load_initial_data` reads it, and
    `make fixtures`, the tests, the production stack of the tests and `make bench` run that."""
    fixtures = Path(__file__).resolve().parents[1] / "fixtures"
    files = {path.stem for path in fixtures.glob("*.json")}
    assert files == set(settings.INITIAL_DATA_FIXTURES)


def test_no_page_presents_the_2019_situation_as_current(site_text):
    """The source was written after the December 2019 committee: its « aujourd'hui » and its
    futures (« pourront intégrer », « sera diffusé ») are dated on the site, not repeated."""
    for wording in [
        "Aujourd'hui, une vingtaine",
        "pourront intégrer",
        "sera diffusé",
        "est prévue pour",
    ]:
        assert wording not in site_text, wording
