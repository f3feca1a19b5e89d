"""Formatted text (the editor's HTML) as readable plain text, and back.

Spreadsheets and the history screens show text, not markup: paragraphs separated by a blank
line, list items as « - … » (« 1. … » when numbered), links as « texte (adresse) ». Coming
back from a spreadsheet, a text equal to the stored text keeps the stored HTML untouched,
and every paragraph still equal to one of the stored paragraphs keeps its HTML (bold, links,
tables…): only what was really edited is rebuilt, as paragraphs and lists.
"""

import re
from html import escape
from html.parser import HTMLParser

BLOCK_TAGS = {
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "table", "div", "pre",
    "figure",
}  # fmt: skip
VOID_TAGS = {"br", "hr", "img", "wbr"}
LIST_ITEM = re.compile(r"^\s*(?:[-*•–]|\d+[.)])\s+")
NUMBERED_ITEM = re.compile(r"^\s*\d+[.)]\s+")


class _Block:
    def __init__(self):
        self.html = []
        self.lines = [""]

    @property
    def text(self):
        lines = [re.sub(r"[ \t\r\n\f]+", " ", line).strip() for line in self.lines]
        return "\n".join(line for line in lines if line)


class _BlockParser(HTMLParser):
    """Splits HTML into top-level blocks, each with its own markup and its text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks = []
        self.block = None
        self.depth = 0
        self.lists = []  # one [tag, count] per open list
        self.links = []  # (href, text so far) per open link
        self.row_cells = None
        self.item_start = False  # a list marker was just written: a <p> in the item follows it

    def _open_block(self):
        if self.block is None:
            self.block = _Block()
            self.blocks.append(self.block)

    def _newline(self):
        if self.block.lines[-1].strip() and not self.item_start:
            self.block.lines.append("")

    def _write(self, text):
        self.item_start = False
        self.block.lines[-1] += text
        for link in self.links:
            link[1] += text

    def handle_starttag(self, tag, attrs):
        if self.depth == 0 and tag in BLOCK_TAGS:
            self.block = None
        self._open_block()
        self.block.html.append(self.get_starttag_text())
        if tag in VOID_TAGS:
            if tag == "br":
                self.block.lines.append("")
            return
        self.depth += 1
        if tag in ("ul", "ol"):
            self._newline()
            self.lists.append([tag, 0])
        elif tag == "li":
            self._newline()
            kind = self.lists[-1] if self.lists else ["ul", 0]
            kind[1] += 1
            self._write("- " if kind[0] == "ul" else f"{kind[1]}. ")
            self.item_start = True
        elif tag in BLOCK_TAGS or tag == "tr":
            self._newline()
            if tag == "tr":
                self.row_cells = 0
        elif tag in ("td", "th"):
            if self.row_cells:
                self._write(" | ")
            self.row_cells = (self.row_cells or 0) + 1
        elif tag == "a":
            self.links.append([dict(attrs).get("href") or "", ""])

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID_TAGS:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if self.block is None or tag in VOID_TAGS:
            return
        self.block.html.append(f"</{tag}>")
        self.depth = max(self.depth - 1, 0)
        if tag in ("ul", "ol") and self.lists:
            self.lists.pop()
        elif tag == "a" and self.links:
            href, text = self.links.pop()
            self._write(_link_suffix(text, href))
        if self.depth == 0 and tag in BLOCK_TAGS:
            self.block = None

    def handle_data(self, data):
        if self.block is None and not data.strip():
            return
        self._open_block()
        self.block.html.append(escape(data, quote=False))
        self._write(data)


def _link_suffix(text, href):
    """« texte (adresse) », unless the text already is the address."""
    shown = href.removeprefix("mailto:").removeprefix("tel:")
    if not href or text.strip() in (href, shown):
        return ""
    return f" ({href})"


def _blocks(html):
    parser = _BlockParser()
    parser.feed(html or "")
    parser.close()
    return [(block.text, "".join(block.html)) for block in parser.blocks if block.text]


def _links(html):
    """[(text, href)] of every link, to put back the ones a text still mentions."""

    class LinkParser(HTMLParser):
        def __init__(self):
            super().__init__(convert_charrefs=True)
            self.found, self.open = [], None

        def handle_starttag(self, tag, attrs):
            if tag == "a":
                self.open = [dict(attrs).get("href") or "", ""]

        def handle_data(self, data):
            if self.open:
                self.open[1] += data

        def handle_endtag(self, tag):
            if tag == "a" and self.open:
                href, text = self.open
                if href and text.strip():
                    self.found.append((text.strip(), href))
                self.open = None

    parser = LinkParser()
    parser.feed(html or "")
    return parser.found


def html_to_text(html):
    """The text of formatted HTML, one paragraph per block, blank lines between blocks."""
    return "\n\n".join(text for text, _ in _blocks(html))


def normalize_text(text):
    """Line endings, trailing spaces and runs of blank lines as a spreadsheet may change them."""
    text = str(text or "").replace("\r\n", "\n").replace("\r", "\n")
    lines = [line.rstrip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def same_text(html, text):
    """Does this text say exactly what the stored HTML says?"""
    return normalize_text(html_to_text(html)) == normalize_text(text)


def _inline(text, links):
    """Escaped text, with « texte (adresse) » made a link again when the old text had it."""
    html = escape(text, quote=False)
    anchors = {
        escape(f"{link_text}{_link_suffix(link_text, href)}", quote=False): (
            f'<a href="{escape(href)}">{escape(link_text, quote=False)}</a>'
        )
        for link_text, href in links
    }
    if not anchors:
        return html
    # One pass, longest first, so that a link is never put inside another one.
    pattern = "|".join(re.escape(written) for written in sorted(anchors, key=len, reverse=True))
    return re.sub(pattern, lambda match: anchors[match.group(0)], html)


def _rebuild(block, links):
    """A new block of text as paragraphs and lists: consecutive « - » lines make a list."""
    parts, run, run_kind = [], [], None

    def flush():
        if not run:
            return
        if run_kind == "p":
            parts.append("<p>" + "<br>".join(_inline(line, links) for line in run) + "</p>")
        else:
            items = "".join(
                f"<li><p>{_inline(LIST_ITEM.sub('', line), links)}</p></li>" for line in run
            )
            parts.append(f"<{run_kind}>{items}</{run_kind}>")

    for line in block.split("\n"):
        if not line.strip():
            continue
        kind = "p"
        if LIST_ITEM.match(line):
            kind = "ol" if NUMBERED_ITEM.match(line) else "ul"
        if kind != run_kind:
            flush()
            run, run_kind = [], kind
        run.append(line.strip())
    flush()
    return "".join(parts)


def text_to_html(text, previous_html=""):
    """HTML for a text typed in a spreadsheet, reusing the stored HTML wherever it can."""
    if same_text(previous_html, text):
        return previous_html or ""
    known = {normalize_text(block_text): html for block_text, html in _blocks(previous_html)}
    links = _links(previous_html)
    blocks = [b for b in re.split(r"\n\s*\n", normalize_text(text)) if b.strip()]
    return "".join(known.get(normalize_text(b)) or _rebuild(b, links) for b in blocks)
