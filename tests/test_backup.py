"""Backups: what `dumpdata --natural-foreign --natural-primary` writes, `loaddata` restores."""

import pytest
from django.apps import apps
from django.core.management import call_command

from pages.models import NewsArticle

from . import builders

pytestmark = pytest.mark.django_db(transaction=True)

URLS = [
    "/", "/projets/", "/projets/1-stagiaire-1-opportunite/", "/gouvernance/", "/territoire/",
    "/actualites/", "/priorites/territoire-numerique-4-0/", "/plan-du-site/",
    "/donnees-ouvertes/projets.csv",
]  # fmt: skip
APPS = ["pages", "projects", "governance", "core.contentload"]  # README: `dumpdata … core`


def snapshot(client):
    return {url: client.get(url).content for url in URLS}


def test_dump_then_load_into_an_empty_database_gives_the_same_pages(
    seeded, client, tmp_path, settings
):
    settings.PAGE_CACHE_SECONDS = 0
    builders.news(title="Actualité ajoutée après 2019")
    before = snapshot(client)
    dump = tmp_path / "sauvegarde.json"
    history = [
        m._meta.label_lower for m in apps.get_models() if m.__name__.startswith("Historical")
    ]
    call_command(
        "dumpdata",
        *APPS,
        "--natural-foreign",
        "--natural-primary",
        *[f"--exclude={label}" for label in history],
        output=str(dump),
    )
    call_command("flush", "--no-input")
    assert not NewsArticle.objects.exists()
    call_command("loaddata", str(dump))
    assert snapshot(client) == before
