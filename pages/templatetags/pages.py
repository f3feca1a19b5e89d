"""Tags of the pages app: `{% section_intro "projects" %}` shows the editable page that
introduces a section of the site (see `core.site.sections`);
`{% glossary_abbreviations %}…{% endglossary_abbreviations %}` marks the first occurrence of
each glossary acronym in what it wraps (base.html wraps the main content)."""

import hashlib

from django import template
from django.utils.safestring import mark_safe

from core.cache import cached, content_version
from core.text.abbreviations import mark_first_occurrences

from ..models import GlossaryEntry, Page

register = template.Library()


@register.inclusion_tag("pages/parts/intro.html")
def section_intro(section):
    """The published introduction of a section, kept until content changes."""
    return {"intro": cached(f"intro:{section}", lambda: Page.objects.for_section(section))}


def glossary_expansions():
    """{acronym: expansion}: one query per content version (a glossary edit is a content
    change, so pages stored before it are not served after it)."""
    return cached("glossary-expansions", GlossaryEntry.objects.expansions)


class GlossaryAbbreviationsNode(template.Node):
    def __init__(self, nodelist):
        self.nodelist = nodelist

    def render(self, context):
        content = self.nodelist.render(context)
        expansions = glossary_expansions()
        if not expansions:
            return content
        marked = abbreviated(content, expansions)
        # The input is the template's own output; only <abbr> tags with escaped titles
        # are added to it.
        return content if marked is None else mark_safe(marked)  # noqa: S308


_abbreviated = {}  # (content version, digest of the HTML) -> marked HTML, or None if unchanged
ABBREVIATED_ENTRIES = 200


def abbreviated(content, expansions):
    """The marked-up content, or None when nothing was marked. This worker keeps the result
    for the content version (a glossary edit is a content change): a page rendered again —
    for a logged-in editor, or with the page cache off — is not read again. Kept apart from
    the shared cache, so pages nobody stores (errors, searches) never push stored pages out."""
    key = (content_version(), hashlib.blake2b(content.encode(), digest_size=16).digest())
    if key not in _abbreviated:
        if len(_abbreviated) >= ABBREVIATED_ENTRIES:
            _abbreviated.clear()
        marked = mark_first_occurrences(content, expansions)
        _abbreviated[key] = None if marked is content else marked
    return _abbreviated[key]


@register.tag("glossary_abbreviations")
def do_glossary_abbreviations(parser, token):
    nodelist = parser.parse(("endglossary_abbreviations",))
    parser.delete_first_token()
    return GlossaryAbbreviationsNode(nodelist)
