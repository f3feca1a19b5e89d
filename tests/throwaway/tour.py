"""Creates workshops in an empty database and visits the site as a visitor and as an editor
would; prints what they see as JSON (asserted by tests/test_architecture.py)."""

import json
import os
import sys

import django

os.environ["DJANGO_SETTINGS_MODULE"] = "tests.throwaway.settings"
django.setup()

from django.contrib.auth.models import Group, User  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402

from tests.throwaway.models import Workshop  # noqa: E402

call_command("migrate", run_syncdb=True, verbosity=0)
Workshop.objects.create(title="Atelier soudure", slug="atelier-soudure", status="published")
Workshop.objects.create(title="Atelier brouillon", slug="atelier-brouillon")

visitor = Client()
editor = Client()
user = User.objects.create_user("redacteur", password="x", is_staff=True)
user.groups.add(Group.objects.get(name="Rédacteur"))
editor.force_login(user)


def visit(client, url):
    response = client.get(url)
    return {"status": response.status_code, "text": response.content.decode()}


seen = {
    url: visit(visitor, url)
    for url in [
        "/",
        "/ateliers/",
        "/ateliers/atelier-soudure/",
        "/ateliers/atelier-brouillon/",
        "/recherche/?q=soudure",
        "/sitemap.xml",
        "/donnees-ouvertes/",
        "/donnees-ouvertes/ateliers.csv",
        "/plan-du-site/",
    ]
}
seen["editor:/admin/throwaway/workshop/add/"] = visit(editor, "/admin/throwaway/workshop/add/")
seen["editor:/admin/pages/page/add/"] = visit(editor, "/admin/pages/page/add/")
json.dump(seen, sys.stdout)
