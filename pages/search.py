"""Site search over news, pages, levers, projects, holders and meetings, in French.

On PostgreSQL: French full-text search with `unaccent` (text search configuration
`french_unaccent`, created by a migration, with GIN indexes), ranked by `SearchRank`.
Elsewhere (SQLite): every word of the query must appear in one of the fields, compared
without accents or case, ranked with the same field weights — matched in Python over the
folded texts, which are kept until content changes. Both backends return the same
kind of result, highlighted here in Python so the markup is identical.
"""

import functools
import operator
import re
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from django.db import connection
from django.utils.html import strip_tags
from django.utils.text import Truncator

from .cache import remember
from .textnorm import fold, highlight, terms

CONFIG = "french_unaccent"
WEIGHTS = {"A": 1.0, "B": 0.4, "C": 0.2}
MAX_QUERY_LENGTH = 200
MAX_HITS_PER_SOURCE = 200


@dataclass(frozen=True)
class Source:
    key: str
    label: str
    model_path: str
    fields: dict[str, str]  # field name → weight A, B or C
    title_field: str = "title"
    summary_field: str = "summary"

    @property
    def model(self):
        from django.apps import apps

        return apps.get_model(self.model_path)

    def queryset(self):
        return self.model.objects.published()


SOURCES = [
    Source("projets", "Projets", "projects.Project",
           {"title": "A", "summary": "B", "location": "B", "description": "C"}),
    Source("actualites", "Actualités", "pages.NewsArticle",
           {"title": "A", "summary": "B", "body": "C"}),
    Source("reunions", "Réunions et étapes", "governance.TimelineEvent",
           {"title": "A", "summary": "B", "location": "C"}),
    Source("priorites", "Priorités", "projects.PriorityLever",
           {"title": "A", "short_title": "A", "description": "C"}, summary_field="description"),
    Source("porteurs", "Porteurs de projet", "projects.ProjectHolder",
           {"name": "A", "description": "C"}, title_field="name", summary_field="description"),
    Source("pages", "Pages", "pages.Page", {"title": "A", "summary": "B", "body": "C"}),
]  # fmt: skip
SOURCES_BY_KEY = {source.key: source for source in SOURCES}


@dataclass
class Hit:
    """One result. Only the shown ones are loaded (`load`), highlighted and excerpted."""

    source: Source
    pk: int
    rank: float
    words: list[str]
    obj: Any = None

    @property
    def url(self):
        return self.obj.get_absolute_url()

    @cached_property
    def title(self):
        return highlight(getattr(self.obj, self.source.title_field), self.words)

    @cached_property
    def excerpt(self):
        source = self.source
        summary = getattr(self.obj, source.summary_field, "") or getattr(self.obj, "body", "")
        return _excerpt(summary, self.words)


def _postgres_matches(source, query):
    from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector

    vector = functools.reduce(
        operator.add,
        [SearchVector(f, weight=w, config=CONFIG) for f, w in source.fields.items()],
    )
    search = SearchQuery(query, config=CONFIG, search_type="websearch")
    return (
        source.queryset()
        .annotate(document=vector)
        .filter(document=search)
        .annotate(rank=SearchRank(vector, search))
        .order_by("-rank")
    )


def _folded_texts(source):
    """[(pk, [folded text of each field])] of a source's published objects, in their usual
    order; built once per content version (see `pages.cache.remember`)."""

    def build():
        rows = source.queryset().values_list("pk", *source.fields)
        return [(pk, [fold(value or "") for value in values]) for pk, *values in rows]

    return remember(f"search-texts:{source.key}", build)


def _fallback_matches(source, words):
    """(pk, rank) of the objects where every word appears in some field, best first."""
    weights = [WEIGHTS[weight] for weight in source.fields.values()]
    matches = []
    for pk, texts in _folded_texts(source):
        if all(any(word in text for text in texts) for word in words):
            rank = sum(
                w for word in words for text, w in zip(texts, weights, strict=True) if word in text
            )
            matches.append((pk, rank))
    return sorted(matches, key=lambda match: -match[1])


def _excerpt(text, words, length=32):
    text = re.sub(r"\s+", " ", strip_tags(text or "")).strip()
    folded = fold(text)
    positions = [folded.find(w) for w in words if folded.find(w) >= 0]
    start = max(0, min(positions) - 80) if positions else 0
    if start:
        start = text.find(" ", start) + 1
    snippet = Truncator(text[start:]).words(length, truncate=" …")
    return highlight(("… " if start else "") + snippet, words)


def search(query, only=None):
    """Ranked hits of every source (or only one), best first, not yet loaded (see `load`)."""
    words = terms(query)
    if not words:
        return []
    sources = [SOURCES_BY_KEY[only]] if only else SOURCES
    hits = []
    for source in sources:
        if connection.vendor == "postgresql":
            matches = _postgres_matches(source, query).values_list("pk", "rank")
        else:
            matches = _fallback_matches(source, words)
        hits.extend(
            Hit(source=source, pk=pk, rank=float(rank), words=words)
            for pk, rank in matches[:MAX_HITS_PER_SOURCE]
        )
    return sorted(hits, key=lambda hit: -hit.rank)


def load(hits):
    """Reads the objects of these hits (the page shown): one query per kind of content."""
    for source in SOURCES:
        pks = [hit.pk for hit in hits if hit.source is source]
        if not pks:
            continue
        objects = source.queryset().in_bulk(pks)
        for hit in hits:
            if hit.source is source:
                hit.obj = objects.get(hit.pk)
    return [hit for hit in hits if hit.obj is not None]
