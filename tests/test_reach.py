"""Following and finding: feeds, calendar, sitemap, robots, metadata, structured data."""

import datetime
import json
import re
import xml.etree.ElementTree as ET

import feedparser
import icalendar
import pytest
from django.utils import timezone

from accessibility import grid
from core.publishing import Status

from . import builders, media_files
from .crawl import crawl

pytestmark = pytest.mark.django_db


def test_rss_and_atom_feeds_list_published_news(seeded, client):
    builders.news(title="Brouillon caché", status=Status.DRAFT)
    for url in ["/actualites/rss.xml", "/actualites/atom.xml"]:
        response = client.get(url)
        assert response.status_code == 200
        feed = feedparser.parse(response.content)
        assert not feed.bozo, feed.bozo_exception
        titles = [entry.title for entry in feed.entries]
        assert any("Matignon" in t for t in titles)
        assert "Brouillon caché" not in titles
    assert feedparser.parse(client.get("/actualites/rss.xml").content).version == "rss20"


def test_atom_entries_have_the_organisation_as_author(seeded, client):
    """RFC 4287 § 4.1.2: an entry without its own author takes the feed's, which must exist."""
    root = ET.fromstring(client.get("/actualites/atom.xml").content)
    ns = {"a": "http://www.w3.org/2005/Atom"}
    assert root.findtext("a:author/a:name", namespaces=ns) == "Territoire d'industrie Auxois Morvan"
    assert root.findtext("a:author/a:uri", namespaces=ns) == "http://testserver/"
    assert root.findall("a:entry", ns)
    feed = feedparser.parse(client.get("/actualites/atom.xml").content)
    assert all(entry.author == "Territoire d'industrie Auxois Morvan" for entry in feed.entries)


def test_feeds_give_the_day_of_publication_not_an_invented_time(db, client):
    """The site knows days: the feeds give the day at 00:00, Paris time (their convention)."""
    moment = datetime.datetime(2019, 3, 21, 9, 0, tzinfo=datetime.UTC)
    article = builders.news(title="Une actualité", published_at=moment)
    type(article).objects.filter(pk=article.pk).update(updated_at=None)  # as from the fixtures
    rss = ET.fromstring(client.get("/actualites/rss.xml").content)
    assert rss.findtext("channel/item/pubDate") == "Thu, 21 Mar 2019 00:00:00 +0100"
    atom = ET.fromstring(client.get("/actualites/atom.xml").content)
    ns = {"a": "http://www.w3.org/2005/Atom"}
    assert atom.findtext("a:entry/a:published", namespaces=ns) == "2019-03-21T00:00:00+01:00"
    # No change recorded: « updated » is the publication, in the same convention.
    assert atom.findtext("a:entry/a:updated", namespaces=ns) == "2019-03-21T00:00:00+01:00"


def test_every_page_advertises_the_feeds(seeded, client):
    html = client.get("/projets/").text
    assert '<link rel="alternate" type="application/rss+xml"' in html
    assert '<link rel="alternate" type="application/atom+xml"' in html


def test_calendar_feed_is_valid_icalendar_without_fake_days(seeded, client):
    response = client.get("/gouvernance/calendrier.ics")
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    events = calendar.walk("VEVENT")
    starts = sorted(e.decoded("dtstart").isoformat() for e in events)
    assert starts == [
        "2019-01-25", "2019-03-21", "2019-03-21", "2019-07-11", "2019-09-24", "2019-12-19",
    ]  # fmt: skip
    summaries = [str(e["summary"]).lower() for e in events]
    assert not any("contrat" in s for s in summaries)  # « 2e semestre 2020 »: no fake day
    assert not any("emplois et formations" in s for s in summaries)  # « en 2019 »: no day
    uids = [str(e["uid"]) for e in events]
    assert len(set(uids)) == len(uids)


def test_one_meeting_can_be_added_to_a_calendar(seeded, client):
    page = client.get("/gouvernance/calendrier/comite-de-projet-24-septembre-2019/").text
    assert 'href="/gouvernance/calendrier/comite-de-projet-24-septembre-2019.ics"' in page
    response = client.get("/gouvernance/calendrier/comite-de-projet-24-septembre-2019.ics")
    [event] = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    assert event.decoded("dtstart").isoformat() == "2019-09-24"


def test_approximate_milestone_has_no_ics(seeded, client):
    page = client.get("/gouvernance/calendrier/contractualisation-2e-semestre-2020/").text
    assert ".ics" not in page.split("<main")[1]
    assert (
        client.get("/gouvernance/calendrier/contractualisation-2e-semestre-2020.ics").status_code
        == 404
    )


def test_sitemap_lists_every_public_page_and_each_answers(seeded, client):
    builders.project(title="Brouillon", slug="brouillon", status=Status.DRAFT)
    response = client.get("/sitemap.xml")
    root = ET.fromstring(response.content)
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    urls = [u.findtext("s:loc", namespaces=ns) for u in root.findall("s:url", ns)]
    paths = [re.sub(r"^https?://[^/]+", "", u) for u in urls]
    assert "/projets/projet-catamaran/" in paths
    assert "/projets/brouillon/" not in paths
    assert "/gouvernance/calendrier/comite-de-projet-11-juillet-2019/" in paths
    for path in paths:
        assert client.get(path).status_code == 200, path
    lastmods = root.findall("s:url/s:lastmod", ns)
    assert lastmods  # news carries its publication date


def sitemap_entries(client):
    """{path: lastmod or None} of /sitemap.xml."""
    root = ET.fromstring(client.get("/sitemap.xml").content)
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    return {
        re.sub(r"^https?://[^/]+", "", url.findtext("s:loc", namespaces=ns)): url.findtext(
            "s:lastmod", namespaces=ns
        )
        for url in root.findall("s:url", ns)
    }


def test_every_html_page_a_visitor_can_reach_is_in_the_sitemap(seeded, client):
    """Crawl from the home page following links: each HTML page found is in the sitemap, and
    the sitemap lists nothing that cannot be reached."""
    reached = {
        path
        for path, response in crawl(client).items()
        if response.status_code == 200 and response["Content-Type"].startswith("text/html")
    }
    listed = set(sitemap_entries(client))
    assert {"/mentions-legales/", "/accessibilite/"} <= reached
    assert reached - listed == set()
    assert listed - reached == set()


def test_sitemap_dates_what_has_a_date(seeded, client):
    """lastmod wherever a date is known: a change date, else a publication date, else (the
    accessibility statement and its annex) the evaluation's date; the 2019 fixtures record
    none otherwise."""
    builders.project(title="Modifié", slug="modifie")
    entries = sitemap_entries(client)
    assert entries["/actualites/visite-a-matignon-de-quatre-territoires-pilotes/"] == "2019-03-21"
    assert entries["/projets/modifie/"] == timezone.localdate().isoformat()
    # A list is dated by what it lists; the home page and the site map by everything.
    assert entries["/actualites/"] == "2019-03-21"
    assert entries["/projets/"] == timezone.localdate().isoformat()
    assert entries["/"] == timezone.localdate().isoformat()
    assert entries["/plan-du-site/"] == timezone.localdate().isoformat()
    evaluated = grid.evaluation().date.isoformat()
    assert entries["/accessibilite/"] == entries["/accessibilite/grille/"] == evaluated


def test_robots_points_to_the_sitemap(client):
    text = client.get("/robots.txt").text
    assert "Sitemap: http://testserver/sitemap.xml" in text


def json_ld(html):
    return [
        json.loads(block)
        for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    ]


def test_home_describes_the_programme_as_a_government_organization(seeded, client):
    types = [d["@type"] for d in json_ld(client.get("/").text)]
    assert "GovernmentOrganization" in types


@pytest.mark.parametrize(
    "url", ["/projets/", "/projets/projet-catamaran/", "/gouvernance/", "/territoire/"]
)
def test_every_page_has_a_breadcrumb_list(seeded, client, url):
    [crumbs] = [d for d in json_ld(client.get(url).text) if d["@type"] == "BreadcrumbList"]
    items = crumbs["itemListElement"]
    assert items[0]["name"] == "Accueil"
    assert [i["position"] for i in items] == list(range(1, len(items) + 1))


def test_news_article_and_event_data(seeded, client):
    news = json_ld(client.get("/actualites/visite-a-matignon-de-quatre-territoires-pilotes/").text)
    [article] = [d for d in news if d["@type"] == "NewsArticle"]
    assert article["datePublished"] == "2019-03-21"  # the day: the source gives no time
    assert article["dateModified"] == "2019-03-21"  # no change recorded since
    assert article["author"]["name"] == "Territoire d'industrie Auxois Morvan"
    assert article["image"] == ["http://testserver/static/logo.png"]  # no image: the logo
    meeting = json_ld(client.get("/gouvernance/calendrier/comite-de-projet-11-juillet-2019/").text)
    [event] = [d for d in meeting if d["@type"] == "Event"]
    assert event["startDate"] == "2019-07-11"
    approximate = json_ld(
        client.get("/gouvernance/calendrier/contractualisation-2e-semestre-2020/").text
    )
    assert "Event" not in [d["@type"] for d in approximate]


def test_news_article_image_is_its_own_when_it_has_one(db, client):
    article = builders.news(image=builders.image())
    [data] = [
        d
        for d in json_ld(client.get(article.get_absolute_url()).text)
        if d["@type"] == "NewsArticle"
    ]
    [url] = data["image"]
    assert url.startswith("http://testserver/media/") and url.endswith(".webp")


def event_data(client, url):
    return [d for d in json_ld(client.get(url).text) if d["@type"] == "Event"]


def test_event_location_only_as_far_as_it_is_known(seeded, client):
    """No place in the source: no `location`; a place without address: no `PostalAddress`."""
    [unknown] = event_data(client, "/gouvernance/calendrier/comite-de-projet-11-juillet-2019/")
    assert "location" not in unknown
    [matignon] = event_data(client, "/gouvernance/calendrier/visite-a-matignon-21-mars-2019/")
    assert matignon["location"] == {"@type": "Place", "name": "Matignon"}
    known = builders.event(location="Salle des fêtes", address="2 rue de la Mairie 21210 Saulieu")
    [data] = event_data(client, known.get_absolute_url())
    assert data["location"]["name"] == "Salle des fêtes"
    assert data["location"]["address"] == {
        "@type": "PostalAddress",
        "streetAddress": "2 rue de la Mairie",
        "postalCode": "21210",
        "addressLocality": "Saulieu",
        "addressCountry": "FR",
    }


def test_json_ld_cannot_be_broken_out_of(db, client):
    article = builders.news(title="</script><script>alert(1)</script>")
    html = client.get(article.get_absolute_url()).text
    assert "</script><script>alert(1)" not in html
    assert any(d.get("headline") == article.title for d in json_ld(html))


def test_home_page_is_shared_under_the_site_name(db, client):
    html = client.get("/").text
    assert '<meta property="og:title" content="Territoire d&#x27;industrie Auxois Morvan">' in html
    assert "Accueil" not in re.search(r'<meta property="og:title"[^>]*>', html)[0]
    assert (
        'content="Territoire d&#x27;industrie Auxois Morvan"'
        in re.search(r'<meta name="twitter:title"[^>]*>', html)[0]
    )


def test_canonical_open_graph_and_twitter_tags(db, client):
    article = builders.news(
        title="Journée portes ouvertes",
        summary="Les ateliers ouvrent leurs portes.",
        image=builders.image(file=media_files.photo(1800, 1200), alt="Un atelier"),
    )
    html = client.get(article.get_absolute_url() + "?utm=x").text
    assert f'<link rel="canonical" href="http://testserver{article.get_absolute_url()}">' in html
    assert '<meta property="og:title" content="Journée portes ouvertes">' in html
    assert '<meta property="og:description" content="Les ateliers ouvrent leurs portes.">' in html
    assert '<meta property="og:type" content="article">' in html
    image = re.search(r'<meta property="og:image" content="([^"]+)">', html).group(1)
    assert image.endswith(".webp") and "/renditions/" in image
    assert '<meta name="twitter:card" content="summary_large_image">' in html


def test_shared_pages_show_the_page_image_or_the_logo(seeded, client):
    """Open Graph needs a raster image: the page's own, or the 512 px PNG emblem."""
    html = client.get("/actualites/visite-a-matignon-de-quatre-territoires-pilotes/").text
    assert '<meta property="og:image" content="http://testserver/static/logo.png">' in html
    assert '<meta name="twitter:card" content="summary">' in html  # a logo, not a large image
    from django.contrib.staticfiles import finders
    from PIL import Image

    with Image.open(finders.find("logo.png")) as logo:
        assert (logo.format, logo.size) == ("PNG", (512, 512))


def test_no_page_repeats_an_id(seeded, client):
    """Each id once per page: parts that several apps add to one page (the home page) must
    not collide, or a heading's aria-labelledby names the wrong section."""
    repeated = {}
    for path, response in crawl(client).items():
        if response.status_code == 200 and response["Content-Type"].startswith("text/html"):
            ids = re.findall(r'\sid="([^"]+)"', response.text)
            if len(ids) != len(set(ids)):
                repeated[path] = sorted({i for i in ids if ids.count(i) > 1})
    assert repeated == {}
