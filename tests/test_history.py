"""The « Historique » screens read like the form: field labels and display values, in French."""

import pytest
from django.urls import reverse

from pages.models import NewsArticle
from projects.models import LeverAction, Project, ProjectHolder

from .crawl import page_text
from .test_admin import admin_url, save_in_admin

pytestmark = pytest.mark.django_db


def history_text(client, obj):
    response = client.get(admin_url(type(obj), "history", obj.pk))
    assert response.status_code == 200
    return response, page_text(response.text)


def test_history_lists_changes_with_labels_and_display_values(seeded, admin_client):
    project = Project.objects.get(slug="filiere-sarrasin-bio")
    holder = ProjectHolder.objects.get(name="Pôle emploi")
    save_in_admin(
        admin_client,
        project,
        project_status="retained",
        summary="Un résumé",
        description="<p>Une <strong>filière</strong> bio</p><ul><li><p>semis</p></li></ul>",
        holders=[str(h.pk) for h in project.holders.all()] + [str(holder.pk)],
    )

    response, text = history_text(admin_client, project)

    assert "Historique : Filière sarrasin bio" in text
    assert "État d'avancement : Présenté → Retenu au contrat" in text
    assert "Résumé : (vide) → Un résumé" in text
    assert "Description : (vide) → Une filière bio - semis" in text
    assert "Pôle emploi" in text
    for raw in ["presented", "retained", "None", "<strong>", "Changes", "CHANGES", "Object"]:
        assert raw not in text, raw
    for column in ["Version du", "Action", "Par", "Origine", "Changements"]:
        assert column in text
    assert 'style="' not in response.text


def test_history_shows_related_items_by_name(seeded, admin_client):
    project = Project.objects.get(slug="filiere-sarrasin-bio")
    save_in_admin(admin_client, project, summary="Avant le classement")
    action = LeverAction.objects.filter(lever__number=2).first()
    save_in_admin(admin_client, project, lever=str(action.lever.pk), action=str(action.pk))

    _, text = history_text(admin_client, project)

    assert f"Levier : (vide) → {action.lever}" in text
    assert f"Action : (vide) → {action.title}" in text


def test_revert_page_is_french(seeded, admin_client):
    project = Project.objects.get(slug="filiere-sarrasin-bio")
    save_in_admin(admin_client, project, summary="Nouvelle version")
    version = project.history.earliest()

    response = admin_client.get(admin_url(Project, "simple_history", project.pk, version.pk))

    text = page_text(response.text)
    assert "Revenir à une version antérieure : Filière sarrasin bio" in text
    assert "Accueil › Priorités et projets › Projets › Filière sarrasin bio › Historique" in text
    assert 'value="Revenir à cette version"' in response.text
    assert "Retour à l'historique" in text
    for english in ["l' objet", "Historical", "Projects ›", "Revert", "Close"]:
        assert english not in text, english


def test_history_of_any_content_type_uses_the_same_display(seeded, admin_client):
    article = NewsArticle.objects.first()
    save_in_admin(admin_client, article, title="Une actualité")
    save_in_admin(admin_client, article, status="draft")

    _, text = history_text(admin_client, article)

    assert "Statut de publication : Publié → Brouillon" in text


def test_document_inline_offers_a_natural_add_link(seeded, admin_client):
    project = Project.objects.first()
    response = admin_client.get(admin_url(Project, "change", project.pk))
    assert "Ajouter un document joint" in response.text
    assert "Ajouter un objet" not in response.text
    lever = project.lever or Project.objects.exclude(lever=None).first().lever
    response = admin_client.get(reverse("admin:projects_prioritylever_change", args=[lever.pk]))
    assert "Ajouter une action" in response.text
