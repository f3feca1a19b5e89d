"""A table in edited text, on the public site: accessible, and wide tables scroll inside
their own region on a phone instead of pushing the page sideways."""

import pytest

from tests import builders

from .test_accessibility import run_axe

WIDE_TABLE = (
    "<p>Répartition d'exemple :</p><table><tr>"
    + "".join(f"<td>Colonne d'exemple {n}</td>" for n in range(1, 5))
    + "</tr><tr>"
    + "".join(f"<td>Valeur {n}</td>" for n in range(1, 5))
    + "</tr></table>"
)


@pytest.mark.parametrize("width", [320, 1280])
def test_a_wide_table_scrolls_in_its_own_region(site, context, axe_source, width):
    article = builders.news(body=WIDE_TABLE)
    page = context.new_page()
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(site + article.get_absolute_url())

    assert page.evaluate("document.documentElement.scrollWidth") <= width
    region = page.get_by_role("region", name="Tableau : Colonne d'exemple 1")
    assert region.evaluate("el => el.scrollWidth > el.clientWidth") == (width == 320)
    page.locator(".rich-text").click(position={"x": 1, "y": 1})
    region.focus()
    assert region.evaluate("el => el === document.activeElement")
    assert page.locator("thead th[scope=col]").count() == 4
    assert run_axe(page, axe_source) == []


def test_a_table_prints_whole(site, page):
    article = builders.news(body=WIDE_TABLE)
    page.goto(site + article.get_absolute_url())
    page.emulate_media(media="print")
    overflow = page.locator(".table-wrap").evaluate("el => getComputedStyle(el).overflowX")
    assert overflow == "visible"
    assert page.locator("thead").evaluate("el => getComputedStyle(el).display") == (
        "table-header-group"
    )
