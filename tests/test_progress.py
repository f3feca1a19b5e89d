"""« Où en est-on ? » and how current the site says it is: computed from the timeline,
a passed forecast never shown as the future, each page's last change when recorded."""

import datetime
import re

import pytest
from django.utils import timezone

from core.publishing import Status
from governance.models import EventKind, TimelineEvent

from . import builders
from .crawl import page_text

pytestmark = pytest.mark.django_db

CONTRACT = "/gouvernance/calendrier/contractualisation-2e-semestre-2020/"


def panel(markup):
    """The text of the « Où en est-on ? » panel (a <dl class="situation">)."""
    found = re.search(r'<dl class="situation">.*?</dl>', markup, re.S)
    assert found, "no progress panel on the page"
    return page_text(found.group())


def days(n):
    return timezone.localdate() + datetime.timedelta(days=n)


def test_progress_page_states_the_last_step_reached_and_the_overdue_next_step(seeded, client):
    response = client.get("/ou-en-est-on/")
    assert response.status_code == 200
    text = panel(response.text)
    assert "Dernière étape franchie Comité de projet — jeudi 19 décembre 2019" in text
    assert "Prochaine étape annoncée aucune étape à venir n'est annoncée" in text
    assert (
        "En attente de confirmation Signature du contrat Territoire d'industrie de "
        "l'Auxois Morvan — prévue pour le 2e semestre 2020 date dépassée, à confirmer"
    ) in text
    assert "Réunions au calendrier 5 réunions passées" in text
    assert CONTRACT in response.text
    # The programme's own text stays, dated, below the panel; nothing reads as current.
    page = page_text(response.text)
    assert "protocole d'accord signé le 21 mars 2019" in page
    assert "était alors prévue pour le deuxième semestre 2020" in page
    assert "Aujourd'hui" not in page
    assert "(dernière étape enregistrée : 19 décembre 2019)" in page


def test_home_page_says_how_current_the_information_is(seeded, client):
    response = client.get("/")
    text = panel(response.text)
    assert "Dernière étape franchie Comité de projet — jeudi 19 décembre 2019" in text
    assert "date dépassée, à confirmer" in text
    assert "Réunions au calendrier" not in text  # the key figures above already count them
    assert 'href="/ou-en-est-on/"' in response.text
    assert "Aujourd'hui" not in page_text(response.text)


def test_passed_forecast_reads_as_past_on_the_timeline_and_its_page(seeded, client):
    timeline = page_text(client.get("/gouvernance/").text)
    entry = timeline.split("2e semestre 2020", 1)[1][:60]
    assert entry.startswith(" date dépassée, à confirmer")
    assert "prévision" not in entry
    detail = page_text(client.get(CONTRACT).text)
    assert "Date prévue pour le 2e semestre 2020 date dépassée, à confirmer" in detail


def test_a_forecast_still_ahead_reads_as_a_forecast(seeded, client):
    builders.event(
        title="Bilan à mi-parcours",
        kind=EventKind.MILESTONE,
        date=datetime.date(days(400).year, 7, 1),
        date_precision="semester",
        is_forecast=True,
    )
    page = page_text(client.get("/gouvernance/").text)
    after = page.split("Bilan à mi-parcours", 1)[0].rsplit("semestre", 1)[1][:40]
    assert "prévision" in after and "à confirmer" not in after


def test_the_panel_follows_the_timeline(seeded, client):
    """A meeting held yesterday becomes the last step; one announced next week, the next."""
    builders.event(title="Comité de projet d'hier", kind=EventKind.MEETING, date=days(-1))
    builders.event(title="Comité de projet à venir", kind=EventKind.MEETING, date=days(7))
    builders.event(
        title="Réunion en brouillon", kind=EventKind.MEETING, date=days(-1), status=Status.DRAFT
    )
    text = panel(client.get("/ou-en-est-on/").text)
    assert "Dernière étape franchie Comité de projet d'hier" in text
    # The meeting announced is the next step; the overdue 2020 forecast waits, apart.
    assert "Prochaine étape annoncée Comité de projet à venir" in text
    assert "En attente de confirmation Signature du contrat" in text
    contract = TimelineEvent.objects.get(slug="contractualisation-2e-semestre-2020")
    contract.is_forecast = False  # what an editor records once it is done
    contract.save()
    text = panel(client.get("/ou-en-est-on/").text)
    assert "Prochaine étape annoncée Comité de projet à venir" in text
    assert "En attente de confirmation" not in text
    assert "brouillon" not in text
    assert "Réunions au calendrier 6 réunions passées" in text


def test_an_empty_timeline_says_so(db, client):
    text = page_text(client.get("/ou-en-est-on/").text)
    assert "Aucune étape n'est encore enregistrée dans le calendrier." in text
    assert "Dernière étape franchie" not in text


def test_no_next_step_is_said_plainly(db, client):
    builders.event(title="Première réunion", kind=EventKind.MEETING, date=days(-30))
    text = panel(client.get("/ou-en-est-on/").text)
    assert "Prochaine étape annoncée aucune étape à venir n'est annoncée pour le moment." in text


def test_the_last_content_change_is_stated_only_when_recorded(seeded, client):
    assert "Dernière modification" not in page_text(client.get("/ou-en-est-on/").text)
    builders.news(title="Brouillon sans date", status=Status.DRAFT)
    assert "Dernière modification" not in page_text(client.get("/ou-en-est-on/").text)
    builders.news(title="Nouvelle actualité")
    today = timezone.localdate()
    text = page_text(client.get("/ou-en-est-on/").text)
    assert f"Dernière modification du contenu du site le {today.day}" in text


CONTENT_PAGES = {
    "page": lambda: builders.page(title="Page d'essai"),
    "news": lambda: builders.news(title="Actualité d'essai"),
    "project": lambda: builders.project(title="Projet d'essai"),
    "holder": lambda: builders.holder(name="Porteur d'essai"),
    "lever": lambda: builders.lever(title="Levier d'essai"),
    "body": lambda: builders.body(name="Instance d'essai"),
    "event": lambda: builders.event(title="Réunion d'essai"),
}


@pytest.mark.parametrize("kind", CONTENT_PAGES)
def test_every_content_page_shows_its_last_change(db, client, kind):
    item = CONTENT_PAGES[kind]()
    text = page_text(client.get(item.get_absolute_url()).text)
    assert f"Dernière modification le {timezone.localdate(item.updated_at).day}" in text


def test_seed_pages_claim_no_change_date(seeded, client):
    for url in ["/dispositif-national/", "/projets/1-stagiaire-1-opportunite/", CONTRACT]:
        assert "Dernière modification" not in page_text(client.get(url).text)


def test_progress_page_queries_stay_constant(seeded, client, django_assert_max_num_queries):
    """As many queries with 40 meetings as with 8 (each page's first rendering after a
    change; later ones come from the cache)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as before:
        assert client.get("/ou-en-est-on/").status_code == 200
    for n in range(32):
        builders.event(title=f"Réunion {n}", kind=EventKind.MEETING, date=days(-n - 2))
    with django_assert_max_num_queries(len(before)):
        assert client.get("/ou-en-est-on/").status_code == 200


def test_the_page_is_in_the_sitemap_once(seeded, client):
    sitemap = client.get("/sitemap.xml").text
    assert sitemap.count("/ou-en-est-on/</loc>") == 1


def test_a_dated_forecast_reads_as_planned_on_its_day(seeded, client):
    event = builders.event(title="Comité annoncé", date=days(10), is_forecast=True)
    detail = page_text(client.get(event.get_absolute_url()).text)
    assert f"Date prévue le {event.day_label}" in detail
    assert "prévision" in detail and "à confirmer" not in detail
