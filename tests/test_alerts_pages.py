"""E-mail alerts, the visitor's side: the form to follow a topic on the content pages."""

import html
import re

import pytest
from django.core import mail
from django.test import Client

from alerts.models import Subscription, Topic

from . import builders

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
