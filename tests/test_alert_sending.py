"""E-mail alerts sent when content goes live: who gets them, once, grouped, never for drafts
or corrections (« Enregistrer sans alerte »), retried when the mail server is down, and
what the admin shows. Tasks run in the test process here (the immediate backend);
tests/test_alert_worker.py proves the same with the real worker and mail server."""

import datetime
import logging
import time

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from alerts import dispatch
from alerts.models import AlertEvent, Delivery, DeliveryStatus, Subscription, Topic
from core.models import DocumentKind
from core.publishing import Status
from pages.models import NewsArticle

from . import builders
from .forms import form_data
from .mailbox import LocalSMTPServer, body

pytestmark = pytest.mark.django_db

ADDRESS = "habitante@example.fr"


@pytest.fixture(autouse=True)
def immediate_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    settings.SITE_URL = "https://auxois.example"


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Run what waits for the commit (the alerts' tasks), as a real request would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def follower(kind=Topic.NEWS, email=ADDRESS, confirmed=True, **topic):
    return Subscription.objects.create(
        email=email, kind=kind, confirmed_at=timezone.now() if confirmed else None, **topic
    )


def publish_news(commit, **kw):
    with commit():
        kw.setdefault("published_at", timezone.now())
        return builders.news(**kw)


def alerts_to(address=ADDRESS):
    return [m for m in mail.outbox if m.to == [address]]


def test_a_news_item_going_live_alerts_its_confirmed_followers_once(commit):
    follower()
    follower(email="pas-confirmee@example.fr", confirmed=False)
    follower(Topic.MEETINGS, email="reunions@example.fr")

    article = publish_news(commit, title="Visite de la Métal'Valley", summary="Une visite.")

    assert [m.to for m in mail.outbox] == [[ADDRESS]]
    message = mail.outbox[0]
    assert message.subject == "Nouvelle actualité : Visite de la Métal'Valley"
    text = message.body
    assert "Une visite." in text
    assert f"https://auxois.example{article.get_absolute_url()}" in text
    html = message.alternatives[0].content
    assert "<h2>Nouvelle actualité" in html and 'lang="fr"' in html
    manage = message.extra_headers["List-Unsubscribe"].strip("<>")
    assert manage.startswith("https://auxois.example/s-abonner/alertes/gerer/")
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert manage in text

    # A typo fixed, a second save, the « Publier » action again: nothing more.
    with commit():
        article.title = "Visite de la Métal'Valley (corrigé)"
        article.save()
        article.save()
    assert len(mail.outbox) == 1
    assert Delivery.objects.get().status == DeliveryStatus.SENT


def test_drafts_send_nothing_until_they_are_published(commit):
    follower()
    with commit():
        article = builders.news(status=Status.DRAFT)
        article.title = "Encore un brouillon"
        article.save()
    assert mail.outbox == []
    assert not AlertEvent.objects.exists()

    with commit():
        article.status = Status.PUBLISHED
        article.save()
    assert len(alerts_to()) == 1

    # Back to draft and out again: the followers were told already.
    with commit():
        article.status = Status.DRAFT
        article.save()
    with commit():
        article.status = Status.PUBLISHED
        article.save()
    assert len(mail.outbox) == 1


def test_a_scheduled_item_alerts_when_it_goes_live_not_when_saved(commit):
    follower()
    at = timezone.now() + datetime.timedelta(seconds=2)
    with commit():
        builders.news(title="Comité de mars", published_at=at)
    call_command("send_due_alerts", verbosity=0)
    assert mail.outbox == []  # not before its time

    time.sleep(max(0, (at - timezone.now()).total_seconds()) + 0.1)
    call_command("send_due_alerts", verbosity=0)
    assert [m.subject for m in mail.outbox] == ["Nouvelle actualité : Comité de mars"]
    call_command("send_due_alerts", verbosity=0)
    assert len(mail.outbox) == 1


def test_a_rescheduled_item_does_not_leave_at_its_first_date(commit, monkeypatch):
    follower()
    first = timezone.now() + datetime.timedelta(hours=1)
    with commit():
        article = builders.news(published_at=first)
    with commit():
        article.published_at = first + datetime.timedelta(days=1)
        article.save()
    monkeypatch.setattr("django.utils.timezone.now", lambda: first + datetime.timedelta(minutes=5))
    call_command("send_due_alerts", verbosity=0)
    assert mail.outbox == []
    assert AlertEvent.objects.get().due_at == first + datetime.timedelta(days=1)


def test_items_going_live_together_make_one_email_per_address(commit, editor_client):
    follower()
    lever = builders.lever(title="Compétences")
    follower(Topic.LEVER, lever=lever)
    follower(Topic.LEVER, email="autre@example.fr", lever=lever)
    drafts = [
        builders.news(title="Première", status=Status.DRAFT),
        builders.news(title="Seconde", status=Status.DRAFT),
    ]
    project = builders.project(title="Halle d'essai", lever=lever, status=Status.DRAFT)
    with commit():
        for item in [*drafts, project]:
            item.status = Status.PUBLISHED
            item.save()

    mine = alerts_to()
    assert len(mine) == 1
    assert mine[0].subject == "3 nouveautés — Territoire d'industrie Auxois Morvan"
    for title in ["Première", "Seconde", "Halle d'essai"]:
        assert title in mine[0].body
    (other,) = alerts_to("autre@example.fr")
    assert other.subject == "Nouveau projet : Halle d'essai"


def test_the_publish_action_alerts_too(commit, editor_client):
    follower()
    drafts = [builders.news(status=Status.DRAFT) for _ in range(2)]
    with commit():
        response = editor_client.post(
            "/admin/pages/newsarticle/",
            {"action": "publish", "_selected_action": [d.pk for d in drafts]},
        )
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject.startswith("2 nouveautés")


def admin_save(client, obj, **changes):
    url = f"/admin/{obj._meta.app_label}/{obj._meta.model_name}/{obj.pk}/change/"
    form_id = f"{obj._meta.model_name}_form"
    data = {k: v for k, v in form_data(client.get(url).text, form_id).items() if v is not None}
    response = client.post(url, data | changes)
    assert response.status_code == 302, response.text[:3000]
    return response


def test_an_editor_publishes_a_correction_without_alert(commit, editor_client):
    follower()
    article = builders.news(status=Status.DRAFT, title="Brouillon")
    page = editor_client.get(f"/admin/pages/newsarticle/{article.pk}/change/").text
    assert "Enregistrer sans alerte" in page

    with commit():
        admin_save(editor_client, article, status=Status.PUBLISHED, publish_quietly="on")
    assert NewsArticle.objects.get().is_public
    assert mail.outbox == []
    assert AlertEvent.objects.get().muted

    # Saved again later without the box: the item went out as a correction, for good.
    with commit():
        admin_save(editor_client, article, title="Titre revu")
    assert mail.outbox == []


def test_a_project_changing_state_alerts_its_followers_and_its_levers(commit):
    lever = builders.lever(title="Compétences")
    with commit():
        project = builders.project(title="Halle d'essai", lever=lever)
    follower(Topic.PROJECT, project=project)
    follower(Topic.LEVER, lever=lever)  # the same address: one e-mail
    follower(Topic.LEVER, email="levier@example.fr", lever=lever)
    follower(Topic.NEWS, email="actus@example.fr")

    with commit():
        project.project_status = "in_progress"
        project.save()
    assert sorted(m.to[0] for m in mail.outbox) == [ADDRESS, "levier@example.fr"]
    assert mail.outbox[0].subject == ("Projet désormais « En cours » : Halle d'essai")
    with commit():
        project.summary = "Résumé corrigé"
        project.save()
    assert len(mail.outbox) == 2


def test_a_meeting_announced_then_its_minutes_alert_the_meeting_followers(commit):
    follower(Topic.MEETINGS)
    with commit():
        meeting = builders.event(title="Comité de projet", published_at=None)
        builders.event(title="Signature prévue", kind="milestone", published_at=None)
    assert [m.subject for m in mail.outbox] == ["Réunion au calendrier : Comité de projet"]

    with commit():
        builders.document(meeting, title="Ordre du jour", kind=DocumentKind.AGENDA)
        builders.document(meeting, "cr.pdf", title="Compte rendu", kind=DocumentKind.MINUTES)
    assert mail.outbox[-1].subject == "Compte rendu publié : Comité de projet"
    assert len(mail.outbox) == 2


def test_loading_the_2019_content_records_and_sends_nothing(commit):
    follower()
    with commit():
        call_command("load_initial_data", verbosity=0)
    assert mail.outbox == []
    assert not AlertEvent.objects.exists()


def test_mail_server_down_the_alert_is_retried_and_delivered(commit, settings, caplog):
    server = LocalSMTPServer().start()
    settings.MAILERS = server.mailers()
    settings.ALERTS_RETRY_DELAYS = [1, 1]
    follower()
    server.stop()

    with caplog.at_level(logging.INFO), commit():
        publish_news(commit, title="Visite")
    delivery = Delivery.objects.get()
    assert delivery.status == DeliveryStatus.RETRYING
    assert delivery.attempts == 1
    assert "ne répond pas" in delivery.last_error
    assert ADDRESS not in caplog.text and ADDRESS not in delivery.last_error

    server.start()  # back, on the same port
    try:
        time.sleep(1.1)
        call_command("send_due_alerts", verbosity=0)
        message = server.wait_for(1)
        assert message["Subject"] == "Nouvelle actualité : Visite"
        assert "Visite" in body(message)
    finally:
        server.stop()
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.SENT, 2)


def test_after_the_last_try_the_delivery_is_marked_failed(commit, settings):
    server = LocalSMTPServer()  # never started: nothing listens on its port
    settings.MAILERS = server.mailers()
    settings.ALERTS_RETRY_DELAYS = [0]
    follower()
    publish_news(commit)
    call_command("send_due_alerts", verbosity=0)
    delivery = Delivery.objects.get()
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.FAILED, 2)


def test_unsubscribed_before_sending_nothing_leaves_and_no_address_is_kept(commit, settings):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    subscription = follower()
    publish_news(commit)
    (delivery,) = dispatch.dispatch_due()
    subscription.delete()
    assert dispatch.deliver(delivery.pk) is None
    delivery.refresh_from_db()
    assert (delivery.status, delivery.subscription) == (DeliveryStatus.CANCELLED, None)
    assert mail.outbox == []


def test_two_dispatches_never_send_twice(commit, settings):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    follower()
    publish_news(commit)
    first, second = dispatch.dispatch_due(), dispatch.dispatch_due()
    assert (len(first), second) == (1, [])
    dispatch.deliver(first[0].pk)
    dispatch.deliver(first[0].pk)
    assert len(mail.outbox) == 1


def test_the_deliveries_screen_shows_addresses_to_the_administrator_only(
    commit, settings, editor_client, admin_client
):
    server = LocalSMTPServer()
    settings.MAILERS = server.mailers()
    follower()
    publish_news(commit, title="Visite")
    page = editor_client.get("/admin/alerts/delivery/").text
    assert "Nouvel essai prévu" in page and "ne répond pas" in page and "Visite" in page
    assert ADDRESS not in page
    assert ADDRESS in admin_client.get("/admin/alerts/delivery/").text


def test_the_dashboard_lists_the_alerts_about_to_leave(commit, editor_client):
    follower()
    follower(email="deux@example.fr")
    at = timezone.now() + datetime.timedelta(days=1)
    with commit():
        builders.news(title="Comité de mars", published_at=at)
    page = editor_client.get("/admin/").text
    assert "Alertes à venir" in page
    assert "Comité de mars" in page and "2 destinataires" in page


def test_subscriber_addresses_appear_in_no_public_output_and_no_task(commit, client, settings):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    follower()
    publish_news(commit, title="Visite")
    from core import opendata

    urls = ["/", "/sitemap.xml", "/plan-du-site/", "/donnees-ouvertes/", "/actualites/rss.xml"]
    urls += [
        f"/donnees-ouvertes/{key}.{fmt}" for key in opendata.datasets for fmt in ("csv", "json")
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        content = b"".join(response) if response.streaming else response.content
        assert ADDRESS.encode() not in content, url

    from django.tasks import default_task_backend

    queued = [str(result.args) for result in default_task_backend.results]
    assert queued and not any(ADDRESS in args for args in queued)


def test_a_failed_delivery_is_sent_again_from_the_admin(commit, settings, editor_client):
    settings.ALERTS_RETRY_DELAYS = []  # one try, then « Échec »
    server = LocalSMTPServer()
    settings.MAILERS = server.mailers()
    follower()
    publish_news(commit, title="Visite")
    delivery = Delivery.objects.get()
    assert delivery.status == DeliveryStatus.FAILED
    assert "1 envoi en échec" in editor_client.get("/admin/").text

    server.start()
    try:
        with commit():
            response = editor_client.post(
                "/admin/alerts/delivery/",
                {"action": "send_again", "_selected_action": [delivery.pk]},
            )
        assert response.status_code == 302
        assert server.wait_for(1)["Subject"] == "Nouvelle actualité : Visite"
    finally:
        server.stop()
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.SENT, 2)


def test_a_minutes_document_on_a_news_item_announces_nothing_more(commit):
    follower()
    with commit():
        article = builders.news(title="Visite", published_at=timezone.now())
        builders.document(article, "cr.pdf", title="Compte rendu", kind=DocumentKind.MINUTES)
    assert [m.subject for m in mail.outbox] == ["Nouvelle actualité : Visite"]
    assert Delivery.objects.get().status == DeliveryStatus.SENT


def test_a_scheduled_item_saved_quietly_then_normally_is_announced(commit, settings):
    from core.publishing import quietly

    follower()
    at = timezone.now() + datetime.timedelta(seconds=1)
    with commit(), quietly():
        article = builders.news(title="Comité", published_at=at)
    with commit():
        article.summary = "Ordre du jour complété."
        article.save()
    time.sleep(max(0, (at - timezone.now()).total_seconds()) + 0.1)
    call_command("send_due_alerts", verbosity=0)
    assert [m.subject for m in mail.outbox] == ["Nouvelle actualité : Comité"]


def test_withdrawn_while_its_alert_waited_then_published_again_is_announced(commit, settings):
    server = LocalSMTPServer()
    settings.MAILERS = server.mailers()
    settings.ALERTS_RETRY_DELAYS = [3600]
    follower()
    article = publish_news(commit, title="Visite")
    assert Delivery.objects.get().status == DeliveryStatus.RETRYING
    with commit():
        article.status = Status.DRAFT
        article.save()
    Delivery.objects.update(next_attempt_at=timezone.now())  # its next try has come
    call_command("send_due_alerts", verbosity=0)
    assert Delivery.objects.get().status == DeliveryStatus.CANCELLED

    server.start()
    settings.MAILERS = server.mailers()
    try:
        with commit():
            article.status = Status.PUBLISHED
            article.save()
        assert server.wait_for(1)["Subject"] == "Nouvelle actualité : Visite"
    finally:
        server.stop()


def test_a_topic_left_while_the_alert_waited_is_left_out(commit, settings):
    server = LocalSMTPServer()
    settings.MAILERS = server.mailers()
    settings.ALERTS_RETRY_DELAYS = [3600]
    news = follower()
    follower(Topic.MEETINGS)
    with commit():
        builders.news(title="Visite", published_at=timezone.now())
        builders.event(title="Comité de projet", published_at=None)
    news.delete()  # the address now follows the meetings only
    Delivery.objects.update(next_attempt_at=timezone.now())  # its next try has come
    server.start()
    try:
        call_command("send_due_alerts", verbosity=0)
        assert server.wait_for(1)["Subject"] == "Réunion au calendrier : Comité de projet"
    finally:
        server.stop()


def test_an_error_writing_the_message_is_recorded_and_retried(commit, settings, monkeypatch):
    settings.ALERTS_RETRY_DELAYS = [60]

    def broken(*args):
        raise KeyError("oops")

    monkeypatch.setattr("alerts.mail.send_alert", broken)
    follower()
    publish_news(commit)
    delivery = Delivery.objects.get()
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.RETRYING, 1)
    assert "Erreur du site en écrivant le message (KeyError)" in delivery.last_error


def test_check_deploy_wants_the_site_address(settings):
    from alerts.checks import site_url_is_given

    settings.SITE_URL_GIVEN = False
    assert [w.id for w in site_url_is_given(None)] == ["alerts.W001"]
    settings.SITE_URL_GIVEN = True
    assert site_url_is_given(None) == []
