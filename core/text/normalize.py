"""Accent- and case-insensitive matching and highlighting of French words."""

import functools
import html
import re
import unicodedata

from django.utils.safestring import mark_safe

_LIGATURES = {"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "’": "'"}


# The accents of Latin letters once NFKD has split them off (U+034F is not a mark).
_LATIN_MARKS = re.compile("[\u0300-\u034e\u0350-\u036f]")


def fold(text: str) -> str:
    """« Équipement » → « equipement »: what two spellings must share to match."""
    text = text or ""
    if text.isascii():
        return text.casefold()
    for ligature, letters in _LIGATURES.items():
        text = text.replace(ligature, letters)
    text = _LATIN_MARKS.sub("", unicodedata.normalize("NFKD", text))
    if not text.isascii():  # other scripts' combining marks (rare here)
        text = "".join(c for c in text if not unicodedata.combining(c))
    return text.casefold()


_fold_char = functools.lru_cache(maxsize=4096)(fold)  # highlight folds one character at a time

MAX_TERMS = 8


def terms(query: str) -> list[str]:
    """Distinct folded words of a query, in order (single letters dropped, 8 at most)."""
    seen = []
    for word in re.findall(r"\w+", fold(query)):
        if len(word) > 1 and word not in seen:
            seen.append(word)
    return seen[:MAX_TERMS]


def highlight(text: str, words: list[str]) -> str:
    """HTML-escaped text with every word starting with a search term wrapped in <mark>."""
    if not text:
        return ""
    folded_chars = list(map(_fold_char, text))
    folded = "".join(folded_chars)
    if len(folded) == len(text) and "" not in folded_chars:
        origin = range(len(text))  # every character folded to exactly one
    else:  # map each position of the folded text back to its character in the original
        origin = [i for i, chunk in enumerate(folded_chars) for _ in chunk]
    spans = []
    for word in words:
        for match in re.finditer(rf"(?<!\w){re.escape(word)}\w*", folded):
            spans.append((origin[match.start()], origin[match.end() - 1] + 1))
    out, position = [], 0
    for start, end in sorted(spans):
        if start < position:
            continue
        out += [
            html.escape(text[position:start]),
            "<mark>",
            html.escape(text[start:end]),
            "</mark>",
        ]
        position = end
    out.append(html.escape(text[position:]))  # as django.utils.html.escape, minus its overhead
    return mark_safe("".join(out))
