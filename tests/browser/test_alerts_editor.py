"""A Rédacteur and the alerts, in Chromium: a scheduled news item waits on the dashboard
with its number of recipients, a second edit does not double it, going live sends one
alert; an item saved with « Enregistrer sans alerte » sends none; the deliveries screen
shows what left, without the subscriber's address."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from alerts.models import Subscription

from .test_editor_journey import saved


@pytest.fixture(autouse=True)
def immediate_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}


def fill_news(page, title, when):
    page.fill("#id_title", title)
    page.fill("#id_published_at_0", when.strftime("%d/%m/%Y"))
    page.fill("#id_published_at_1", when.strftime("%H:%M:%S"))
    page.select_option("#id_status", "published")


def test_an_editor_schedules_corrects_and_publishes_with_and_without_alert(site, editor_page):
    page = editor_page
    Subscription.objects.create(
        email="habitante@example.fr", kind="news", confirmed_at=timezone.now()
    )
    tomorrow = timezone.localtime() + datetime.timedelta(days=1)
    page.goto(site + "/admin/pages/newsarticle/add/")
    fill_news(page, "Réunion publique à Saulieu", tomorrow)
    page.click("input[name=_save]")
    saved(page)

    page.goto(site + "/admin/")
    panel = page.locator("h3:has-text('Alertes à venir') + ul")
    assert "Réunion publique à Saulieu" in panel.inner_text()
    assert "1 destinataire" in panel.inner_text()

    # Second visit: a typo fixed while it waits; still one alert waiting, none sent.
    page.goto(site + "/admin/pages/newsarticle/")
    page.get_by_role("link", name="Réunion publique à Saulieu").click()
    page.fill("#id_title", "Réunion publique à Saulieu (21 h)")
    page.click("input[name=_continue]")
    saved(page)
    page.goto(site + "/admin/")
    assert panel.locator("li").count() == 1
    assert mail.outbox == []

    # Third visit: published now instead of tomorrow: the alert leaves.
    page.goto(site + "/admin/pages/newsarticle/")
    page.get_by_role("link", name="Réunion publique à Saulieu (21 h)").click()
    fill_news(page, "Réunion publique à Saulieu (21 h)", timezone.localtime())
    page.click("input[name=_save]")
    saved(page)
    assert [m.subject for m in mail.outbox] == [
        "Nouvelle actualité : Réunion publique à Saulieu (21 h)"
    ]

    # A correction published « sans alerte »: nothing leaves.
    page.goto(site + "/admin/pages/newsarticle/add/")
    fill_news(page, "Rectificatif : horaires", timezone.localtime())
    page.get_by_label("Enregistrer sans alerte").check()
    page.click("input[name=_save]")
    saved(page)
    assert len(mail.outbox) == 1
    page.goto(site + "/admin/")
    assert "Aucune alerte en attente" in page.content()

    page.goto(site + "/admin/alerts/delivery/")
    text = page.locator("#result_list").inner_text()
    assert "Envoyé" in text and "Réunion publique à Saulieu (21 h)" in text
    assert "habitante@example.fr" not in page.content()
