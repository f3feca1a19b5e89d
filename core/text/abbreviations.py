"""The first occurrence of each known acronym in a fragment of HTML, marked up as
`<abbr title="expansion">CCI</abbr>`.

Only text a reader sees as running text is touched: never an attribute, nor the inside of an
existing `<abbr>` (an acronym there counts as explained already), a link, a button, a form
control, code, a navigation block, `<script>` or `<style>` (JSON-LD included), `<svg>`,
`<template>` or `<title>`. Matching is case-sensitive
and whole-word (« CCI » in « la CCI, » but not in « CCIR » nor « Cci »).

The fragment is read by the standard library's `html.parser`, which reports where each text
node starts; the result is the input with `<abbr>` tags inserted at those places and not one
other character changed. A fragment in which no acronym appears at all is returned as is,
after a single regular-expression search.
"""

import functools
import html
import re
from html.parser import HTMLParser

# Elements whose text is left alone. All of them need an end tag, so counting start and end
# tags tells whether a text node is inside one of them.
SKIPPED = frozenset(
    {
        "a", "abbr", "acronym", "button", "code", "head", "kbd", "math", "nav", "option",
        "pre", "samp", "script", "select", "style", "svg", "template", "textarea", "title",
    }
)  # fmt: skip


@functools.lru_cache(maxsize=8)
def _pattern(acronyms):
    """One expression for all `acronyms` (a sorted tuple), longest first, whole words only,
    written as they appear in HTML source (« R&D » is « R&amp;D » there)."""
    alternatives = sorted((re.escape(html.escape(a, quote=False)) for a in acronyms), key=len)
    return re.compile(r"(?<!\w)(?:" + "|".join(reversed(alternatives)) + r")(?!\w)")


class _AllFound(Exception):
    """Every acronym present in the fragment has been placed: stop reading."""


class _FirstOccurrences(HTMLParser):
    """Reads a fragment and notes where each acronym first appears in running text. Text
    is taken in runs (from one tag to the next, character references included), searched
    in the source itself."""

    def __init__(self, pattern, wanted):
        super().__init__(convert_charrefs=False)  # text is reported where it is in the source
        self.pattern, self.wanted = pattern, wanted
        self.skipped_depth = self.abbr_depth = 0
        self.run_start, self.run_marks = None, False
        self.found = {}  # acronym as written in the source -> offset of its first occurrence

    def find(self, fragment):
        self.fragment = fragment
        self.line_starts = [0, *(m.end() for m in re.finditer("\n", fragment))]
        try:
            self.feed(fragment)
            self.close()
            self.end_run(len(fragment))
        except _AllFound:
            pass
        return self.found

    def position(self):
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def text(self, *args):
        """Text is marked outside the skipped elements; inside an existing `<abbr>` (and no
        other of them), an acronym counts as already explained."""
        if self.run_start is None and self.skipped_depth == self.abbr_depth:
            self.run_start, self.run_marks = self.position(), not self.skipped_depth

    handle_data = handle_entityref = handle_charref = text

    def end_run(self, end=None):
        if self.run_start is None:
            return
        start, self.run_start = self.run_start, None
        end = self.position() if end is None else end
        for match in self.pattern.finditer(self.fragment, start, end):
            if match.group() not in self.found:
                self.found[match.group()] = match.start() if self.run_marks else None
                if len(self.found) == len(self.wanted):
                    raise _AllFound

    def handle_starttag(self, tag, attrs):
        self.end_run()
        if tag in SKIPPED:
            self.skipped_depth += 1
            self.abbr_depth += tag == "abbr"

    def handle_endtag(self, tag):
        self.end_run()
        if tag in SKIPPED and self.skipped_depth:
            self.skipped_depth -= 1
            if tag == "abbr" and self.abbr_depth:
                self.abbr_depth -= 1

    def handle_comment(self, data):
        self.end_run()

    handle_decl = handle_pi = unknown_decl = handle_comment


def mark_first_occurrences(fragment, expansions):
    """`fragment` (HTML) with the first occurrence of each acronym of `expansions`
    ({acronym: expansion}) wrapped in `<abbr title="…">`."""
    if not expansions or not fragment:
        return fragment
    pattern = _pattern(tuple(sorted(expansions)))
    present = set(pattern.findall(fragment))
    if not present:
        return fragment
    found = _FirstOccurrences(pattern, present).find(fragment)
    by_source = {html.escape(a, quote=False): e for a, e in expansions.items()}
    pieces, done = [], 0
    placed = sorted((start, raw) for raw, start in found.items() if start is not None)
    for start, raw in placed:
        title = html.escape(by_source[raw], quote=True)
        pieces += [fragment[done:start], f'<abbr title="{title}">{raw}</abbr>']
        done = start + len(raw)
    pieces.append(fragment[done:])
    return "".join(pieces)
