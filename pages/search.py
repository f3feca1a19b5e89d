"""Site search over news, pages, levers, projects, holders and meetings, in French.

On PostgreSQL: French full-text search with `unaccent` (text search configuration
`french_unaccent`, created by a migration, with GIN indexes), ranked by `SearchRank`.
Elsewhere (SQLite): every word of the query must appear in one of the fields, compared
without accents or case, ranked with the same field weights. Both backends return the same
kind of result, highlighted here in Python so the markup is identical.
"""

import functools
import operator
import re
from dataclasses import dataclass
from typing import Any

from django.db import connection, models
from django.db.models.functions import Coalesce
from django.utils.html import strip_tags
from django.utils.text import Truncator

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
    source: Source
    obj: Any
    rank: float
    title: str
    excerpt: str

    @property
    def url(self):
        return self.obj.get_absolute_url()


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


class Fold(models.Func):
    """SQLite function registered on each connection (see PagesConfig.ready)."""

    function = "FOLD"
    output_field = models.TextField()


def _fallback_matches(source, words):
    folded = {f: Fold(Coalesce(f, models.Value(""))) for f in source.fields}
    qs = source.queryset().annotate(**{f"_{f}": expr for f, expr in folded.items()})
    for word in words:
        qs = qs.filter(
            functools.reduce(operator.or_, [models.Q(**{f"_{f}__contains": word}) for f in folded])
        )
    rank = sum(
        (
            models.Case(
                models.When(**{f"_{f}__contains": word}, then=models.Value(WEIGHTS[w])),
                default=models.Value(0.0),
            )
            for word in words
            for f, w in source.fields.items()
        ),
        start=models.Value(0.0),
    )
    return qs.annotate(rank=rank).order_by("-rank")


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
    """Ranked hits of every source (or only one), best first."""
    words = terms(query)
    if not words:
        return []
    sources = [SOURCES_BY_KEY[only]] if only else SOURCES
    hits = []
    for source in sources:
        if connection.vendor == "postgresql":
            matches = _postgres_matches(source, query)
        else:
            matches = _fallback_matches(source, words)
        for obj in matches[:MAX_HITS_PER_SOURCE]:
            summary = getattr(obj, source.summary_field, "") or getattr(obj, "body", "")
            hits.append(
                Hit(
                    source=source,
                    obj=obj,
                    rank=float(obj.rank),
                    title=highlight(getattr(obj, source.title_field), words),
                    excerpt=_excerpt(summary, words),
                )
            )
    return sorted(hits, key=lambda hit: -hit.rank)
