"""A resident of Précy-sous-Thil, at 1440 px and on a phone: the home page's key figures fill
the first screen beside the title, and lead to the communes; the search finds the commune and
lands on its row."""


def box(page, selector):
    return page.locator(selector).first.bounding_box()


def test_key_figures_fill_the_hero_beside_the_title_at_1440(site, context):
    page = context.new_page()
    page.set_viewport_size({"width": 1440, "height": 900})
    page.goto(site + "/")
    title, figures = box(page, "#titre-page"), box(page, ".key-figures__list")
    assert figures["x"] > title["x"] + title["width"] - 1  # beside the title, not below it
    assert figures["y"] + figures["height"] <= 900  # on the first screen
    main = box(page, "main .container")
    right_edge = figures["x"] + figures["width"]
    assert right_edge > main["x"] + main["width"] - 40  # reaches the right of the column
    assert page.locator(".key-figures__list li").count() == 6


def test_on_a_phone_the_figures_follow_the_title_two_by_two(site, context):
    page = context.new_page()
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(site + "/")
    items = page.locator(".key-figures__list li")
    first, second = items.nth(0).bounding_box(), items.nth(1).bounding_box()
    assert abs(first["y"] - second["y"]) < 1 and second["x"] > first["x"]  # side by side
    widths = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert widths[0] <= widths[1]  # nothing wider than the phone


def test_a_figure_leads_to_what_it_counts(site, page):
    page.goto(site + "/")
    page.get_by_role("link", name="145 communes").click()
    page.wait_for_url("**/territoire/#communes")
    table = page.locator("#communes table")
    assert table.is_visible()
    assert "145" in table.locator("tfoot").inner_text()


def test_a_resident_finds_their_commune_from_the_header_search(site, page):
    page.goto(site + "/")
    page.fill("header input[type=search]", "Précy-sous-Thil")
    page.keyboard.press("Enter")
    page.wait_for_url("**/recherche/**")
    page.get_by_role("link", name="Précy-sous-Thil").click()
    page.wait_for_url("**/territoire/cc-des-terres-d-auxois/#commune-21505")
    row = page.locator("#commune-21505")
    assert row.is_visible() and "21505" in row.inner_text()
    top = row.bounding_box()["y"]
    assert 0 <= top < page.viewport_size["height"]  # scrolled to, on screen
    background = row.locator("th").evaluate("e => getComputedStyle(e).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")  # the row stands out
