"""Formatted text pasted or imported from word processors keeps its structure, loses its
junk and stays safe; tables reach the public page in an accessible form."""

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from core.text.richtext import render_rich_text, sanitize_html

from . import builders

SAMPLES = Path(__file__).parent / "richtext_samples"


def sample(name):
    """HTML as each word processor puts it on the clipboard (Word's with its conditional
    comments, Symbol-font bullets and <o:p>; Google Docs' with its outer « b »)."""
    return (SAMPLES / f"{name}.html").read_text(encoding="utf-8")


def soup(html):
    return BeautifulSoup(html, "html.parser")


@pytest.mark.parametrize("name", ["word", "libreoffice", "google_docs"])
def test_pasted_documents_keep_their_structure(name):
    html = sanitize_html(sample(name))
    tree = soup(html)
    assert tree.find("h1") is None and tree.find("h4") is None and tree.find("h5") is None
    assert tree.find("h2") is not None and tree.find("h3") is not None
    assert tree.find("img") is None
    table = tree.find("table")
    assert [th.get_text(strip=True) for th in table.select("thead th[scope=col]")] == [
        th.get_text(strip=True) for th in table.find("tr").find_all("th")
    ]
    assert len(table.select("thead th")) == 2 and table.select("tbody td")
    for junk in ["class=", "style=", "mso-", "<o:p", "<!--", "<span>", "<font", "<b>", "<i>"]:
        assert junk not in html, junk


def test_word_bullets_become_nested_and_numbered_lists():
    tree = soup(sanitize_html(sample("word")))
    bullets, numbers = tree.find("ul"), tree.find("ol")
    items = [
        li.find(string=True, recursive=False) or li.get_text()
        for li in bullets.find_all("li", recursive=False)
    ]
    assert items == ["Former", "Recruter", "Innover"]
    assert bullets.select_one("li > ul > li").get_text() == "Apprentissage"
    assert [li.get_text() for li in numbers.find_all("li")] == ["Diagnostic", "Contrat"]
    assert "·" not in tree.get_text() and "\xa0\xa0" not in tree.get_text()
    assert tree.find("strong").get_text() == "Innover"


def test_word_keeps_its_links_and_a_change_of_language_but_not_its_bookmarks():
    html = sanitize_html(sample("word"))
    assert '<a href="https://www.example.org/dossier"' in html
    assert '<span lang="EN-US">Draft</span>' in html
    assert "_Toc" not in html and "name=" not in html


def test_google_docs_outer_bold_is_not_bold_but_its_bold_spans_are():
    tree = soup(sanitize_html(sample("google_docs")))
    assert tree.find("h2").get_text() == "Présentation"
    assert [s.get_text() for s in tree.find_all("strong")] == ["régulièrement"]
    assert [e.get_text() for e in tree.find_all("em")] == [" sur le territoire"]
    # Its sub-list, written inside the list itself, belongs to the item above.
    assert tree.select_one("ul > li > ul > li").get_text() == "Apprentissage"


def test_libreoffice_typed_bullets_and_letters_become_lists():
    tree = soup(sanitize_html(sample("libreoffice")))
    lists = tree.find_all(["ul", "ol"])
    assert [(lst.name, [li.get_text() for li in lst.find_all("li")]) for lst in lists] == [
        ("ul", ["Former", "Recruter"]),
        ("ul", ["Innover", "Attirer"]),
        ("ol", ["Premier point", "Second point"]),
    ]
    assert "<strong>Gras</strong> et <em>italique</em>" in str(tree)


@pytest.mark.parametrize(
    ("typed", "kind"),
    [("·", "ul"), ("•", "ul"), ("-", "ul"), ("–", "ul"), ("o", "ul"), ("1.", "ol"), ("a)", "ol")],
)
def test_typed_bullets_become_lists(typed, kind):
    html = sanitize_html(
        f"<p>Avant</p><p>{typed}\tPremier</p><p>{typed}&nbsp;Second</p><p>Après</p>"
    )
    assert html == f"<p>Avant</p><{kind}><li>Premier</li><li>Second</li></{kind}><p>Après</p>"


def test_ordinary_paragraphs_are_not_taken_for_list_items():
    text = "<p>2019 : signature.</p><p>oui, ou non.</p><p>-5 %</p><p>a)b</p>"
    assert sanitize_html(text) == text


def test_a_table_without_header_row_gets_its_first_row_as_header():
    html = sanitize_html(
        "<table><tbody><tr><td>Action</td><td>Porteur</td></tr>"
        "<tr><td>Former</td><td>Non précisé</td></tr></tbody></table>"
    )
    assert html == (
        '<table><thead><tr><th scope="col">Action</th><th scope="col">Porteur</th></tr></thead>'
        "<tbody><tr><td>Former</td><td>Non précisé</td></tr></tbody></table>"
    )


def test_the_editors_table_keeps_its_header_row_and_row_headers():
    editor_html = (
        '<table style="min-width: 50px"><colgroup><col style="min-width: 25px"></colgroup>'
        '<tbody><tr><th colspan="1" rowspan="1"><p>Levier</p></th>'
        '<th colspan="2" rowspan="1"><p>Projets</p></th></tr>'
        '<tr><th colspan="1" rowspan="1"><p>1</p></th><td><p>a</p></td><td><p>b</p></td></tr>'
        "</tbody></table>"
    )
    tree = soup(sanitize_html(editor_html))
    assert [(th["scope"], th.get("colspan")) for th in tree.select("thead th")] == [
        ("col", None),
        ("col", "2"),
    ]
    assert tree.select_one("tbody th")["scope"] == "row"
    assert tree.find("colgroup") is None and "min-width" not in str(tree)


def test_sanitising_twice_changes_nothing():
    for name in ["word", "libreoffice", "google_docs"]:
        once = sanitize_html(sample(name))
        assert sanitize_html(once) == once


@pytest.mark.parametrize(
    "payload",
    [
        '<script>alert("x")</script>',
        "<img src=x onerror=alert(1)>",
        '<a href="javascript:alert(1)">lien</a>',
        '<a href="jav&#x09;ascript:alert(1)">lien</a>',
        '<p style="background:url(javascript:alert(1))" onmouseover="x()">ok</p>',
        "<svg><script>alert(1)</script></svg>",
        "<iframe src=//example.org></iframe>",
        '<table><tr><td onclick="x()">a</td><th scope="javascript:x" onfocus="y()">b</th>'
        "</tr></table>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
        '<p><o:p onmouseover="x()">Word</o:p></p>',
        '<a data-ref="projects.project:1" href="javascript:alert(1)">x</a>',
        '<div class="table-wrap" role="region" tabindex="0" onfocus="x()"><table></table></div>',
    ],
)
def test_hostile_html_is_still_refused(payload):
    for html in (sanitize_html(payload), render_rich_text(payload)):
        for bad in ["<script", "onerror", "javascript:", "onmouseover", "onclick", "onfocus",
                    "style=", "<iframe", "<svg", "<img", "data:text"]:  # fmt: skip
            assert bad not in html, (payload, html)


def test_the_public_page_shows_a_table_accessibly(client, db):
    article = builders.news(body=sample("word"))
    text = client.get(article.get_absolute_url()).text
    region = soup(text).select_one(".rich-text .table-wrap")
    assert region["role"] == "region" and region["tabindex"] == "0"
    assert region["aria-label"] == "Tableau : Action, Étape"
    assert [th["scope"] for th in region.select("thead th")] == ["col", "col"]
    assert "<h1>" not in soup(text).select_one(".rich-text").decode()


def test_a_captioned_table_is_named_after_its_caption():
    html = render_rich_text(
        "<table><caption>Calendrier</caption><tr><th>a</th></tr><tr><td>b</td></tr></table>"
    )
    assert 'aria-label="Tableau : Calendrier"' in html
