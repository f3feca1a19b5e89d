"""The editors' workflow in the admin: write, schedule, preview, publish — within their role."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from core.publishing import Status
from pages.models import NewsArticle

from . import builders, media_files
from .crawl import page_text
from .forms import form_data

pytestmark = pytest.mark.django_db


def test_scheduled_news_goes_live_by_itself_at_its_time(client, monkeypatch, settings):
    settings.PAGE_CACHE_SECONDS = 0  # time is simulated here; test_page_cache covers the cache
    at = timezone.now() + datetime.timedelta(hours=2)
    article = builders.news(title="Comité de projet de mars", published_at=at)
    assert "Comité de projet de mars" not in client.get("/actualites/").text
    assert client.get(article.get_absolute_url()).status_code == 404

    later = at + datetime.timedelta(minutes=1)
    monkeypatch.setattr("core.publishing.timezone.now", lambda: later)

    assert "Comité de projet de mars" in client.get("/actualites/").text
    assert client.get(article.get_absolute_url()).status_code == 200


def test_an_editor_writes_schedules_previews_and_publishes_news(editor_client):
    visitor = Client()
    add = "/admin/pages/newsarticle/add/"
    when = timezone.localtime() + datetime.timedelta(days=2)
    data = form_data(editor_client.get(add).text, "newsarticle_form") | {
        "title": "Visite de la Métal'Valley",
        "slug": "visite-metal-valley",
        "summary": "Une visite.",
        "body": "<h2>Programme</h2><ul><li>Accueil</li></ul><p><strong>Important</strong></p>",
        "image": builders.image(
            file=media_files.photo(1200, 900), alt="Des élus dans un atelier"
        ).pk,
        "status": Status.PUBLISHED,
        "published_at_0": when.strftime("%d/%m/%Y"),
        "published_at_1": when.strftime("%H:%M:%S"),
        "core-document-content_type-object_id-TOTAL_FORMS": "1",
        "core-document-content_type-object_id-0-title": "Programme de la visite",
        "core-document-content_type-object_id-0-order": "0",
        "core-document-content_type-object_id-0-kind": "agenda",
        "core-document-content_type-object_id-0-file": builders_pdf(),
    }
    response = editor_client.post(add, data)
    assert response.status_code == 302, page_text(response.text)[:2000]
    article = NewsArticle.objects.get(slug="visite-metal-valley")
    assert article.documents.get().title == "Programme de la visite"

    # Before its time: invisible to visitors, previewable by the editor with a banner.
    assert visitor.get(article.get_absolute_url()).status_code == 404
    assert "Visite de la Métal" not in visitor.get("/actualites/").text
    preview = editor_client.get(article.get_absolute_url())
    assert "Aperçu — non publié" in preview.text
    assert "<h2>Programme</h2>" in preview.text
    assert "Programme de la visite" in preview.text


def builders_pdf():
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("programme.pdf", builders.PDF_BYTES, content_type="application/pdf")


def test_admin_offers_the_wysiwyg_editor(admin_client):
    page = admin_client.get("/admin/pages/newsarticle/add/").text
    assert "data-django-prose-editor-configurable" in page
    assert "django_prose_editor/editor.js" in page


def test_an_editor_can_publish_with_the_bulk_action(editor_client):
    draft = builders.news(status=Status.DRAFT)
    editor_client.post(
        "/admin/pages/newsarticle/",
        {"action": "publish", "_selected_action": [draft.pk]},
    )
    draft.refresh_from_db()
    assert draft.status == Status.PUBLISHED


def test_an_editor_cannot_delete_news_but_detaches_a_document(editor_client):
    article = builders.news()
    document = builders.document(article, title="Joint par erreur")
    response = editor_client.post(f"/admin/pages/newsarticle/{article.pk}/delete/", {"post": "yes"})
    assert response.status_code == 403
    assert NewsArticle.objects.filter(pk=article.pk).exists()

    url = f"/admin/pages/newsarticle/{article.pk}/change/"
    form = editor_client.get(url).text
    delete_box = "core-document-content_type-object_id-0-DELETE"
    assert f'name="{delete_box}"' in form  # the Rédacteur is offered the box to tick
    data = form_data(form, "newsarticle_form") | {delete_box: "on"}
    assert editor_client.post(url, data).status_code == 302
    assert not article.documents.exists()
    assert NewsArticle.objects.filter(pk=article.pk).exists()
    assert document.title not in editor_client.get(article.get_absolute_url()).text


def test_an_administrator_can_delete(db, client, django_user_model):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user("admin2", password="x", is_staff=True)
    user.groups.add(Group.objects.get(name="Administrateur"))
    client.force_login(user)
    project = builders.project()
    response = client.post(f"/admin/projects/project/{project.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert client.get("/admin/auth/user/").status_code == 200


def test_dashboard_lists_drafts_scheduled_items_and_next_meetings(admin_client):
    builders.news(title="Brouillon d'actualité", status=Status.DRAFT)
    builders.project(
        title="Projet programmé", published_at=timezone.now() + datetime.timedelta(days=1)
    )
    builders.event(title="Comité à venir", date=timezone.localdate() + datetime.timedelta(days=10))
    text = page_text(admin_client.get("/admin/").text)
    assert "Tableau de bord" in text
    assert "Brouillon d'actualité" in text
    assert "Projet programmé" in text
    assert "Comité à venir" in text


def test_admin_speaks_french_and_names_the_site(admin_client):
    text = admin_client.get("/admin/").text
    assert "Territoire d'industrie Auxois Morvan" in page_text(text)
    assert "Déconnexion" in text


def test_scheduled_menu_page_appears_on_time_despite_caches(client):
    """Real time, real caches: a page scheduled two seconds ahead shows up in the menu."""
    import time

    from pages.models import MenuItem

    page = builders.page(
        title="Page programmée", published_at=timezone.now() + datetime.timedelta(seconds=2)
    )
    MenuItem.objects.create(label="Entrée programmée", page=page)
    assert "Entrée programmée" not in client.get("/").text
    assert "Entrée programmée" not in client.get("/").text  # now served from the caches
    time.sleep(2.2)
    assert "Entrée programmée" in client.get("/").text
