"""Real-browser tests: Debian's Chromium driven by Playwright, axe-core from npm.

They run when Chromium and axe-core are present and are skipped, with the reason, when one
is missing. With BROWSER_TESTS=required (as CI sets it) a missing piece is an error instead.
"""

import os
import shutil
from pathlib import Path

import pytest
from django.core.management import call_command

# Playwright's sync API runs an event loop in the test thread; the ORM calls made by the
# test (fixtures, builders) are still synchronous and safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
AXE = ROOT / "node_modules/axe-core/axe.min.js"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def missing():
    reasons = []
    if not Path(CHROMIUM).exists():
        reasons.append(f"Chromium introuvable ({CHROMIUM}) : apt install chromium")
    if not AXE.exists():
        reasons.append("axe-core absent (node_modules) : npm ci")
    try:
        import playwright  # noqa: F401
    except ImportError:
        reasons.append("Playwright pour Python absent : make install")
    return reasons


def pytest_collection_modifyitems(config, items):
    browser_items = [item for item in items if "tests/browser/" in str(item.fspath)]
    for item in browser_items:
        item.add_marker(pytest.mark.browser)
    reasons = missing()
    if not reasons or not browser_items:
        return
    if os.environ.get("BROWSER_TESTS") == "required":
        raise pytest.UsageError(
            "Tests navigateur obligatoires mais impossibles : " + "; ".join(reasons)
        )
    skip = pytest.mark.skip(reason="tests navigateur : " + "; ".join(reasons))
    for item in browser_items:
        item.add_marker(skip)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def site(live_server, transactional_db):
    """The live site with the 2019 content."""
    call_command("load_initial_data", verbosity=0)
    return live_server.url


@pytest.fixture
def context(browser):
    context = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900})
    yield context
    context.close()


@pytest.fixture
def page(context):
    return context.new_page()


@pytest.fixture(scope="session")
def axe_source():
    return AXE.read_text(encoding="utf-8")


EDITOR_PASSWORD = "mot-de-passe-solide-42"


@pytest.fixture
def make_editor(transactional_db, django_user_model):
    """`make_editor(username)`: a member of the « Rédacteur » group — nothing else ticked:
    the group alone opens the admin."""
    from django.contrib.auth.models import Group

    from core.roles import EDITOR

    def make(username="redactrice", **fields):
        user = django_user_model.objects.create_user(
            username, f"{username}@example.org", EDITOR_PASSWORD, **fields
        )
        user.groups.add(Group.objects.get(name=EDITOR))
        return user

    return make


def log_in(page, site, username, password=EDITOR_PASSWORD):
    """Through the admin's login form, as a person would."""
    page.goto(site + "/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    with page.expect_navigation():
        page.click("input[type=submit]")


@pytest.fixture
def editor_page(site, context, make_editor):
    """A browser tab where a Rédacteur is logged in to the admin."""
    page = context.new_page()
    log_in(page, site, make_editor().username)
    assert "/admin/" in page.url and "login" not in page.url
    return page
