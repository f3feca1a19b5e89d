"""Site search: French, accent- and case-insensitive, ranked, grouped, highlighted, safe.

Runs on SQLite (fallback) and on PostgreSQL (French full-text search) alike.
"""

import pytest

from core.publishing import Status

from . import builders
from .crawl import page_text

pytestmark = pytest.mark.django_db


def search(client, q, **params):
    return client.get("/recherche/", {"q": q, **params})


@pytest.mark.parametrize("query", ["equipement", "ÉQUIPEMENT", "Équipement", "equipEMENT"])
def test_accents_and_case_do_not_matter(client, query):
    builders.project(title="Équipement de l'atelier de découpe")
    response = search(client, query)
    assert response.status_code == 200
    assert "Équipement de l'atelier de découpe" in page_text(response.text)


def test_title_matches_rank_before_text_matches(client):
    builders.news(title="Une visite", summary="On y a parlé de métallurgie.")
    builders.project(title="Métallurgie de précision")
    text = page_text(search(client, "metallurgie").text)
    assert text.index("Métallurgie de précision") < text.index("Une visite")


def test_results_are_grouped_by_type_with_counts(client):
    builders.project(title="Chaudronnerie du Montbardois")
    builders.news(title="Chaudronnerie : portes ouvertes")
    builders.holder(name="Chaudronnerie Dupont")
    response = search(client, "chaudronnerie")
    text = page_text(response.text)
    assert "3 résultats pour « chaudronnerie »" in text
    for heading in ["Projets", "Actualités", "Porteurs de projet"]:
        assert f">{heading}</h2>" in response.text
    only = page_text(search(client, "chaudronnerie", type="porteurs").text)
    assert "Chaudronnerie Dupont" in only and "Chaudronnerie du Montbardois" not in only


def test_matched_words_are_highlighted(client):
    builders.project(title="Filière sarrasin bio")
    html = search(client, "sarrasin").text
    assert "Filière <mark>sarrasin</mark> bio" in html


def test_drafts_are_never_found(client):
    builders.project(title="Projet secret de forge", status=Status.DRAFT)
    assert "Aucun résultat" in page_text(search(client, "forge").text)


def test_nothing_found_gives_a_helpful_page(client):
    text = page_text(search(client, "xyzzyplugh").text)
    assert "Aucun résultat pour « xyzzyplugh »" in text
    assert "Vérifiez l'orthographe" in text


def test_results_are_paginated(client):
    for n in range(25):
        builders.project(title=f"Scierie numéro {n}")
    first = search(client, "scierie")
    assert "Page 1 sur 2" in page_text(first.text)
    second = search(client, "scierie", page=2)
    assert second.status_code == 200
    assert page_text(second.text).count("Scierie numéro") == 5


@pytest.mark.parametrize(
    "query",
    [
        "'; DROP TABLE projects_project; --",
        '" OR 1=1 --',
        "<script>alert(1)</script>",
        "{{ settings.SECRET_KEY }}",
        "{% debug %}",
        "%",
        "_",
        "&|!():*",
        "\x00",
    ],
)
def test_hostile_queries_are_harmless(client, query):
    builders.project(title="Projet témoin")
    response = search(client, query)
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.text
    assert "django-insecure" not in response.text
    assert "Projet témoin" in client.get("/projets/").text  # the table is still there


def test_a_huge_query_or_unknown_type_is_a_400(client, settings):
    settings.DEBUG = False
    assert search(client, "a" * 201).status_code == 400
    response = search(client, "projet", type="inconnu")
    assert response.status_code == 400
    assert "Requête incorrecte" in response.text


def test_every_page_has_a_labelled_search_box(client):
    html = client.get("/").text
    assert 'role="search"' in html
    assert '<label class="visually-hidden" for="entete-q">' in html


def test_a_very_long_query_of_many_words_is_answered(client):
    builders.project(title="Atelier de forge")
    response = search(client, " ".join(["ab"] * 40 + ["forge"]))
    assert response.status_code == 200


def test_a_holder_name_finds_its_projects_and_a_lever_its_actions(client):
    holder = builders.holder(name="Biscuiterie Mistral")
    builders.project(title="Projet « Catamaran »", holders=[holder])
    text = page_text(search(client, "biscuiterie").text)
    assert "Projet « Catamaran »" in text
    lever = builders.lever(title="Renforcer les filières")
    builders.action(lever, title="Valoriser les circuits courts")
    text = page_text(search(client, "circuits courts").text)
    assert "Renforcer les filières" in text


def test_renaming_a_holder_updates_the_projects_it_finds(client):
    holder = builders.holder(name="Lycée Eugène Guillaume")
    builders.project(title="Pôle d'excellence CND", holders=[holder])
    holder.name = "Lycée polyvalent Eugène Guillaume"
    holder.save()
    assert "Pôle d'excellence CND" in page_text(search(client, "polyvalent").text)


def test_unlinking_a_holder_from_either_side_updates_what_its_name_finds(client):
    holder = builders.holder(name="Biscuiterie Mistral")
    catamaran = builders.project(title="Projet « Catamaran »", holders=[holder])
    other = builders.project(title="Projet de four", holders=[holder])
    holder.projects.remove(catamaran)
    text = page_text(search(client, "biscuiterie").text)
    assert "Projet « Catamaran »" not in text and "Projet de four" in text
    holder.projects.clear()
    assert "Projet de four" not in page_text(search(client, "biscuiterie").text)
    other.holders.add(holder)
    assert "Projet de four" in page_text(search(client, "biscuiterie").text)


def test_renaming_or_deleting_an_action_updates_its_lever_entry(client):
    lever = builders.lever(title="Renforcer les filières")
    action = builders.action(lever, title="Valoriser les circuits courts")
    action.title = "Valoriser les ventes directes"
    action.save()
    assert "Renforcer les filières" in page_text(search(client, "ventes directes").text)
    assert "Renforcer les filières" not in page_text(search(client, "circuits").text)
    action.delete()
    assert "Renforcer les filières" not in page_text(search(client, "ventes directes").text)


def test_excerpts_keep_paragraphs_apart(client):
    builders.news(
        title="Le territoire", body="<p>Quatre intercommunalités autour de Saulieu.</p><p>Un"
        " territoire rural.</p>"
    )  # fmt: skip
    assert "<mark>Saulieu</mark>. Un territoire" in search(client, "saulieu").text


def test_every_searchable_item_is_indexed_when_the_content_is_loaded(seeded):
    from core.search import SearchEntry, searchable_models

    expected = sum(m._default_manager.count() for m in searchable_models())
    assert SearchEntry.objects.count() == expected
