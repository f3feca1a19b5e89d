"""E-mail alerts, first slice: subscribing (no cookie, limits, honeypot, bad addresses),
double opt-in by a signed link, one-click unsubscribe, purge, and what the admin shows."""

import re
import time
from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from alerts.models import Subscription, Topic

from . import builders
from .mailbox import LocalSMTPServer, body

pytestmark = pytest.mark.django_db

URL = "/s-abonner/alertes/"
LINK = re.compile(r"https?://[^\s\"<>]+/s-abonner/alertes/(?:confirmer|gerer)/[^\s\"<>/]+/")


def subscribe(client, email="habitante@example.fr", topic="news", **extra):
    return client.post(URL, {"email": email, "topic": topic, "site_web": ""}, **extra)


def links(message):
    text = message.body
    confirm = next(link for link in LINK.findall(text) if "/confirmer/" in link)
    manage = next(link for link in LINK.findall(text) if "/gerer/" in link)
    return confirm, manage


def path(link):
    return re.sub(r"^https?://[^/]+", "", link)


@pytest.fixture
def lever(db):
    return builders.lever(title="Levier des compétences")


@pytest.fixture
def project(db):
    return builders.project(title="Halle d'essai")


def test_the_form_lists_the_topics_and_sets_no_cookie(client, lever, project):
    response = client.get(URL)
    assert response.status_code == 200
    assert not response.cookies
    text = response.text
    assert "Recevoir les alertes par courriel" in text
    for label in [
        "Toutes les actualités",
        "Les réunions",
        "Levier des compétences",
        "Halle d&#x27;essai",
    ]:
        assert label in text
    assert 'name="csrfmiddlewaretoken"' not in text


def test_subscribe_confirm_and_confirm_again(client, project):
    response = subscribe(client, topic=f"project:{project.slug}")
    assert response.status_code == 200
    assert "Vérifiez votre messagerie" in response.text
    assert not response.cookies
    subscription = Subscription.objects.get()
    assert (subscription.email, subscription.kind, subscription.project) == (
        "habitante@example.fr",
        Topic.PROJECT,
        project,
    )
    assert subscription.confirmed_at is None

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["habitante@example.fr"]
    assert message.subject.startswith("Confirmez votre abonnement")
    assert "Le projet « Halle d'essai »" in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html" and '<html lang="fr">' in html and "<h1>" in html
    confirm, manage = links(message)
    assert message.extra_headers["List-Unsubscribe"] == f"<{manage}>"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "habitante" not in confirm and "example" not in confirm.split("/s-abonner/")[1]

    shown = client.get(path(confirm))  # what a mail scanner opening the link does
    assert shown.status_code == 200
    assert "<h1>Confirmer votre abonnement</h1>" in shown.text
    assert "Le projet « Halle d&#x27;essai »" in shown.text
    assert 'method="post"' in shown.text and "Confirmer mon abonnement</button>" in shown.text
    assert 'name="csrfmiddlewaretoken"' not in shown.text
    assert not shown.cookies and shown.headers["Cache-Control"].startswith("max-age=0")
    subscription.refresh_from_db()
    assert subscription.confirmed_at is None  # a GET confirms nothing

    first = client.post(path(confirm))
    assert first.status_code == 200
    assert "<h1>Abonnement confirmé</h1>" in first.text
    assert not first.cookies
    subscription.refresh_from_db()
    assert subscription.confirmed_at is not None

    for again in [client.post(path(confirm)), client.get(path(confirm))]:
        assert again.status_code == 200
        assert "Abonnement déjà confirmé" in again.text
        assert "Confirmer mon abonnement" not in again.text


def test_an_already_subscribed_address_gets_the_same_answer_and_no_duplicate(client):
    subscribe(client)
    client.post(path(links(mail.outbox[0])[0]))
    response = subscribe(client)
    assert response.status_code == 200
    assert "Vérifiez votre messagerie" in response.text
    assert Subscription.objects.count() == 1
    assert len(mail.outbox) == 1  # nothing to confirm again


def test_asking_twice_before_confirming_keeps_one_request(client):
    subscribe(client)
    subscribe(client)
    assert Subscription.objects.count() == 1
    assert len(mail.outbox) == 2
    client.post(path(links(mail.outbox[1])[0]))
    assert Subscription.objects.confirmed().count() == 1


@pytest.mark.parametrize(
    "email",
    [
        "pas-une-adresse",
        "a@b.fr\nBcc: victime@example.org",
        "a@b.fr\r\nSubject: x",
        "a@b.fr, c@d.fr",
        "",
    ],
)
def test_a_malformed_address_gets_a_french_error_and_nothing_is_stored(client, email):
    response = subscribe(client, email=email)
    assert response.status_code == 400
    assert "L'abonnement n'a pas été enregistré." in response.text
    assert (
        "Cette adresse électronique n'est pas valide" in response.text.replace("&#x27;", "'")
        or "Indiquez votre adresse électronique." in response.text
    )
    assert not Subscription.objects.exists()
    assert not mail.outbox


def test_an_unknown_or_draft_topic_is_refused(client, db):
    draft = builders.project(status="draft")
    for topic in ["everything", f"project:{draft.slug}", "lever:inconnu"]:
        response = subscribe(client, topic=topic)
        assert response.status_code == 400
        assert "Choisissez ce que vous voulez suivre dans la liste." in response.text
    assert not Subscription.objects.exists()


def test_the_honeypot_stores_nothing_and_sends_nothing(client, db):
    response = client.post(
        URL, {"email": "robot@example.fr", "topic": "news", "site_web": "http://spam.example"}
    )
    assert response.status_code == 200  # the robot learns nothing
    assert not Subscription.objects.exists()
    assert not mail.outbox


def test_one_thousand_posts_from_one_client_are_throttled(client, db):
    statuses = [subscribe(client, email=f"personne{n}@example.fr").status_code for n in range(1000)]
    assert statuses[:10] == [200] * 10
    assert set(statuses[10:]) == {429}
    assert Subscription.objects.count() == 10
    assert len(mail.outbox) == 10
    refused = subscribe(client, email="une-de-plus@example.fr")
    assert "Trop de demandes d'abonnement" in refused.text.replace("&#x27;", "'")
    # another client is not affected
    assert (
        subscribe(client, email="ailleurs@example.fr", REMOTE_ADDR="192.0.2.7").status_code == 200
    )


def test_one_address_gets_at_most_three_confirmation_mails_an_hour(client, db):
    for n, topic in enumerate(["news", "meetings", "news", "meetings", "news"]):
        response = subscribe(client, topic=topic, REMOTE_ADDR=f"192.0.2.{n + 1}")
        assert response.status_code == 200
        assert "Vérifiez votre messagerie" in response.text
    assert len(mail.outbox) == 3
    assert Subscription.objects.count() == 2


@pytest.mark.parametrize("tamper", ["abc", "1.2:xyz:abc", None])
def test_a_forged_confirmation_link_gets_a_clear_page(client, tamper):
    if tamper is None:  # a real link with its signature changed
        subscribe(client)
        confirm = path(links(mail.outbox[0])[0])
        tamper = confirm.rstrip("/").rsplit("/", 1)[1][:-2] + "xx"
    for response in [
        client.get(f"{URL}confirmer/{tamper}/"),
        client.post(f"{URL}confirmer/{tamper}/"),
    ]:
        assert response.status_code == 400
        assert "<h1>Lien non valable</h1>" in response.text
    assert not Subscription.objects.confirmed().exists()


def test_an_expired_confirmation_link_gets_a_clear_page(client, db):
    subscribe(client)
    confirm = path(links(mail.outbox[0])[0])
    later = time.time() + timedelta(days=7, minutes=1).total_seconds()
    with mock.patch("django.core.signing.time.time", return_value=later):
        for response in [client.get(confirm), client.post(confirm)]:
            assert response.status_code == 400
            assert "<h1>Lien expiré</h1>" in response.text
    assert not Subscription.objects.confirmed().exists()


def test_a_link_to_a_purged_request_gets_a_clear_page(client, db):
    subscribe(client)
    confirm = path(links(mail.outbox[0])[0])
    Subscription.objects.all().delete()
    for response in [client.get(confirm), client.post(confirm)]:
        assert response.status_code == 400
        assert "Lien non valable" in response.text


def confirmed(client, email="habitante@example.fr", topic="news"):
    mail.outbox.clear()
    subscribe(client, email=email, topic=topic)
    confirm, manage = links(mail.outbox[0])
    client.post(path(confirm))
    return path(manage)


def test_the_manage_link_shows_the_subscription_and_a_bare_post_deletes_it(client, lever):
    manage = confirmed(client, topic=f"lever:{lever.slug}")
    page = client.get(manage)
    assert page.status_code == 200
    assert "Le levier « Levier d" in page.text and "Ne plus suivre" in page.text
    assert 'method="post"' in page.text
    assert Subscription.objects.count() == 1  # a GET (e.g. a link checker) deletes nothing

    done = client.post(manage)
    assert done.status_code == 200
    assert "Désabonnement effectué" in done.text
    assert not Subscription.objects.exists()
    assert client.get(manage).status_code == 400  # the link is dead now


def test_one_click_unsubscribe_without_csrf_token(db):
    from django.test import Client

    browser = Client(enforce_csrf_checks=True)
    manage = confirmed(browser)
    response = browser.post(
        manage, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    assert not Subscription.objects.exists()
    assert not response.cookies


def test_the_public_form_posts_without_csrf_token(db):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(
        URL, {"email": "habitante@example.fr", "topic": "news"}
    )
    assert response.status_code == 200
    assert Subscription.objects.count() == 1


def test_a_forged_manage_link_deletes_nothing(client, db):
    manage = confirmed(client)
    forged = manage[:-3] + "zz/"
    response = client.post(
        forged, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 400
    assert Subscription.objects.count() == 1


def test_purge_deletes_only_unconfirmed_requests_older_than_seven_days(db):
    now = timezone.now()
    old = Subscription.objects.create(email="a@example.fr", kind=Topic.NEWS)
    Subscription.objects.filter(pk=old.pk).update(created_at=now - timedelta(days=8))
    old_confirmed = Subscription.objects.create(
        email="b@example.fr", kind=Topic.NEWS, confirmed_at=now - timedelta(days=7)
    )
    Subscription.objects.filter(pk=old_confirmed.pk).update(created_at=now - timedelta(days=9))
    recent = Subscription.objects.create(email="c@example.fr", kind=Topic.NEWS)
    call_command("purge_unconfirmed_subscriptions", verbosity=0)
    assert set(Subscription.objects.values_list("pk", flat=True)) == {old_confirmed.pk, recent.pk}


def test_the_database_refuses_a_topic_that_does_not_match_its_kind(db, project):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        Subscription.objects.create(email="a@example.fr", kind=Topic.LEVER, project=project)
    Subscription.objects.create(email="a@example.fr", kind=Topic.NEWS, confirmed_at=timezone.now())
    with pytest.raises(IntegrityError), transaction.atomic():
        Subscription.objects.create(
            email="a@example.fr", kind=Topic.NEWS, confirmed_at=timezone.now()
        )


ADMIN_URL = "/admin/alerts/subscription/"


def some_subscriptions(project):
    now = timezone.now()
    Subscription.objects.create(email="secret-un@example.fr", kind=Topic.NEWS, confirmed_at=now)
    Subscription.objects.create(email="secret-deux@example.fr", kind=Topic.NEWS)
    Subscription.objects.create(
        email="secret-trois@example.fr", kind=Topic.PROJECT, project=project, confirmed_at=now
    )


def test_the_editor_sees_counts_per_topic_and_no_address(editor_client, project, settings):
    some_subscriptions(project)
    response = editor_client.get(ADMIN_URL)
    assert response.status_code == 200
    text = response.text
    assert "secret-" not in text and "@example.fr" not in text
    assert "Toutes les actualités" in text and "Le projet « Halle d&#x27;essai »" in text
    assert re.search(r"Toutes les actualités</th><td>1</td><td>1</td>", text)
    one = Subscription.objects.first()
    assert editor_client.get(f"{ADMIN_URL}{one.pk}/change/").status_code in (302, 403)


def test_the_administrator_sees_the_addresses(client, django_user_model, project):
    from django.contrib.auth.models import Group

    admin = django_user_model.objects.create_user(
        "admin2", "a@example.org", "x-solide-42", is_staff=True
    )
    admin.groups.add(Group.objects.get(name="Administrateur"))
    client.force_login(admin)
    some_subscriptions(project)
    text = client.get(ADMIN_URL).text
    assert "secret-un@example.fr" in text and "secret-trois@example.fr" in text


def queries(action):
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        action()
    return len(captured)


def test_queries_per_page_do_not_grow_with_the_content(client, django_assert_max_num_queries):
    builders.lever()
    builders.project()
    form_small = queries(lambda: client.get(URL))
    post_small = queries(lambda: subscribe(client))
    for _n in range(20):
        builders.lever()
        builders.project()
    assert queries(lambda: client.get(URL)) == form_small
    assert queries(lambda: subscribe(client, email="autre@example.fr")) == post_small
    confirm, manage = links(mail.outbox[0])
    with django_assert_max_num_queries(form_small):
        client.post(path(confirm))
    with django_assert_max_num_queries(form_small):
        client.post(path(manage))
    assert not Subscription.objects.filter(email="habitante@example.fr").exists()


def test_the_subscribe_page_leads_to_the_alerts_form(client):
    text = client.get("/s-abonner/").text
    assert "<h2>Les alertes par courriel</h2>" in text
    assert f'href="{URL}"' in text


def test_the_confirmation_goes_through_a_real_smtp_server_with_its_headers(client, settings):
    server = LocalSMTPServer().start()
    settings.MAILERS = server.mailers()
    try:
        subscribe(client, email="journaliste@example.fr", topic="meetings")
        message = server.wait_for(1)
    finally:
        server.stop()
    assert message["To"] == "journaliste@example.fr"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    manage = message["List-Unsubscribe"].strip("<>")
    text = body(message)
    assert "Les réunions" in text and manage in text
    html = message.get_body(preferencelist=("html",)).get_content()
    assert "Confirmer mon abonnement</a>" in html
    confirm = next(link for link in LINK.findall(text) if "/confirmer/" in link)
    assert "Abonnement confirmé" in client.post(path(confirm)).text
    assert (
        client.post(
            path(manage),
            "List-Unsubscribe=One-Click",
            content_type="application/x-www-form-urlencoded",
        ).status_code
        == 200
    )
    assert not Subscription.objects.exists()


def test_a_mail_server_down_gets_a_french_message_and_stores_nothing(client, settings):
    from .mailbox import free_port

    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": free_port(), "timeout": 2},
        }
    }
    response = subscribe(client)
    assert response.status_code == 503
    assert "le serveur de courrier ne répond pas" in response.text
    assert not Subscription.objects.exists()
