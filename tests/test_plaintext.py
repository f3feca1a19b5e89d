"""Formatted text as a spreadsheet cell and back: readable, and lossless when unchanged."""

import pytest

from core.text.plaintext import html_to_text, same_text, text_to_html

RICH = (
    "<h2>Objectifs</h2>"
    '<p>Former des <strong>jeunes</strong> avec <a href="https://exemple.fr/ecole">l\'école</a>'
    ' ; écrire à <a href="mailto:contact@exemple.fr">contact@exemple.fr</a>.</p>'
    "<ul><li><p>découpe</p></li><li><p>séchage &amp; rabotage</p></li></ul>"
    "<ol><li><p>premier</p></li><li><p>second</p></li></ol>"
    "<blockquote><p>Une citation</p></blockquote>"
    "<p>Ligne<br>suivante</p>"
)
TEXT = (
    "Objectifs\n\n"
    "Former des jeunes avec l'école (https://exemple.fr/ecole) ; écrire à "
    "contact@exemple.fr.\n\n"
    "- découpe\n- séchage & rabotage\n\n"
    "1. premier\n2. second\n\n"
    "Une citation\n\n"
    "Ligne\nsuivante"
)


def test_html_reads_as_text():
    assert html_to_text(RICH) == TEXT


def test_an_unchanged_text_keeps_the_stored_html_exactly():
    assert text_to_html(TEXT, RICH) == RICH
    assert same_text(RICH, TEXT.replace("\n", "\r\n") + "\n\n")  # as a spreadsheet saves it


def test_only_the_edited_paragraph_is_rebuilt_and_its_links_come_back():
    edited = TEXT.replace("Former des jeunes", "Former des apprentis")
    html = text_to_html(edited, RICH)
    assert html.startswith("<h2>Objectifs</h2><p>Former des apprentis avec ")
    assert '<a href="https://exemple.fr/ecole">l\'école</a>' in html
    assert '<a href="mailto:contact@exemple.fr">contact@exemple.fr</a>' in html
    assert html.endswith(RICH[RICH.index("<ul>") :])  # the other blocks untouched


@pytest.mark.parametrize(
    ("text", "html"),
    [
        ("Un paragraphe.", "<p>Un paragraphe.</p>"),
        ("Un\n\nDeux", "<p>Un</p><p>Deux</p>"),
        ("Liste :\n- a\n- b", "<p>Liste :</p><ul><li><p>a</p></li><li><p>b</p></li></ul>"),
        ("1. a\n2) b", "<ol><li><p>a</p></li><li><p>b</p></li></ol>"),
        ("a < b & c", "<p>a &lt; b &amp; c</p>"),
        ("", ""),
    ],
)
def test_new_text_becomes_paragraphs_and_lists(text, html):
    assert text_to_html(text) == html


def test_tables_read_as_rows():
    table = (
        "<table><tr><th>Année</th><th>Emplois</th></tr><tr><td>2019</td><td>12</td></tr></table>"
    )
    assert html_to_text(table) == "Année | Emplois\n2019 | 12"
    assert text_to_html("Année | Emplois\n2019 | 12\n\nFin", table) == table + "<p>Fin</p>"
