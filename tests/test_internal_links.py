"""Internal links: chosen among published content, kept valid when an address changes."""

import pytest
from django.urls import reverse

from core.publishing import Status
from pages.models import NewsArticle, Page
from projects.models import Project

from . import builders
from .forms import form_data

pytestmark = pytest.mark.django_db

SEARCH = reverse("internal_link_search")


def link_to(obj, text="le projet", href=None):
    ref = f"{obj._meta.label_lower}:{obj.pk}"
    return f'<p>Voir <a href="{href or obj.get_absolute_url()}" data-ref="{ref}">{text}</a>.</p>'


def admin_url(obj, view="change", *args):
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=[obj.pk, *args])


def save_in_admin(client, obj, form_id=None, **changes):
    url = admin_url(obj)
    data = form_data(client.get(url).text, form_id or f"{obj._meta.model_name}_form") | changes
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].errors


# The chooser's search -------------------------------------------------------------------


def test_anonymous_visitors_are_sent_to_the_login_page(client):
    response = client.get(SEARCH, {"q": "atelier"})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_logged_in_non_staff_users_are_sent_to_the_login_page(client, django_user_model):
    client.force_login(django_user_model.objects.create_user("habitant", password="x" * 20))
    assert client.get(SEARCH, {"q": "atelier"}).status_code == 302


def test_an_editor_finds_published_content_by_title_accents_ignored(editor_client):
    project = builders.project(title="Atelier d’Équipement partagé", slug="atelier-equipement")
    builders.project(title="Équipement en brouillon", status=Status.DRAFT)
    builders.project(title="Sans rapport")

    response = editor_client.get(SEARCH, {"q": "EQUIPEMENT"})

    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    assert response.json() == {
        "results": [
            {
                "label": "Atelier d’Équipement partagé",
                "type": "Projet",
                "url": "/projets/atelier-equipement/",
                "ref": f"projects.project:{project.pk}",
            }
        ]
    }


def test_pages_holders_news_and_meetings_are_offered_too(editor_client):
    builders.page(title="Carrière de pierre : la page")
    builders.holder(name="Carrière de pierre (porteur)")
    builders.news(title="Carrière de pierre : actualité")
    builders.event(title="Carrière de pierre : réunion")
    builders.lever(title="Carrière de pierre : levier")  # levers are not offered

    results = editor_client.get(SEARCH, {"q": "carriere pierre"}).json()["results"]

    assert sorted(result["type"] for result in results) == [
        "Actualité",
        "Page",
        "Porteur de projet",
        "Réunion ou étape",
    ]


def test_a_search_too_long_gets_a_french_error(editor_client):
    response = editor_client.get(SEARCH, {"q": "a" * 201})
    assert response.status_code == 400
    assert "trop longue" in response.json()["error"]


def test_an_empty_search_offers_nothing(editor_client):
    builders.project(title="Atelier")
    assert editor_client.get(SEARCH, {"q": " "}).json() == {"results": []}


# Addresses kept up to date ----------------------------------------------------------------


def test_renaming_a_project_rewrites_the_links_in_news_pages_and_projects(editor_client, client):
    target = builders.project(title="Atelier", slug="atelier")
    article = builders.news(body=link_to(target))
    page = builders.page(body=link_to(target))
    other = builders.project(description=link_to(target))

    save_in_admin(editor_client, target, slug="atelier-partage")

    for obj in (article, page, other):
        obj.refresh_from_db()
        text = obj.body if hasattr(obj, "body") else obj.description
        assert 'href="/projets/atelier-partage/"' in text, obj
        assert "/projets/atelier/" not in text
    public = client.get(article.get_absolute_url()).text
    assert 'href="/projets/atelier-partage/"' in public
    assert client.get("/projets/atelier-partage/").status_code == 200


def test_other_objects_and_other_links_are_left_alone(db):
    target, other = builders.project(slug="cible"), builders.project(slug="autre")
    body = link_to(other) + '<p><a href="https://example.org/">ailleurs</a></p>'
    article = builders.news(body=body)
    before = NewsArticle.objects.get(pk=article.pk).body

    target.slug = "cible-renommee"
    target.save()

    assert NewsArticle.objects.get(pk=article.pk).body == before


def test_each_save_works_the_address_out_again(db):
    target = builders.holder(slug="porteur-a")
    article = builders.news(body=link_to(target, href="/une-ancienne-adresse/"))
    assert 'href="/porteurs/porteur-a/"' in article.body


def test_restoring_an_old_version_gets_the_current_address(admin_client):
    target = builders.event(slug="comite-local")
    article = builders.news(body=link_to(target, "le comité"), summary="Première version")
    target.slug = "comite-local-de-suivi"
    target.save()
    save_in_admin(admin_client, article, summary="Seconde version")
    first = article.history.filter(summary="Première version").latest()

    restore = admin_url(article, "simple_history", first.history_id)
    data = form_data(admin_client.get(restore).text, "historicalnewsarticle_form")
    assert admin_client.post(restore, data).status_code == 302

    article.refresh_from_db()
    assert article.summary == "Première version"
    assert 'href="/gouvernance/calendrier/comite-local-de-suivi/"' in article.body


def test_a_link_to_deleted_content_keeps_its_text_and_loses_the_link(db):
    target = builders.project(slug="abandonne")
    page = builders.page(body=link_to(target, "ce projet"))

    target.delete()

    assert Page.objects.get(pk=page.pk).body == "<p>Voir ce projet.</p>"


def test_a_reference_to_something_that_cannot_be_linked_is_an_ordinary_link(db):
    article = builders.news(body='<p><a href="/ailleurs/" data-ref="auth.user:1">x</a></p>')
    assert article.body == '<p><a href="/ailleurs/" rel="noopener noreferrer">x</a></p>'


def test_a_project_linking_to_itself_follows_its_own_rename(db):
    project = builders.project(slug="boucle")
    project.description = link_to(project)
    project.save()
    project.slug = "boucle-renommee"
    project.save()
    assert 'href="/projets/boucle-renommee/"' in Project.objects.get(pk=project.pk).description


# The editor in the admin ------------------------------------------------------------------


def test_change_forms_load_the_editor_extensions_and_the_unsaved_changes_warning(editor_client):
    article = builders.news()
    page = editor_client.get(admin_url(article)).text
    assert "admin-site/editor.js" in page  # in the editor's js_modules
    assert "admin-site/editor.css" in page
    assert SEARCH in page
    assert "admin-site/unsaved-changes.js" in page
    assert "Lien interne" in page  # the field's help text names the button


def test_every_link_to_the_same_object_follows(db):
    target = builders.project(slug="double")
    article = builders.news(body=link_to(target) + link_to(target))
    target.slug = "double-renomme"
    target.save()
    assert NewsArticle.objects.get(pk=article.pk).body.count('href="/projets/double-renomme/"') == 2
