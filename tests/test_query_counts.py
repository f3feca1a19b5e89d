"""Pages do a constant amount of database work, however much content there is."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from . import builders

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_page_cache(settings):
    """Count the queries of rendering the page, not of serving cached copies or results."""
    settings.PAGE_CACHE_SECONDS = 0
    settings.DATA_CACHE_SECONDS = 0


URLS = [
    "/",
    "/projets/",
    "/priorites/",
    "/porteurs/",
    "/actualites/",
    "/gouvernance/",
    "/plan-du-site/",
    "/territoire/",
]


@pytest.fixture
def shared():
    """A lever, action, holder, intercommunality and body that every new project shares."""
    lever = builders.lever()
    return {
        "lever": lever,
        "action": builders.action(lever),
        "holder": builders.holder(),
        "ic": builders.intercommunality(),
        "body": builders.body(),
    }


def add_content(shared, n):
    for _ in range(n):
        holders = [shared["holder"], builders.holder()]
        builders.project(holders=holders, action=shared["action"], intercommunality=shared["ic"])
        builders.project(holders=holders[1:], lever=shared["lever"])
        builders.news()
        builders.event(body=shared["body"])


@pytest.mark.parametrize("url", URLS)
def test_list_pages_do_not_query_more_with_more_content(
    client, django_assert_max_num_queries, shared, url
):
    add_content(shared, 5)
    with CaptureQueriesContext(connection) as small:
        assert client.get(url).status_code == 200

    add_content(shared, 40)
    with django_assert_max_num_queries(len(small)):
        assert client.get(url).status_code == 200


def test_detail_pages_do_not_query_more_with_more_content(
    client, django_assert_max_num_queries, shared
):
    add_content(shared, 3)
    urls = [
        shared["lever"].get_absolute_url(),
        shared["holder"].get_absolute_url(),
        shared["body"].get_absolute_url(),
        # with the form to follow them by e-mail (alerts)
        builders.project(holders=[shared["holder"]], lever=shared["lever"]).get_absolute_url(),
        builders.news().get_absolute_url(),
        builders.event(body=shared["body"]).get_absolute_url(),
    ]
    counts = []
    for url in urls:
        with CaptureQueriesContext(connection) as ctx:
            client.get(url)
        counts.append(len(ctx))
    add_content(shared, 30)
    for url, count in zip(urls, counts, strict=True):
        with django_assert_max_num_queries(count):
            assert client.get(url).status_code == 200


@pytest.mark.parametrize("url", URLS)
def test_list_pages_at_full_scale(seeded, client, django_assert_max_num_queries, url):
    """10 projects (the seed) versus 500 projects, 200 news items and 100 meetings."""
    with CaptureQueriesContext(connection) as small:
        assert client.get(url).status_code == 200
    call_command("generate_load_data", projects=500, news=200, meetings=100, verbosity=0)
    with django_assert_max_num_queries(len(small)):
        response = client.get(url)
    assert response.status_code == 200
