"""`core.text.abbreviations`: the first occurrence of each acronym in some HTML marked up as
`<abbr title="…">`, in tricky markup."""

import re

from core.text.abbreviations import mark_first_occurrences

GLOSSARY = {
    "CCI": "Chambre de commerce et d’industrie",
    "CC": "Communauté de communes",
    "UIMM": "Union des industries et métiers de la métallurgie",
    "R&D": "Recherche et développement",
}
CCI = '<abbr title="Chambre de commerce et d’industrie">CCI</abbr>'


def mark(fragment):
    return mark_first_occurrences(fragment, GLOSSARY)


def abbrs(markup):
    return re.findall(r'<abbr title="([^"]*)">([^<]*)</abbr>', markup)


def test_only_the_first_occurrence_is_marked():
    assert mark("<p>La CCI et la CCI.</p><p>CCI</p>") == f"<p>La {CCI} et la CCI.</p><p>CCI</p>"


def test_whole_words_only_and_case_sensitive():
    assert mark("<p>CCIR, Cci, cci, CCI2, XCCI</p>") == "<p>CCIR, Cci, cci, CCI2, XCCI</p>"
    assert mark("<p>(CCI) CCI</p>") == f"<p>({CCI}) CCI</p>"
    # « CC » is not found inside « CCI », and each acronym gets its own first occurrence
    assert abbrs(mark("<p>la CCI et la CC du Montbardois</p>")) == [
        ("Chambre de commerce et d’industrie", "CCI"),
        ("Communauté de communes", "CC"),
    ]


def test_attributes_are_never_touched():
    fragment = '<p title="CCI"><img alt="la CCI" src="/cci.png">Voir la CCI</p>'
    assert mark(fragment) == f'<p title="CCI"><img alt="la CCI" src="/cci.png">Voir la {CCI}</p>'


def test_scripts_styles_json_ld_and_comments_are_left_alone():
    fragment = (
        '<script type="application/ld+json">{"name": "CCI"}</script>'
        '<style>p::after { content: "CCI"; }</style><!-- la CCI --><p>la CCI</p>'
    )
    marked = mark(fragment)
    assert marked.count("<abbr") == 1
    assert marked.endswith(f"<p>la {CCI}</p>")
    assert marked.startswith('<script type="application/ld+json">{"name": "CCI"}</script>')


def test_links_navigation_code_and_form_controls_are_left_alone():
    fragment = (
        '<nav><a href="/">CCI</a></nav><p><a href="/cci/">la <em>CCI</em></a></p>'
        "<code>CCI</code><button>CCI</button><select><option>CCI</option></select>"
        "<textarea>CCI</textarea><p>enfin la CCI</p>"
    )
    marked = mark(fragment)
    assert marked.count("<abbr") == 1
    assert marked.endswith(f"<p>enfin la {CCI}</p>")


def test_an_existing_abbr_counts_as_the_explanation():
    fragment = '<p><abbr title="déjà">CCI</abbr> puis la CCI, puis l’UIMM</p>'
    marked = mark(fragment)
    assert marked.count("<abbr") == 2
    assert "puis la CCI," in marked
    assert 'l’<abbr title="Union des industries et métiers de la métallurgie">UIMM</abbr>' in marked


def test_text_around_character_references_and_across_lines():
    marked = mark("<p>\nl&#x27;UIMM&nbsp;: la R&amp;D\n<br>\nCCI</p>")
    assert abbrs(marked) == [
        ("Union des industries et métiers de la métallurgie", "UIMM"),
        ("Recherche et développement", "R&amp;D"),
        ("Chambre de commerce et d’industrie", "CCI"),
    ]
    assert (
        re.sub(r"</?abbr[^>]*>", "", marked) == "<p>\nl&#x27;UIMM&nbsp;: la R&amp;D\n<br>\nCCI</p>"
    )


def test_expansions_are_escaped_in_the_title():
    marked = mark_first_occurrences("<p>SEM</p>", {"SEM": 'Société "d’économie" <mixte>'})
    assert marked == '<p><abbr title="Société &quot;d’économie&quot; &lt;mixte&gt;">SEM</abbr></p>'


def test_unclosed_markup_is_handled_safely():
    assert mark("<p>la CCI") == f"<p>la {CCI}"
    assert mark('<p><a href="/">CCI') == '<p><a href="/">CCI'  # still inside the link
    assert mark("<p>CCI <").startswith(f"<p>{CCI}")


def test_nothing_to_mark_returns_the_very_same_text():
    fragment = "<p>Rien à expliquer ici.</p>"
    assert mark(fragment) is fragment
    assert mark_first_occurrences(fragment, {}) is fragment
