"""A phone (390×844): a compact header whose menu works with and without JavaScript, the
project filters folded behind one button, the first project on the first screen."""

import pytest

from .test_accessibility import run_axe

PHONE = {"width": 390, "height": 844}
PAGES = {
    "accueil": "/",
    "projets": "/projets/",
    "projet": "/projets/1-stagiaire-1-opportunite/",
    "actualites": "/actualites/",
    "gouvernance": "/gouvernance/",
    "levier": "/priorites/territoire-numerique-4-0/",
    "recherche": "/recherche/?q=emploi",
}


@pytest.fixture(params=[True, False], ids=["js", "sans-js"])
def phone(request, browser):
    """A phone-sized tab, with JavaScript on, then off."""
    context = browser.new_context(locale="fr-FR", viewport=PHONE, java_script_enabled=request.param)
    yield context.new_page()
    context.close()


# Without JavaScript the button is a <summary> (Chromium: role « DisclosureTriangle », a
# button to screen readers); with it, a <button aria-expanded>.
MENU = ".menu-toggle summary, button.menu-toggle"
FILTERS = ".filters__toggle summary, button.filters__toggle"


def accessible(page, selector):
    """(role, accessible name, expanded) of `selector` in Chromium's accessibility tree."""
    cdp = page.context.new_cdp_session(page)
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    ax = cdp.send("Accessibility.getPartialAXTree", {"nodeId": node, "fetchRelatives": False})
    found = ax["nodes"][0]
    states = {p["name"]: p["value"]["value"] for p in found.get("properties", [])}
    cdp.detach()
    return found["role"]["value"], found["name"]["value"], states.get("expanded")


def header_height(page):
    return page.locator(".site-header").bounding_box()["height"]


def first_card_top(page):
    return page.locator(".grid .card").first.bounding_box()["y"]


def test_header_is_compact_on_every_page_type(site, phone):
    for url in PAGES.values():
        phone.goto(site + url)
        assert header_height(phone) <= 120, url
        assert not phone.locator(".main-nav").is_visible(), url
        assert phone.locator(MENU).is_visible(), url
        role, name, expanded = accessible(phone, MENU)
        assert role in ("button", "DisclosureTriangle") and name == "Menu" and expanded is False


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "sans-js"])
def test_desktop_header_keeps_its_menu_and_search_in_view(site, browser, javascript):
    context = browser.new_context(
        locale="fr-FR", viewport={"width": 1440, "height": 900}, java_script_enabled=javascript
    )
    page = context.new_page()
    page.goto(site + "/projets/")
    assert header_height(page) <= 120  # 114 px, before the phone layout as after it
    assert not page.locator(MENU).is_visible()
    links = page.locator(".main-nav a").all()
    assert links and all(link.is_visible() for link in links)
    brand = page.locator(".site-brand").bounding_box()
    assert {round(link.bounding_box()["y"]) for link in links} == {
        round(links[0].bounding_box()["y"])
    }  # one row…
    assert links[0].bounding_box()["x"] > brand["x"] + brand["width"]  # …beside the brand
    assert page.locator("#entete-q").is_visible()
    assert not page.locator(FILTERS).is_visible()
    assert page.locator("#filtre-levier").is_visible()  # the filters are unfolded from 48rem
    context.close()


def test_menu_opens_with_the_keyboard_and_its_links_work(site, phone):
    phone.goto(site + "/")
    phone.keyboard.press("Tab")  # « Aller au contenu »
    phone.keyboard.press("Tab")  # the brand
    phone.keyboard.press("Tab")
    assert phone.locator(MENU).evaluate("button => button === document.activeElement")
    phone.keyboard.press("Enter")
    assert accessible(phone, MENU)[2] is True
    nav = phone.get_by_role("navigation", name="Menu principal")
    assert nav.is_visible()
    assert phone.locator("#entete-q").is_visible()  # search is in the menu
    phone.keyboard.press("Tab")
    assert phone.evaluate("document.activeElement.textContent") == "Le dispositif"
    for link in nav.get_by_role("link").all():
        box = link.bounding_box()
        assert box["height"] >= 24 and box["y"] + box["height"] <= PHONE["height"]
    nav.get_by_role("link", name="Gouvernance").click()
    phone.wait_for_url("**/gouvernance/")
    assert not phone.locator(".main-nav").is_visible()  # closed again on the new page


def test_search_from_the_menu(site, phone):
    phone.goto(site + "/actualites/")
    phone.locator(MENU).click()
    phone.fill("#entete-q", "sarrasin")
    phone.keyboard.press("Enter")
    phone.wait_for_url("**/recherche/?q=sarrasin")
    assert "Filière sarrasin bio" in phone.locator("main").inner_text()


def test_with_javascript_the_button_says_its_state_and_escape_closes(site, browser):
    context = browser.new_context(locale="fr-FR", viewport=PHONE)
    page = context.new_page()
    page.goto(site + "/projets/")
    menu = page.get_by_role("button", name="Menu", exact=True)
    assert menu.get_attribute("aria-expanded") == "false"
    assert menu.get_attribute("aria-controls") == "menu"
    menu.focus()
    page.keyboard.press("Enter")
    assert menu.get_attribute("aria-expanded") == "true"
    assert page.locator("#menu .main-nav").is_visible()
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('#menu') !== null")
    page.keyboard.press("Escape")
    assert menu.get_attribute("aria-expanded") == "false"
    assert not page.locator(".main-nav").is_visible()
    assert menu.evaluate("button => button === document.activeElement")
    style = menu.evaluate(
        "b => [getComputedStyle(b).outlineStyle, parseFloat(getComputedStyle(b).outlineWidth)]"
    )
    assert style[0] != "none" and style[1] >= 2  # focus visible
    page.keyboard.press("Space")
    assert page.locator(".main-nav").is_visible()
    menu.click()
    assert not page.locator(".main-nav").is_visible()
    context.close()


def test_first_project_is_on_the_first_screen(site, phone):
    phone.goto(site + "/projets/")
    assert first_card_top(phone) < PHONE["height"]
    phone.goto(site + "/projets/?levier=non-precise&etat=presented")
    assert first_card_top(phone) < PHONE["height"]


def test_filters_fold_behind_one_button_that_works(site, phone):
    phone.goto(site + "/projets/")
    toggle = phone.locator(FILTERS)
    assert toggle.is_visible()
    assert accessible(phone, FILTERS)[1:] == ("Filtrer les projets", False)
    assert not phone.locator("#filtre-levier").is_visible()
    toggle.click()
    assert phone.locator("#filtre-levier").is_visible()
    phone.select_option("#filtre-levier", "territoire-numerique-4-0")
    phone.get_by_role("button", name="Filtrer", exact=True).click()
    phone.wait_for_url("**levier=territoire-numerique-4-0**")
    assert phone.locator(".grid .card").count() == 2
    toggle = phone.locator(FILTERS)
    assert accessible(phone, FILTERS)[1] == "Filtrer les projets (1 filtre actif)"
    assert not phone.locator("#filtre-levier").is_visible()  # results first
    assert first_card_top(phone) < PHONE["height"]
    toggle.click()
    phone.get_by_role("link", name="Effacer les filtres").click()
    phone.wait_for_url("**/projets/")
    assert phone.locator(".grid .card").count() == 9


@pytest.mark.parametrize("width", [320, 390])
def test_no_horizontal_scroll_with_menu_and_filters_open(site, browser, width):
    context = browser.new_context(locale="fr-FR", viewport={"width": width, "height": 844})
    page = context.new_page()
    for url in PAGES.values():
        page.goto(site + url)
        assert header_height(page) <= 120, (url, width)
        page.locator(MENU).click()
        if url == "/projets/":
            page.locator(FILTERS).click()
        assert page.evaluate("document.documentElement.scrollWidth") <= width, url
    context.close()


@pytest.mark.parametrize("url", PAGES.values(), ids=PAGES.keys())
def test_no_axe_violation_on_a_phone_menu_closed_and_open(site, browser, axe_source, url):
    context = browser.new_context(locale="fr-FR", viewport=PHONE)
    page = context.new_page()
    page.goto(site + url)
    assert run_axe(page, axe_source) == []
    page.locator(MENU).click()
    if url == "/projets/":
        page.locator(FILTERS).click()
    assert run_axe(page, axe_source) == []
    context.close()
