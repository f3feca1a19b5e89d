"""What word processors put in pasted or imported HTML, turned into the site's structure.

Word, LibreOffice and Google Docs do not write the HTML the site keeps: Word's bullets are
paragraphs starting with « · » and a few no-break spaces, Google Docs wraps everything in a
bold tag that is not bold, headings start at level 1 (the page title's level), tables have
no header row. The editor fixes a paste in the browser (static/admin-site/paste.js); this
module does the same on the server, so that HTML arriving by an import or the shell is fixed
too.

It works on a BeautifulSoup tree of HTML that nh3 has already parsed and re-serialised
(comments, Word's conditional blocks, scripts, images and unknown tags gone, class and style
kept for what they tell), and leaves the final allow-list to nh3 (core.text.richtext).
"""

import re

from bs4 import BeautifulSoup, NavigableString, Tag

# What Word and Google Docs put after a bullet: spaces, no-break spaces, tabs.
SPACES = " \t\n\r\xa0"
# A paragraph typed as a list item: a bullet or a number, then at least one space.
_TYPED_MARKER = re.compile(r"[ \t\xa0]*(?P<marker>[·•▪◦‣∙●○■□–—-]|o|\d{1,3}[.)]|[a-z]\))[ \t\xa0]+")
_ORDERED_MARKER = re.compile(r"\(?(\d{1,3}|[a-zA-Z]|[ivxlcdmIVXLCDM]{1,6})[.)]")
_WORD_LEVEL = re.compile(r"level(\d+)")
_SOURCE_LINE_BREAK = re.compile(r"[ \t\r\n]*\n[ \t\r\n]*")
_HEADINGS = {"h1": "h2", "h4": "h3", "h5": "h3", "h6": "h3"}
_FRENCH = {"fr", "fr-fr"}


def parse(html):
    return BeautifulSoup(html, "html.parser")


def normalise(soup):
    """Bring a parsed fragment to the site's structure, in place."""
    for heading in soup.find_all(list(_HEADINGS)):
        heading.name = _HEADINGS[heading.name]
    _typed_lists(soup)
    _nest_stray_lists(soup)
    _inline_formatting(soup)
    _drop_noise(soup)
    for table in soup.find_all("table"):
        _header_row(soup, table)
    _drop_empty(soup)
    _drop_layout_whitespace(soup)


def styles(tag):
    """{property: value} of a tag's style attribute, lower-cased."""
    declarations = {}
    for declaration in (tag.get("style") or "").split(";"):
        name, _, value = declaration.partition(":")
        if value.strip():
            declarations[name.strip().lower()] = value.strip().lower()
    return declarations


# Lists ------------------------------------------------------------------------------------


def _typed_lists(soup):
    """Runs of paragraphs written as list items become real lists, nested by Word's levels."""
    for parent in [soup, *soup.find_all(["td", "th", "blockquote", "li"])]:
        stack = []  # [(level, list)] from the outermost list of the current run
        for child in list(parent.children):
            if isinstance(child, NavigableString) and not child.strip(SPACES):
                continue  # the line breaks between Word's paragraphs
            item = _list_item(child) if isinstance(child, Tag) else None
            if item is None:
                stack = []
                continue
            kind, level = item
            while stack and stack[-1][0] > level:
                stack.pop()
            if stack and stack[-1][0] == level and stack[-1][1].name != kind:
                stack.pop()  # « 1. » after « · » at the same level: a list of its own
            if not stack or stack[-1][0] < level:
                new_list = soup.new_tag(kind)
                if stack:
                    stack[-1][1].contents[-1].append(new_list)
                else:
                    child.insert_before(new_list)
                stack.append((level, new_list))
            item = soup.new_tag("li")
            item.extend(list(child.contents))
            stack[-1][1].append(item)
            child.decompose()


def _list_item(paragraph):
    """(list kind, level) if this paragraph is a list item written as a paragraph, with its
    marker removed; None otherwise."""
    if paragraph.name != "p":
        return None
    marker = _word_marker(paragraph)
    if marker is not None:
        text = marker.get_text().strip(SPACES)
        while marker.parent is not paragraph and not _text_outside(marker.parent, marker):
            marker = marker.parent  # the font span Word wraps the marker in
        marker.decompose()
        text_after = paragraph.get_text()
        _strip_leading(paragraph, len(text_after) - len(text_after.lstrip(SPACES)))
        level = _WORD_LEVEL.search(styles(paragraph).get("mso-list", ""))
        return _kind(text), int(level[1]) if level else 1
    match = _TYPED_MARKER.match(paragraph.get_text())
    if match is None:
        return None
    _strip_leading(paragraph, match.end())
    return _kind(match["marker"]), 1


def _word_marker(paragraph):
    """The span Word writes before a list paragraph's text (« · », « o », « 1. »)."""
    for span in paragraph.find_all("span"):
        if styles(span).get("mso-list") == "ignore":
            return span
    return None


def _text_outside(tag, inner):
    return any(
        text.strip(SPACES) for text in tag.find_all(string=True) if inner not in text.parents
    )


def _kind(marker):
    return "ol" if _ORDERED_MARKER.fullmatch(marker) else "ul"


def _strip_leading(tag, count):
    """Remove the first `count` characters of a tag's text, across its first text nodes."""
    for text in list(tag.find_all(string=True)):
        if count <= 0:
            return
        value = str(text)
        if len(value) > count:
            text.replace_with(NavigableString(value[count:]))
        else:
            text.extract()
        count -= len(value)


def _nest_stray_lists(soup):
    """Google Docs writes a sub-list directly inside its list: it belongs to the item above."""
    for inner in soup.find_all(["ul", "ol"]):
        if inner.parent is not None and inner.parent.name in ("ul", "ol"):
            previous = inner.find_previous_sibling("li")
            if previous is not None:
                previous.append(inner.extract())


# Inline formatting and noise ---------------------------------------------------------------


def _is_bold(style):
    weight = style.get("font-weight", "")
    return weight.startswith("bold") or (weight.isdigit() and int(weight) >= 600)


def _inline_formatting(soup):
    """b/i become strong/em, and so do Google Docs' bold and italic spans; its outer « b »
    that is not bold goes; underline and strike-through (not offered) keep their text only."""
    for tag in soup.find_all(["b", "i", "u", "s", "strike", "span"]):
        style = styles(tag)
        if tag.name == "b":
            if style.get("font-weight") in ("normal", "400"):
                tag.unwrap()
            else:
                tag.name = "strong"
        elif tag.name == "i":
            tag.name = "em"
        elif tag.name != "span":
            tag.unwrap()
        elif not tag.find_parent(["h2", "h3", "th"]):
            if _is_bold(style) and not tag.find_parent("strong"):
                tag.wrap(soup.new_tag("strong"))
            if style.get("font-style") == "italic" and not tag.find_parent("em"):
                tag.wrap(soup.new_tag("em"))


def _drop_noise(soup):
    """Word's bookmarks, layout boxes, spans that mark no change of language, line breaks
    between blocks."""
    for link in soup.find_all("a"):
        if not link.get("href") and not link.get("data-ref"):
            link.unwrap()
    for tag in soup.find_all(["div", "font", "center", "section", "article", "header"]):
        tag.unwrap()
    for span in soup.find_all("span"):
        lang = (span.get("lang") or "").lower()
        if not lang or lang in _FRENCH:
            span.unwrap()
        else:
            span.attrs = {"lang": span["lang"]}
    for br in soup.find_all("br", recursive=False):
        br.decompose()


# Tables -----------------------------------------------------------------------------------


def _header_row(soup, table):
    """A data table has a header row (its first row, if none was marked) in a thead, whose
    cells head their column; header cells further down head their row."""
    rows = table.find_all("tr")
    if len(rows) < 2 or table.find_parent("table"):
        return  # one row is a layout box, not a data table; nested tables are left alone
    thead = table.find("thead")
    if thead is None or thead.find("tr") is None:
        if thead is not None:
            thead.decompose()
        first = rows[0]
        section = first.find_parent(["tbody", "tfoot"])
        thead = soup.new_tag("thead")
        (section or first).insert_before(thead)
        thead.append(first.extract())
        if section is not None and section.find("tr") is None:
            section.decompose()
    for cell in thead.find_all(["td", "th"]):
        cell.name = "th"
        cell["scope"] = "col"
    for cell in table.find_all("th"):
        if cell.find_parent("thead") is None:
            cell["scope"] = "row"
    for cell in table.find_all(["td", "th"]):
        for span in ("colspan", "rowspan"):
            if cell.get(span) == "1":
                del cell[span]
    for strong in table.select("th strong"):
        strong.unwrap()  # a header cell is bold already


def _drop_empty(soup):
    """Blank paragraphs (Word's « <o:p>&nbsp;</o:p> » lines), empty headings, links and
    emphasis around nothing but a space."""
    for tag in soup.find_all(["p", "h2", "h3", "a", "strong", "em"]):
        if tag.get_text().strip(SPACES) or tag.find(["br", "table", "ul", "ol"]):
            continue
        if tag.name in ("p", "h2", "h3"):
            tag.decompose()
        else:
            tag.replace_with(tag.get_text())


_BLOCK_CONTAINERS = {"table", "thead", "tbody", "tfoot", "tr", "ul", "ol"}
_BLOCKS = {"p", "h2", "h3", "ul", "ol", "li", "table", "blockquote", "caption", "tr"}


def _drop_layout_whitespace(soup):
    """The line breaks and indentation between blocks (Word writes a lot of them), and the
    line breaks of its source inside a paragraph (a space once shown)."""
    for text in soup.find_all(string=re.compile("\n")):
        if not _blank(text):
            text.replace_with(NavigableString(_SOURCE_LINE_BREAK.sub(" ", str(text))))
    for text in soup.find_all(string=_blank):
        before, after = _non_blank(text, "previous_sibling"), _non_blank(text, "next_sibling")
        if text.parent.name in _BLOCK_CONTAINERS or (
            (before is None or before.name in _BLOCKS) and (after is None or after.name in _BLOCKS)
        ):
            text.extract()


def _blank(text):
    return not text.strip(" \t\n\r")


def _non_blank(node, direction):
    node = getattr(node, direction)
    while isinstance(node, NavigableString) and _blank(node):
        node = getattr(node, direction)
    return node
