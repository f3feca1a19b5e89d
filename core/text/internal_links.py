"""Links from formatted text to the site's own content, kept valid when an address changes.

The editor stores an internal link with the object it points to:
`<a href="/projets/atelier/" data-ref="projects.project:42">`. The address is written out so
that the text reads well anywhere, but `data-ref` is what counts: every save works the
address out again (restoring an old version gets today's address), a change of slug rewrites
the texts that point to the object (`core.text.link_updates`), and a link to an object that no
longer exists keeps its text and loses the link.
"""

from collections import defaultdict

from django.apps import apps
from django.utils.text import capfirst

from core.search import SearchEntry, searchable_models


def link_models():
    """The models whose items the link chooser offers (their search section says so)."""
    return [m for m in searchable_models() if m.search_section.linkable]


def ref_of(obj):
    """« projects.project:42 »: what `data-ref` holds for this object."""
    return f"{obj._meta.label_lower}:{obj.pk}"


def _parse_ref(ref):
    """(model, pk) of a `data-ref` value, or None if it names nothing a link may point to."""
    label, _, pk = (ref or "").partition(":")
    try:
        model = apps.get_model(label)
    except (LookupError, ValueError):
        return None
    if model not in link_models() or not pk.isdigit():
        return None
    return model, int(pk)


def resolve(soup):
    """Give every internal link of a parsed text its object's current address (one query
    per kind of object); a link to an object that no longer exists becomes plain text."""
    targets = []
    wanted = defaultdict(set)  # model → pks
    for link in soup.find_all("a", attrs={"data-ref": True}):
        target = _parse_ref(link["data-ref"])
        if target is None:
            del link["data-ref"]  # not ours: an ordinary link
            continue
        targets.append((link, target))
        wanted[target[0]].add(target[1])
    addresses = {
        (model, obj.pk): obj.get_absolute_url()
        for model, pks in wanted.items()
        for obj in model._default_manager.filter(pk__in=pks)
    }
    for link, (model, pk) in targets:
        address = addresses.get((model, pk))
        if address is None:
            link.unwrap()
        else:
            link["href"] = address
            link["data-ref"] = f"{model._meta.label_lower}:{pk}"


def choices(query, limit=20):
    """What the chooser lists for a query: published content found by its title."""
    entries = (
        SearchEntry.objects.published()
        .filter(kind__in=[m.search_section.key for m in link_models()])
        .search(query, title_only=True)
        .select_related("content_type")[:limit]
    )
    return [
        {
            "label": entry.title,
            "type": capfirst(entry.content_type.model_class()._meta.verbose_name),
            "url": entry.url,
            "ref": f"{entry.content_type.app_label}.{entry.content_type.model}:{entry.object_id}",
        }
        for entry in entries
    ]
