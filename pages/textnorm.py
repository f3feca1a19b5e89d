"""Accent- and case-insensitive matching and highlighting of French words."""

import re
import unicodedata

from django.utils.html import escape
from django.utils.safestring import mark_safe

_LIGATURES = str.maketrans({"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "’": "'"})


# Every combining mark (accents once NFKD has split them off), removed in one `translate`.
_COMBINING = dict.fromkeys(c for c in range(0x110000) if unicodedata.combining(chr(c)))


def fold(text: str) -> str:
    """« Équipement » → « equipement »: what two spellings must share to match."""
    text = text or ""
    if text.isascii():
        return text.casefold()
    return (
        unicodedata.normalize("NFKD", text.translate(_LIGATURES)).translate(_COMBINING).casefold()
    )


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
    folded_chars = [fold(c) for c in text]
    folded = "".join(folded_chars)
    # Map each position of the folded text back to its character in the original.
    origin = [i for i, chunk in enumerate(folded_chars) for _ in chunk]
    spans = []
    for word in words:
        for match in re.finditer(rf"(?<!\w){re.escape(word)}\w*", folded):
            spans.append((origin[match.start()], origin[match.end() - 1] + 1))
    out, position = [], 0
    for start, end in sorted(spans):
        if start < position:
            continue
        out += [escape(text[position:start]), "<mark>", escape(text[start:end]), "</mark>"]
        position = end
    out.append(escape(text[position:]))
    return mark_safe("".join(out))
