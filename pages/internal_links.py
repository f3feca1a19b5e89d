"""Links from formatted text to the site's own content, kept valid when an address changes.

The editor stores an internal link with the object it points to:
`<a href="/projets/atelier/" data-ref="projects.project:42">`. The address is written out so
that the text reads well anywhere, but `data-ref` is what counts: every save works the
address out again (restoring an old version gets today's address), a change of slug rewrites
the texts that point to the object (`pages.link_updates`), and a link to an object that no
longer exists keeps its text and loses the link.
"""

import functools
from collections import defaultdict

from django.utils.text import capfirst

from .search import SOURCES_BY_KEY, by_title

# What the chooser offers: pages, projects, holders, news and meetings (keys of
# pages.search.SOURCES).
LINK_SOURCES = ("pages", "projets", "porteurs", "actualites", "reunions")


@functools.cache
def _sources_by_label():
    return {SOURCES_BY_KEY[key].model_path.lower(): SOURCES_BY_KEY[key] for key in LINK_SOURCES}


def link_models():
    return [SOURCES_BY_KEY[key].model for key in LINK_SOURCES]


def ref_of(obj):
    """« projects.project:42 »: what `data-ref` holds for this object."""
    return f"{obj._meta.label_lower}:{obj.pk}"


def _ref(source, pk):
    return f"{source.model._meta.label_lower}:{pk}"


def _parse_ref(ref):
    """(source, pk) of a `data-ref` value, or None if it names nothing a link may point to."""
    label, _, pk = (ref or "").partition(":")
    source = _sources_by_label().get(label)
    if source is None or not pk.isdigit():
        return None
    return source, int(pk)


def resolve(soup):
    """Give every internal link of a parsed text its object's current address (one query
    per kind of object); a link to an object that no longer exists becomes plain text."""
    targets = []
    wanted = defaultdict(set)  # source key → pks
    for link in soup.find_all("a", attrs={"data-ref": True}):
        target = _parse_ref(link["data-ref"])
        if target is None:
            del link["data-ref"]  # not ours: an ordinary link
            continue
        targets.append((link, target))
        wanted[target[0].key].add(target[1])
    addresses = {}
    for key, pks in wanted.items():
        source = SOURCES_BY_KEY[key]
        for obj in source.model._default_manager.filter(pk__in=pks).only(*source.url_fields):
            addresses[key, obj.pk] = obj.get_absolute_url()
    for link, (source, pk) in targets:
        address = addresses.get((source.key, pk))
        if address is None:
            link.unwrap()
        else:
            link["href"] = address
            link["data-ref"] = _ref(source, pk)


def choices(query, limit=20):
    """What the chooser lists for a query: published objects found by title."""
    return [
        {
            "label": shown.title,
            "type": capfirst(shown.source.model._meta.verbose_name),
            "url": shown.url,
            "ref": _ref(shown.source, shown.pk),
        }
        for shown in by_title(query, LINK_SOURCES, limit=limit)
    ]
