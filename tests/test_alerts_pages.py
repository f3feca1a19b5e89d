"""E-mail alerts, the visitor's side: the form to follow a topic on the content pages, and
the manage page reached from every message (add a topic, remove one, delete everything;
the one-click unsubscribe of mail programs kept)."""

import html
import re

import pytest
from django.core import mail
from django.test import Client

from alerts.models import Subscription, Topic

from . import builders
from .test_alerts import confirmed, links, path, subscribe

pytestmark = pytest.mark.django_db

FORM = re.compile(r'<form class="follow" method="post" action="([^"]+)".*?</form>', re.S)


def follow_form(response):
    """(action, hidden topic, legend) of the page's follow form, or None."""
    assert response.status_code == 200
    found = FORM.search(response.text)
    if found is None:
        return None
    form = found.group(0)
    topic = re.search(r'<input type="hidden" name="topic" value="([^"]*)"', form).group(1)
    legend = re.search(r"<legend>(.*?)</legend>", form).group(1)
    return found.group(1), html.unescape(topic), html.unescape(legend)


@pytest.fixture
def content(db):
    lever = builders.lever(title="Levier des compétences")
    return {
        "article": builders.news(),
        "meeting": builders.event(kind="meeting"),
        "milestone": builders.event(kind="milestone"),
        "lever": lever,
        "project": builders.project(title="Halle d'essai", lever=lever),
    }


def test_each_page_type_has_the_form_with_its_topic(client, content):
    lever, project = content["lever"], content["project"]
    expected = {
        "/actualites/": ("news", "Suivre les actualités par courriel"),
        content["article"].get_absolute_url(): ("news", "Suivre les actualités par courriel"),
        "/gouvernance/": ("meetings", "Suivre les réunions par courriel"),
        content["meeting"].get_absolute_url(): ("meetings", "Suivre les réunions par courriel"),
        lever.get_absolute_url(): (f"lever:{lever.slug}", "Suivre ce levier par courriel"),
        project.get_absolute_url(): (f"project:{project.slug}", "Suivre ce projet"),
    }
    for url, (topic, legend) in expected.items():
        response = client.get(url)
        assert follow_form(response) == ("/s-abonner/alertes/", topic, legend), url
        text = response.text
        assert text.count('class="follow"') == 1, url
        assert '<label for="suivre-email">Votre adresse électronique</label>' in text, url
        assert 'aria-describedby="suivre-aide"' in text and 'id="suivre-aide"' in text
        assert 'name="site_web"' in text  # the honeypot
        assert 'name="csrfmiddlewaretoken"' not in text
        assert not response.cookies, url
    # an event that is not a meeting has no form: there is nothing to follow there
    assert follow_form(client.get(content["milestone"].get_absolute_url())) is None


def test_the_same_page_is_served_to_everyone_from_the_page_cache(client, content):
    url = content["project"].get_absolute_url()
    first, second = client.get(url), Client().get(url)
    assert first.text == second.text  # nothing personal in the form


def test_a_draft_previewed_by_an_editor_has_no_form(editor_client, db):
    draft = builders.project(status="draft")
    response = editor_client.get(draft.get_absolute_url())
    assert response.status_code == 200
    assert 'class="follow"' not in response.text


def test_posting_from_a_project_page_subscribes_to_that_project(client, content):
    project = content["project"]
    action, topic, _ = follow_form(client.get(project.get_absolute_url()))
    response = client.post(action, {"email": "voisine@example.fr", "topic": topic, "site_web": ""})
    assert response.status_code == 200
    assert "Vérifiez votre messagerie" in response.text
    subscription = Subscription.objects.get()
    assert (subscription.kind, subscription.project, subscription.email) == (
        Topic.PROJECT,
        project,
        "voisine@example.fr",
    )
    assert "Le projet « Halle d'essai »" in mail.outbox[0].body


def test_an_error_from_a_content_page_shows_the_full_form_with_the_topic_kept(client, content):
    lever = content["lever"]
    action, topic, _ = follow_form(client.get(lever.get_absolute_url()))
    response = client.post(action, {"email": "pas-une-adresse", "topic": topic, "site_web": ""})
    assert response.status_code == 400
    assert 'role="alert"' in response.text
    assert "<h1>Recevoir les alertes par courriel</h1>" in response.text
    assert f'<option value="lever:{lever.slug}" selected>' in response.text
    assert not Subscription.objects.exists()


def test_the_forms_cost_no_query(content, django_assert_num_queries):
    from core import site

    def ours(parts):
        return [part for part in parts if part.template.startswith("alerts/")]

    with django_assert_num_queries(0):
        for key in ["news", "governance"]:
            assert site.context_of(ours(site.section_parts[key]))
        for obj in content.values():
            site.context_of(ours(site.detail_parts.get(obj._meta.label, [])), obj)


# The manage page


def manage_page(client, manage):
    response = client.get(manage)
    assert response.status_code == 200
    return response


def form_action(response):
    return html.unescape(
        re.search(r'<form class="manage-form" method="post" action="([^"]+)"', response.text).group(
            1
        )
    )


def test_the_manage_page_lists_every_subscription_of_the_address_only(client, content):
    lever = content["lever"]
    manage = confirmed(client, topic="news")
    confirmed(client, topic=f"lever:{lever.slug}")
    confirmed(client, email="quelqu-un@example.fr", topic="meetings")
    subscribe(client, topic="meetings")  # asked, not confirmed yet
    response = manage_page(client, manage)
    assert not response.cookies and "no-store" in response.headers["Cache-Control"]
    text = response.text
    assert "Adresse : habitante@example.fr." in text
    assert "Toutes les actualités" in text
    assert "Le levier « Levier des compétences »" in text
    assert "Les réunions" in text and "demande en attente de confirmation" in text
    assert "quelqu-un" not in text
    assert text.count("Ne plus suivre<span") == 2 and "Annuler la demande" in text
    assert "Supprimer toutes mes données</button>" in text
    assert 'name="csrfmiddlewaretoken"' not in text
    # the topics already followed are not offered again
    offered = text.split('id="ajout-topic"')[1].split("</select>")[0]
    assert 'value="news"' not in offered and f'value="lever:{lever.slug}"' not in offered
    assert 'value="meetings"' in offered and f'value="project:{content["project"].slug}"' in offered


def test_adding_topics_creates_confirmed_subscriptions_without_duplicates(client, content):
    project = content["project"]
    manage = confirmed(client, topic="news")
    subscribe(client, topic="meetings")  # waiting for its confirmation
    mail.outbox.clear()
    strict = Client(enforce_csrf_checks=True)
    for topic in [f"project:{project.slug}", "meetings"]:
        response = strict.post(manage, {"action": "add", "topic": topic})
        assert response.status_code == 200
        assert "Abonnement ajouté" in response.text and 'role="status"' in response.text
        assert not response.cookies
    assert not mail.outbox  # the link proved the address: nothing to confirm
    mine = Subscription.objects.filter(email="habitante@example.fr")
    assert mine.count() == 3 and mine.confirmed().count() == 3
    assert mine.filter(kind=Topic.PROJECT, project=project).exists()
    again = client.post(manage, {"action": "add", "topic": "meetings"})
    assert again.status_code == 400
    assert 'role="alert"' in again.text
    assert mine.count() == 3


def test_removing_one_topic_keeps_the_others_and_the_page_usable(client, content):
    lever = content["lever"]
    manage = confirmed(client, topic="news")
    confirmed(client, topic=f"lever:{lever.slug}")
    other = confirmed(client, email="quelqu-un@example.fr", topic="news")
    news = Subscription.objects.get(email="habitante@example.fr", kind=Topic.NEWS)
    stranger = Subscription.objects.get(email="quelqu-un@example.fr")

    refused = client.post(manage, {"action": "remove", "subscription": stranger.pk})
    assert refused.status_code == 200
    assert Subscription.objects.filter(pk=stranger.pk).exists()  # not this address's
    for junk in ["²", "9" * 5000, "-1", ""]:  # « ² » is a digit to str.isdigit()
        assert client.post(manage, {"action": "remove", "subscription": junk}).status_code < 500
    assert Subscription.objects.count() == 3

    # removing the subscription the link names: the page goes on with the other one
    response = client.post(manage, {"action": "remove", "subscription": news.pk})
    assert response.status_code == 200
    assert "Vous ne suivez plus : Toutes les actualités." in response.text
    assert "Annuler : suivre de nouveau" in response.text  # one topic among others: undoable
    assert not Subscription.objects.filter(pk=news.pk).exists()
    assert client.get(manage).status_code == 400  # that link is dead now
    action = form_action(response)
    assert action != manage
    assert "Le levier « Levier des compétences »" in manage_page(client, action).text
    last = Subscription.objects.get(email="habitante@example.fr")
    # The last one erases the address: a box confirms it first (RGAA 11.12).
    refused = client.post(action, {"action": "remove", "subscription": last.pk})
    assert refused.status_code == 400 and "a été supprimé." in refused.text
    assert Subscription.objects.filter(pk=last.pk).exists()
    done = client.post(action, {"action": "remove", "subscription": last.pk, "confirm": "on"})
    assert "<h1>Données supprimées</h1>" in done.text
    assert not Subscription.objects.filter(email="habitante@example.fr").exists()
    assert manage_page(client, other)


def test_deleting_all_my_data_leaves_nothing(client, content):
    manage = confirmed(client, topic="news")
    confirmed(client, topic="meetings")
    subscribe(client, topic=f"project:{content['project'].slug}")  # waiting
    confirmed(client, email="quelqu-un@example.fr", topic="news")
    refused = client.post(manage, {"action": "delete_all"})  # without the box: nothing
    assert refused.status_code == 400 and 'role="alert"' in refused.text
    assert Subscription.objects.filter(email="habitante@example.fr").count() == 3
    response = Client(enforce_csrf_checks=True).post(
        manage, {"action": "delete_all", "confirm": "on"}
    )
    assert response.status_code == 200
    assert "<h1>Données supprimées</h1>" in response.text
    assert not Subscription.objects.filter(email="habitante@example.fr").exists()
    assert Subscription.objects.filter(email="quelqu-un@example.fr").count() == 1
    assert client.get(manage).status_code == 400


def test_one_click_unsubscribe_deletes_only_the_subscription_of_the_message(content):
    browser = Client(enforce_csrf_checks=True)
    confirmed(browser, topic="news")
    manage = confirmed(browser, topic="meetings")
    response = browser.post(
        manage, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    assert "Désabonnement effectué" in response.text
    assert list(Subscription.objects.values_list("kind", flat=True)) == [Topic.NEWS]


def test_the_confirmation_page_manages_with_the_links_of_the_message(client, content):
    subscribe(client, topic="news")
    confirm, manage = links(mail.outbox[0])
    page = manage_page(client, path(manage))  # the « delete this request » link
    assert "demande en attente de confirmation" in page.text
    assert Subscription.objects.confirmed().count() == 0
    client.post(path(confirm))
    assert "depuis le" in manage_page(client, path(manage)).text


def test_the_personal_data_page_states_what_the_alerts_keep_and_why(seeded, client):
    from .crawl import page_text

    text = page_text(client.get("/donnees-personnelles/").text).replace("’", "'")
    for statement in [
        "Ce site ne dépose aucun cookie chez ses visiteurs.",
        "Alertes par courriel",
        "vous envoyer les alertes que vous avez demandées",
        "votre consentement (article 6.1.a du règlement général sur la protection des données",
        "votre adresse électronique, le sujet choisi, la date de la demande et celle de la "
        "confirmation. Rien d'autre : ni nom, ni adresse IP",
        "une demande non confirmée est effacée au bout de 7 jours",
        "un abonnement confirmé est conservé jusqu'à ce que vous vous désabonniez",
        "La suppression est définitive",
        "le service d'envoi de courriels utilisé par l'éditeur du site, qui agit comme "
        "sous-traitant",
        "accéder à vos données, les rectifier, les effacer et retirer votre consentement à "
        "tout moment, par le lien présent dans chaque courriel",
        "Commission nationale de l'informatique et des libertés (CNIL)",
    ]:
        assert statement in text, statement
    assert 'href="https://www.cnil.fr/"' in client.get("/donnees-personnelles/").text
    assert "aucune donnée personnelle à leur sujet, sauf l'adresse électronique" in text
