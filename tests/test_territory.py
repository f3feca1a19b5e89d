"""The territory in official figures: communes and populations from the official data, an
intercommunality's page, communes found by the search, and the home page's key figures."""

import datetime
import html
import json
import re
import shutil
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core.publishing import Status
from core.templatetags.site import french_number
from governance.models import Commune, Intercommunality, TimelineEvent
from projects.models import Project, ProjectHolder

from . import builders
from .crawl import page_text

ROOT = Path(__file__).resolve().parent.parent
PACKAGE_DATA = ROOT / "node_modules/@etalab/decoupage-administratif/data"
NBSP = "\xa0"


# The seed: the fixture made from the 2026 edition of the official data.


def test_the_seed_has_the_communes_of_the_four_intercommunalities(seeded):
    counts = {ic.slug: ic.commune_count for ic in Intercommunality.objects.with_figures()}
    assert counts == {
        "cc-du-montbardois": 33,
        "cc-du-pays-d-alesia-et-de-la-seine": 24,
        "cc-des-terres-d-auxois": 76,
        "cc-de-saulieu": 12,
    }
    montbard = Commune.objects.get(name="Montbard")
    assert (montbard.insee_code, montbard.intercommunality.slug) == ("21425", "cc-du-montbardois")
    assert montbard.population > 4000 and montbard.postal_codes == "21500"
    assert not Commune.objects.filter(population__isnull=True).exists()
    saulieu = Intercommunality.objects.get(slug="cc-de-saulieu")
    assert (saulieu.name, saulieu.official_name, saulieu.siren) == (
        "Communauté de communes de Saulieu",  # the 2019 name stays
        "CC de Saulieu-Morvan",
        "242101442",
    )
    assert saulieu.renamed
    assert "populations légales 2023" in saulieu.data_source


def test_loading_the_seed_twice_changes_nothing(seeded):
    before = list(Commune.objects.order_by("insee_code").values_list("pk", "name", "population"))
    call_command("load_initial_data", verbosity=0)
    after = list(Commune.objects.order_by("insee_code").values_list("pk", "name", "population"))
    assert after == before and len(after) == 145


def test_a_name_is_the_same_whatever_the_abbreviation_or_apostrophe():
    ic = Intercommunality(
        name="Communauté de communes des Terres d’Auxois", official_name="CC des Terres d'Auxois"
    )
    assert not ic.renamed
    ic.official_name = "CC des Terres d'Auxois et du Morvan"
    assert ic.renamed
    assert not Intercommunality(name="X", official_name="").renamed


def test_numbers_are_written_the_french_way():
    assert french_number(38036) == f"38{NBSP}036"
    assert french_number(1234567) == f"1{NBSP}234{NBSP}567"
    assert french_number(12) == "12"
    assert french_number(None) == ""


# The intercommunality's page.


def without_abbr(markup):
    """The page without the glossary's <abbr> markup (« CC » is explained once a page)."""
    return re.sub(r"</?abbr\b[^>]*>", "", markup)


def test_an_intercommunality_page_lists_its_communes_with_code_population_and_total(seeded, client):
    response = client.get("/territoire/cc-de-saulieu/")
    assert response.status_code == 200
    text = response.text
    assert "<h1>Communauté de communes de Saulieu</h1>" in text
    assert "Nom officiel aujourd'hui : CC de Saulieu-Morvan" in without_abbr(text)
    assert "242101442" in text
    assert "Les 12 communes" in text
    row = text[text.index('id="commune-21584"') :].split("</tr>")[0]
    assert "Saulieu" in row and "21584" in row
    population = Commune.objects.get(insee_code="21584").population
    assert french_number(population) in row
    total = sum(
        Commune.objects.filter(intercommunality__slug="cc-de-saulieu").values_list(
            "population", flat=True
        )
    )
    assert f'<td class="number">{french_number(total)}</td></tr></tfoot>' in text
    assert "Source : Insee, populations légales 2023" in text
    assert "Accueil</a>" in text and 'href="/territoire/">Territoire</a>' in text  # crumbs


def test_the_current_name_is_shown_only_when_it_differs(seeded, client):
    text = html.unescape(client.get("/territoire/cc-des-terres-d-auxois/").text)
    assert "Nom officiel aujourd'hui" not in text
    assert "CC des Terres d'Auxois" in without_abbr(text)  # as the official list writes it


def test_an_unknown_intercommunality_is_a_404(db, client):
    assert client.get("/territoire/cc-inconnue/").status_code == 404


def test_an_intercommunality_page_lists_its_published_projects_and_holders(db, client):
    ic = builders.intercommunality()
    other = builders.intercommunality()
    holder = builders.holder(name="Fonderie d'essai", intercommunality=ic)
    builders.holder(name="Porteur en brouillon", intercommunality=ic, status=Status.DRAFT)
    builders.project(title="Atelier partagé", holders=[holder], intercommunality=ic)
    builders.project(title="Projet en brouillon", intercommunality=ic, status=Status.DRAFT)
    builders.project(title="Projet d'ailleurs", intercommunality=other)
    text = html.unescape(client.get(ic.get_absolute_url()).text)
    assert "Atelier partagé" in text and "Fonderie d'essai" in text
    assert holder.get_absolute_url() in text
    assert "brouillon" not in text and "Projet d'ailleurs" not in text
    empty = html.unescape(client.get(other.get_absolute_url()).text)
    assert "Aucun porteur de projet publié n'est rattaché à cette intercommunalité." in empty


def test_an_intercommunality_page_queries_the_same_however_many_communes_and_projects(
    db, client, settings, django_assert_max_num_queries
):
    settings.PAGE_CACHE_SECONDS = 0
    settings.DATA_CACHE_SECONDS = 0
    ic = builders.intercommunality()

    def grow(n):
        for _ in range(n):
            builders.commune(ic)
            holder = builders.holder(intercommunality=ic)
            builders.project(holders=[holder, builders.holder()], intercommunality=ic)

    grow(2)
    with CaptureQueriesContext(connection) as small:
        assert client.get(ic.get_absolute_url()).status_code == 200
    grow(30)
    with django_assert_max_num_queries(len(small)):
        response = client.get(ic.get_absolute_url())
    assert response.text.count('<tr id="commune-') == 32


# The territory page and the home page lead to it.


def test_territory_and_home_cards_link_to_the_intercommunality_pages(seeded, client):
    territory = client.get("/territoire/").text
    home = client.get("/").text
    for ic in Intercommunality.objects.all():
        url = f"/territoire/{ic.slug}/"
        assert f'href="{url}"' in territory and f'href="{url}"' in home
        assert client.get(url).status_code == 200
    assert "Aujourd'hui : CC de Saulieu-Morvan" in without_abbr(territory)
    table = territory[territory.index('<section id="communes"') :]
    assert f'<td class="number">145</td><td class="number">{french_number(38036)}</td>' in table


def test_the_sitemap_lists_the_intercommunality_pages(seeded, client):
    text = client.get("/sitemap.xml").text
    for slug in Intercommunality.objects.values_list("slug", flat=True):
        assert f"/territoire/{slug}/</loc>" in text


# Search: a resident finds their commune.


@pytest.mark.parametrize(
    ("query", "url"),
    [
        ("Semur", "/territoire/cc-des-terres-d-auxois/#commune-21603"),
        ("Précy-sous-Thil", "/territoire/cc-des-terres-d-auxois/#commune-21505"),
        ("precy sous thil", "/territoire/cc-des-terres-d-auxois/#commune-21505"),
        ("Venarey", "/territoire/cc-du-pays-d-alesia-et-de-la-seine/#commune-21663"),
    ],
)
def test_a_resident_finds_their_commune_and_its_row(seeded, client, query, url):
    response = client.get("/recherche/", {"q": query})
    assert f'href="{url}"' in response.text
    page, anchor = url.split("#")
    assert f'<tr id="{anchor}">' in client.get(page).text


def test_a_moved_commune_is_found_under_its_new_intercommunality(db, client):
    first, second = builders.intercommunality(), builders.intercommunality()
    commune = builders.commune(first, name="Villeneuve-d'Essai")
    commune.intercommunality = second
    commune.save()
    text = client.get("/recherche/", {"q": "Villeneuve"}).text
    assert f'href="{second.get_absolute_url()}#{commune.anchor}"' in text


def test_a_commune_result_follows_its_intercommunality_s_new_address(db, client):
    ic = builders.intercommunality(slug="cc-avant")
    commune = builders.commune(ic, name="Villeneuve-d'Essai")
    ic.slug = "cc-apres"
    ic.save()
    text = client.get("/recherche/", {"q": "Villeneuve"}).text
    assert f'href="/territoire/cc-apres/#{commune.anchor}"' in text


# The home page's key figures.


def key_figures(client):
    """{label: (number, link)} of the home page's band."""
    text = client.get("/").text
    band = text[text.index('class="key-figures__list"') :].split("</ul>")[0]
    found = {}
    for item in band.split("<li>")[1:]:
        href = item.split('href="')[1].split('"')[0]
        number = item.split("<strong>")[1].split("</strong>")[0]
        label = item.split("</strong>")[1].split("</a>")[0].strip()
        found[label] = (int(number.replace(NBSP, "")), href)
    return found


def test_key_figures_are_counted_from_the_published_data_and_lead_to_it(seeded, client):
    figures = key_figures(client)
    held = TimelineEvent.objects.published().reached().meetings()
    assert figures == {
        "projets": (Project.objects.published().count(), "/projets/"),
        "porteurs de projet": (ProjectHolder.objects.published().count(), "/porteurs/"),
        "intercommunalités": (4, "/territoire/"),
        "communes": (145, "/territoire/#communes"),
        "habitants": (38036, "/territoire/#communes"),
        "réunions au calendrier": (held.count(), "/gouvernance/#titre-calendrier"),
    }
    assert held.count() > 0
    assert f"<strong>38{NBSP}036</strong> habitants" in client.get("/").text
    for _, url in figures.values():
        assert client.get(url).status_code == 200
    assert 'id="communes"' in client.get("/territoire/").text


def test_key_figures_follow_the_data(seeded, client):
    before = key_figures(client)
    builders.project(title="Nouveau projet")
    builders.project(title="Projet en brouillon", status=Status.DRAFT)
    builders.commune(Intercommunality.objects.get(slug="cc-de-saulieu"), population=1000)
    after = key_figures(client)
    assert after["projets"][0] == before["projets"][0] + 1
    assert after["communes"][0] == 146
    assert after["habitants"][0] == 38036 + 1000


def test_a_figure_with_nothing_to_count_is_not_shown(db, client):
    builders.project()
    builders.event(is_forecast=True)  # announced, not held
    builders.event(date=timezone.localdate() + datetime.timedelta(days=3))  # to come
    figures = key_figures(client)
    assert figures == {"projet": (1, "/projets/")}
    builders.event(date=datetime.date(2019, 7, 11))
    assert key_figures(client)["réunion au calendrier"] == (1, "/gouvernance/#titre-calendrier")


def test_no_key_figures_on_an_empty_site(db, client):
    assert "key-figures" not in client.get("/").text


# The import command.


def fake_package(tmp_path, epci_names=None, version="6.0.0", drop=()):
    """A small stand-in for the npm package: the four EPCI with two communes each."""
    from governance.management.commands.import_communes import EPCI

    data = tmp_path / "package" / "data"
    data.mkdir(parents=True)
    (data.parent / "package.json").write_text(json.dumps({"version": version}))
    epcis, communes = [], []
    for n, (slug, (siren, name)) in enumerate(EPCI.items()):
        if slug in drop:
            continue
        members = []
        for k in range(2):
            code = f"21{n}{k}0"
            # The DGCL list carries its own population figure: the site takes Insee's (100).
            members.append({"code": code, "nom": f"Commune {n}-{k}", "populationMunicipale": 999})
            communes.append(
                {
                    "code": code,
                    "nom": f"Commune {n}-{k}",
                    "type": "commune-actuelle",
                    "codesPostaux": ["21000"],
                    "population": 100,
                }
            )
        epcis.append({"code": siren, "nom": (epci_names or {}).get(slug, name), "membres": members})
    epcis.append({"code": "200000000", "nom": "CC d'ailleurs", "membres": []})
    (data / "epci.json").write_text(json.dumps(epcis, ensure_ascii=False))
    (data / "communes.json").write_text(json.dumps(communes, ensure_ascii=False))
    fixtures = tmp_path / "fixtures"
    fixtures.mkdir()
    shutil.copy(ROOT / "fixtures/territory.json", fixtures / "territory.json")
    return data, fixtures


def test_the_command_writes_fixtures_that_load(db, tmp_path):
    data, fixtures = fake_package(tmp_path)
    call_command("import_communes", data_dir=data, fixtures_dir=fixtures, verbosity=0)
    communes = json.loads((fixtures / "territory_communes.json").read_text())
    assert len(communes) == 8
    assert communes[0]["fields"] == {
        "insee_code": "21000",
        "name": "Commune 0-0",
        "slug": "commune-0-0",
        "population": 100,
        "postal_codes": "21000",
        "intercommunality": ["cc-du-montbardois"],
    }
    territory = json.loads((fixtures / "territory.json").read_text())
    saulieu = next(o for o in territory if o["fields"].get("slug") == "cc-de-saulieu")
    assert saulieu["fields"]["siren"] == "242101442"
    assert saulieu["fields"]["name"] == "Communauté de communes de Saulieu"
    call_command(
        "loaddata", fixtures / "territory.json", fixtures / "territory_communes.json", verbosity=0
    )
    call_command(
        "loaddata", fixtures / "territory.json", fixtures / "territory_communes.json", verbosity=0
    )
    assert Commune.objects.count() == 8
    assert Commune.objects.get(insee_code="21310").intercommunality.slug == "cc-de-saulieu"


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"epci_names": {"cc-de-saulieu": "CC du Grand Ailleurs"}}, "correspond à « CC du Grand"),
        ({"drop": ["cc-du-montbardois"]}, "L'EPCI 242101491 (CC du Montbardois) est absent"),
        ({"version": "9.9.9"}, "Version 9.9.9 du paquet non répertoriée"),
    ],
)
def test_a_bad_edition_stops_the_command_and_writes_nothing(tmp_path, kwargs, message):
    data, fixtures = fake_package(tmp_path, **kwargs)
    before = (fixtures / "territory.json").read_bytes()
    with pytest.raises(CommandError, match=re.escape(message)):
        call_command("import_communes", data_dir=data, fixtures_dir=fixtures, verbosity=0)
    assert (fixtures / "territory.json").read_bytes() == before
    assert sorted(p.name for p in fixtures.iterdir()) == ["territory.json"]


def test_missing_data_is_explained(tmp_path):
    with pytest.raises(CommandError, match="Fichier introuvable : .*epci.json.*npm ci"):
        call_command(
            "import_communes",
            data_dir=tmp_path / "rien",
            population_year=2023,
            geography_year=2026,
            fixtures_dir=tmp_path,
            verbosity=0,
        )


@pytest.mark.skipif(not PACKAGE_DATA.exists(), reason="paquet npm absent : npm ci")
def test_the_committed_fixtures_are_what_the_installed_package_gives(tmp_path):
    fixtures = tmp_path / "fixtures"
    fixtures.mkdir()
    shutil.copy(ROOT / "fixtures/territory.json", fixtures / "territory.json")
    call_command("import_communes", fixtures_dir=fixtures, verbosity=0)
    for name in ("territory.json", "territory_communes.json"):
        assert (fixtures / name).read_text() == (ROOT / "fixtures" / name).read_text(), name


# Open data.


def test_the_communes_are_open_data_in_csv_and_json(seeded, client):
    data = client.get("/donnees-ouvertes/communes.json").json()
    assert data["nombre"] == 145
    row = next(r for r in data["donnees"] if r["code_insee"] == "21584")
    assert row["nom"] == "Saulieu"
    assert row["population_municipale"] == Commune.objects.get(insee_code="21584").population
    assert row["siren_intercommunalite"] == "242101442"
    assert row["url"].endswith("/territoire/cc-de-saulieu/#commune-21584")
    assert "populations légales 2023" in row["source"]
    csv = client.get("/donnees-ouvertes/communes.csv").content.decode("utf-8-sig")
    assert csv.splitlines()[0].startswith("code_insee;nom;population_municipale;")
    assert len(csv.splitlines()) == 146
    assert "Communes du territoire" in client.get("/donnees-ouvertes/").text


def test_a_commune_of_unknown_population_leaves_no_false_total(seeded, client):
    """A commune added without its population: no sum is stated as the population."""
    saulieu = Intercommunality.objects.get(slug="cc-de-saulieu")
    builders.commune(saulieu, name="Commune sans chiffre", population=None)
    page = page_text(client.get("/territoire/cc-de-saulieu/").text)
    assert "Commune sans chiffre" in page and "non connue" in page
    assert "Population municipale" not in page.split("Les 13 communes")[0]
    assert "Total" not in page
    territory = page_text(client.get("/territoire/").text)
    assert "Territoire d'industrie 146 incomplète" in territory
    assert "habitants" not in key_figures(client)
