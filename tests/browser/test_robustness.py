"""Phones, no JavaScript, print, privacy: what a visitor's browser actually does."""

import os
from pathlib import Path
from urllib.parse import urlsplit

import pytest

MAIN_PAGES = {
    "accueil": "/",
    "projets": "/projets/",
    "gouvernance": "/gouvernance/",
    "projet": "/projets/1-stagiaire-1-opportunite/",
    "actualites": "/actualites/",
    "territoire": "/territoire/",
    "recherche": "/recherche/?q=projet",
}
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs/screenshots"


@pytest.mark.parametrize("width", [320, 375, 1280])
@pytest.mark.parametrize("url", MAIN_PAGES.values(), ids=MAIN_PAGES.keys())
def test_no_horizontal_scroll(site, context, url, width):
    page = context.new_page()
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(site + url)
    assert page.evaluate("document.documentElement.scrollWidth") <= width


@pytest.mark.parametrize("name", ["accueil", "projets", "gouvernance"])
@pytest.mark.parametrize("width", [375, 1280])
def test_screenshots(site, context, tmp_path, name, width):
    """Screenshots of the main pages; `make screenshots` keeps them in docs/screenshots/."""
    page = context.new_page()
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(site + MAIN_PAGES[name])
    folder = SCREENSHOTS if os.environ.get("UPDATE_SCREENSHOTS") else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}-{width}.png"
    page.screenshot(path=path, full_page=True)
    assert path.stat().st_size > 10_000


@pytest.mark.parametrize("url", ["/mentions-legales/", "/recherche/?q=zzzz"])
def test_footer_ends_the_window_on_short_pages(site, context, url):
    """No band of page colour below the footer when the content is shorter than the window."""
    page = context.new_page()
    page.set_viewport_size({"width": 1440, "height": 1600})
    page.goto(site + url)
    footer = page.locator(".site-footer").bounding_box()
    assert footer["y"] + footer["height"] == pytest.approx(1600, abs=1)
    assert page.evaluate("document.documentElement.scrollHeight") <= 1600


def test_menu_usable_on_a_phone(site, context):
    page = context.new_page()
    page.set_viewport_size({"width": 375, "height": 700})
    page.goto(site + "/")
    link = page.locator(".main-nav a", has_text="Projets")
    assert not link.is_visible()  # folded behind « Menu » (tests/browser/test_phone.py)
    page.get_by_role("button", name="Menu").click()
    assert link.is_visible()
    box = link.bounding_box()
    assert box["width"] >= 24 and box["height"] >= 24  # a finger can hit it
    link.click()
    assert page.url.endswith("/projets/")


def test_everything_works_without_javascript(site, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site + "/")
    assert page.locator("h1").inner_text() == "Territoire d'industrie Auxois Morvan"
    page.locator(".main-nav a", has_text="Projets").click()
    page.select_option("#filtre-levier", "territoire-numerique-4-0")
    page.get_by_role("button", name="Filtrer").click()
    assert "levier=territoire-numerique-4-0" in page.url
    assert page.locator(".grid .card").count() == 2
    page.fill("#entete-q", "sarrasin")
    page.locator(".header-search button").click()
    assert "Filière sarrasin bio" in page.locator("main").inner_text()
    context.close()


def test_no_request_leaves_the_site_and_no_cookie_is_set(site, page):
    hosts = set()
    page.on("request", lambda request: hosts.add(urlsplit(request.url).netloc))
    for url in [
        *MAIN_PAGES.values(),
        "/actualites/visite-a-matignon-de-quatre-territoires-pilotes/",
    ]:
        page.goto(site + url)
        page.wait_for_load_state("networkidle")
    assert hosts == {urlsplit(site).netloc}
    assert page.context.cookies() == []


def test_print_hides_navigation_and_shows_link_targets(site, page):
    page.goto(site + "/groupe-emploi-formation/")
    page.emulate_media(media="print")
    assert not page.locator(".site-header").is_visible()
    assert not page.locator(".site-footer").is_visible()
    after = page.evaluate(
        "getComputedStyle(document.querySelector('.rich-text a'), '::after').content"
    )
    assert "/gouvernance/" in after


def test_timeline_prints_cleanly(site, page):
    page.goto(site + "/gouvernance/")
    page.emulate_media(media="print")
    assert not page.locator(".main-nav").is_visible()
    assert page.locator(".timeline").first.is_visible()
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")
