"""How to follow the site: visible « S'abonner » links to the feeds and the calendar on the
news and governance pages, and the /s-abonner/ page that explains them."""

import re

import pytest

from . import builders
from .crawl import page_text

pytestmark = pytest.mark.django_db


def footer_of(response):
    return response.content.decode().split("<footer", 1)[1]


FEEDS = {
    "/actualites/rss.xml": "application/rss+xml",
    "/actualites/atom.xml": "application/atom+xml",
    "/gouvernance/calendrier.ics": "text/calendar",
}


@pytest.mark.parametrize("url_of", ["news_list", "news_item", "timeline"])
def test_subscribe_links_are_visible_and_lead_to_working_feeds(seeded, client, url_of):
    url = {
        "news_list": "/actualites/",
        "news_item": builders.news(body="<p>Texte.</p>").get_absolute_url(),
        "timeline": "/gouvernance/",
    }[url_of]
    html = client.get(url).content.decode()
    block = re.search(r'<p class="subscribe">(.*?)</p>', html, re.S).group(1)
    assert "S'abonner" in page_text(block)
    links = dict(re.findall(r'href="([^"]+)">([^<]+)</a>', block))
    assert "webcal://testserver/gouvernance/calendrier.ics" in links
    assert "/s-abonner/" in links
    for feed, content_type in FEEDS.items():
        assert feed in links
        response = client.get(feed)
        assert response.status_code == 200
        assert response["Content-Type"].startswith(content_type), feed


def test_subscribe_page_explains_feeds_and_calendar_apps(seeded, client):
    response = client.get("/s-abonner/")
    assert response.status_code == 200
    text = page_text(response.content.decode())
    for words in [
        "Un flux est une adresse",
        "http://testserver/actualites/rss.xml",
        "http://testserver/actualites/atom.xml",
        "http://testserver/gouvernance/calendrier.ics",
        "Google Agenda",
        "À partir de l'URL",
        "Outlook",
        "S'abonner à partir du web",
        "Apple Calendrier",
        "Nouvel abonnement à un calendrier",
        "Thunderbird",
        "Sur le réseau",
    ]:
        assert words in text, words
    assert 'href="webcal://testserver/gouvernance/calendrier.ics"' in response.content.decode()


def test_subscribe_page_is_in_the_sitemap_the_site_map_and_the_footer(client):
    assert "/s-abonner/</loc>" in client.get("/sitemap.xml").content.decode()
    assert 'href="/s-abonner/"' in client.get("/plan-du-site/").content.decode()
    assert 'href="/s-abonner/"' in footer_of(client.get("/"))
