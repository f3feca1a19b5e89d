"""The admin dashboard's « À compléter » panel: each gap listed with a link that fixes it."""

import datetime

import pytest
from django.utils import timezone

from core.models import DocumentKind, Image
from core.publishing import Status
from pages.models import NewsArticle, SiteIdentity

from . import builders
from .crawl import page_text

pytestmark = pytest.mark.django_db


def panel(client):
    html = client.get("/admin/").text
    start = html.find('id="a-completer"')
    return "" if start < 0 else html[start : html.index("</section>", start)]


def test_an_empty_site_identity_is_flagged_until_filled(editor_client):
    todo = panel(editor_client)
    assert "Mentions légales : « non renseigné » s'affiche pour éditeur du site" in page_text(todo)
    assert 'href="/admin/pages/siteidentity/add/"' in todo

    SiteIdentity(
        publisher="Communauté de communes du Montbardois",
        publisher_address="Montbard",
        publication_director="La présidence",
        host="Un hébergeur",
        host_address="Paris",
        contact_email="contact@example.org",
    ).save()
    assert "Mentions légales" not in panel(editor_client)


def test_images_without_alt_text_link_to_the_filtered_library(editor_client):
    described = builders.image(alt="Une presse")
    mute = builders.image(alt="x")
    Image.objects.filter(pk=mute.pk).update(alt="")  # as an old import left it
    todo = page_text(panel(editor_client))
    assert "1 image(s) sans texte alternatif" in todo

    listing = editor_client.get("/admin/core/image/?texte_alternatif=manquant").text
    assert f"/admin/core/image/{mute.pk}/change/" in listing
    assert f"/admin/core/image/{described.pk}/change/" not in listing


def test_forgotten_drafts_and_past_meetings_without_minutes(editor_client):
    old = builders.news(title="Brouillon oublié", status=Status.DRAFT)
    builders.news(title="Brouillon du jour", status=Status.DRAFT)
    NewsArticle.objects.filter(pk=old.pk).update(
        updated_at=timezone.now() - datetime.timedelta(days=31)
    )
    held = builders.event(title="Comité de projet", date=datetime.date(2019, 7, 11))
    builders.document(held, title="Ordre du jour", kind=DocumentKind.AGENDA)
    reported = builders.event(title="Comité de pilotage", date=datetime.date(2019, 1, 25))
    builders.document(reported, title="Compte rendu", kind=DocumentKind.MINUTES)
    builders.event(title="Comité à venir", date=timezone.localdate() + datetime.timedelta(days=9))

    todo = page_text(panel(editor_client))
    assert "« Brouillon oublié »" in todo
    assert "Brouillon du jour" not in todo
    assert "Réunion passée sans compte rendu joint : « Comité de projet" in todo
    assert "Comité de pilotage" not in todo
    assert "Comité à venir" not in todo
    assert f"/admin/governance/timelineevent/{held.pk}/change/" in panel(editor_client)


def test_nothing_to_complete_means_no_panel(admin_client):
    SiteIdentity(
        **dict.fromkeys(SiteIdentity.LEGAL_NOTICE_FIELDS, "renseigné")
        | {"contact_email": "contact@example.org"}
    ).save()
    assert panel(admin_client) == ""
