"""The admin: every screen loads in French for a superuser; editors stay within their role."""

import pytest
from django.contrib import admin
from django.contrib.admin.models import LogEntry
from django.urls import reverse

from core.models import Document
from core.publishing import Status
from pages.models import SiteIdentity
from projects.models import Project

from . import builders
from .forms import form_data

pytestmark = pytest.mark.django_db

CONTENT_MODELS = [
    m for m in admin.site._registry if m._meta.app_label in {"pages", "projects", "governance"}
]


# Models the 2019 fixtures leave empty, and how to get one row of each.
EMPTY_AFTER_SEED = {
    Document: lambda: builders.document(builders.news()),
    SiteIdentity: lambda: SiteIdentity.objects.create(),
}


def admin_url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


@pytest.mark.parametrize("model", CONTENT_MODELS, ids=lambda m: m._meta.label)
def test_changelist_and_add_page_load_for_superuser(seeded, admin_client, model):
    changelist = admin_client.get(admin_url(model, "changelist"))
    assert changelist.status_code == 200
    assert 'lang="fr"' in changelist.text
    # Documents are added from the page, news item, project or meeting they belong to.
    expected = 403 if model is Document else 200  # SiteIdentity: one row, added once
    assert admin_client.get(admin_url(model, "add")).status_code == expected


@pytest.mark.parametrize("model", CONTENT_MODELS, ids=lambda m: m._meta.label)
def test_change_page_loads_and_links_to_the_site(seeded, admin_client, model):
    obj = model.objects.first() or EMPTY_AFTER_SEED[model]()
    response = admin_client.get(admin_url(model, "change", obj.pk))
    assert response.status_code == 200
    if hasattr(obj, "get_absolute_url"):
        assert "Voir sur le site" in response.text


def test_admin_search_and_filters_work(seeded, admin_client):
    response = admin_client.get(admin_url(Project, "changelist"), {"q": "Catamaran"})
    assert "Projet «\u00a0Catamaran\u00a0»" in response.text
    assert "1 projet" in response.text
    response = admin_client.get(admin_url(Project, "changelist"), {"project_status": "presented"})
    assert response.status_code == 200


def test_holder_autocomplete_answers(seeded, admin_client):
    response = admin_client.get(
        reverse("admin:autocomplete"),
        {"app_label": "projects", "model_name": "project", "field_name": "holders", "term": "Pôle"},
    )
    assert response.status_code == 200
    assert [r["text"] for r in response.json()["results"]] == ["Pôle emploi"]


def test_publish_action_publishes_selected_projects(db, admin_client):
    draft = builders.project(status=Status.DRAFT)
    admin_client.post(
        admin_url(Project, "changelist"),
        {"action": "publish", "_selected_action": [draft.pk]},
    )
    draft.refresh_from_db()
    assert draft.status == Status.PUBLISHED


def test_editor_can_edit_projects(seeded, editor_client):
    project = Project.objects.first()
    assert editor_client.get(admin_url(Project, "changelist")).status_code == 200
    assert editor_client.get(admin_url(Project, "change", project.pk)).status_code == 200


def test_editor_cannot_delete_projects(seeded, editor_client):
    project = Project.objects.first()
    response = editor_client.post(admin_url(Project, "delete", project.pk), {"post": "yes"})
    assert response.status_code == 403
    assert Project.objects.filter(pk=project.pk).exists()


def test_editor_cannot_manage_users(db, editor_client, django_user_model):
    assert editor_client.get(reverse("admin:auth_user_changelist")).status_code == 403
    assert editor_client.get(reverse("admin:auth_group_changelist")).status_code == 403


def test_anonymous_visitor_is_sent_to_the_login_page(db, client):
    response = client.get(admin_url(Project, "changelist"))
    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]


def save_in_admin(client, obj, **changes):
    url = admin_url(type(obj), "change", obj.pk)
    data = form_data(client.get(url).text, f"{obj._meta.model_name}_form") | changes
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].errors
    obj.refresh_from_db()


def test_saving_in_admin_records_who_changed_what(seeded, admin_client, admin_user):
    project = Project.objects.get(slug="filiere-sarrasin-bio")
    save_in_admin(admin_client, project, summary="Résumé ajouté")

    assert project.summary == "Résumé ajouté"
    assert LogEntry.objects.filter(object_id=str(project.pk), user=admin_user).exists()
    latest = project.history.latest()
    assert latest.history_user == admin_user
    assert latest.summary == "Résumé ajouté"
    history_page = admin_client.get(admin_url(Project, "history", project.pk))
    assert admin_user.username in history_page.text


def test_an_earlier_version_can_be_restored(seeded, admin_client):
    project = Project.objects.get(slug="filiere-sarrasin-bio")
    save_in_admin(admin_client, project, summary="Première version")
    save_in_admin(admin_client, project, summary="Seconde version")
    first = project.history.filter(summary="Première version").latest()

    restore_url = admin_url(Project, "simple_history", project.pk, first.history_id)
    page = admin_client.get(restore_url)
    response = admin_client.post(restore_url, form_data(page.text, "historicalproject_form"))

    assert response.status_code == 302
    project.refresh_from_db()
    assert project.summary == "Première version"
