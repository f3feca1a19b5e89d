"""Site search over news, pages, levers, projects, holders and meetings, in French.

On PostgreSQL: French full-text search with `unaccent` (text search configuration
`french_unaccent`), over a weighted vector stored in each row by a trigger and indexed
with GIN (migrations pages/0005 and 0008), ranked by `SearchRank`.
Elsewhere (SQLite): every word of the query must appear in one of the fields, compared
without accents or case, ranked with the same field weights — matched in Python over the
folded texts, which are kept until content changes. Both backends return the same
kind of result, highlighted here in Python so the markup is identical.
"""

import functools
from dataclasses import dataclass

from django.db import connection, models
from django.db.models.functions import Now
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
    url_fields: tuple = ("slug",)  # what get_absolute_url reads

    @property
    def model(self):
        from django.apps import apps

        return apps.get_model(self.model_path)

    def queryset(self):
        return self.model.objects.published()

    def shown_fields(self):
        """The fields a result needs: its title, summary (or body), address."""
        names = {field.name for field in self.model._meta.concrete_fields}
        wanted = (self.title_field, self.summary_field, "body", *self.url_fields)
        return [name for name in wanted if name in names]


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
    Source("pages", "Pages", "pages.Page", {"title": "A", "summary": "B", "body": "C"},
           url_fields=("slug", "section")),
]  # fmt: skip
SOURCES_BY_KEY = {source.key: source for source in SOURCES}


@dataclass(slots=True)
class Shown:
    """What a result displays, from its fields' values (`Source.shown_fields`). Kept per
    content version (`_shown_values`), so each address is worked out once."""

    source: Source
    pk: int
    values: dict
    address: str = ""

    @property
    def title(self):
        return self.values[self.source.title_field]

    @property
    def summary(self):
        return self.values.get(self.source.summary_field) or self.values.get("body") or ""

    @property
    def url(self):
        if not self.address:
            fields = {name: self.values[name] for name in self.source.url_fields}
            self.address = self.source.model(pk=self.pk, **fields).get_absolute_url()
        return self.address


@dataclass(slots=True)
class Hit:
    """One result. Only the shown ones are loaded, highlighted and excerpted (`load`)."""

    source: Source
    pk: int
    rank: float
    words: list[str]
    shown: Shown | None = None
    url: str = ""
    title: str = ""
    excerpt: str = ""


_QUERY_PLACEHOLDER = "<la recherche>"


@functools.cache
def _postgres_sql(keys):
    """SQL and parameters of the search over these sources, best first, in one UNION ALL:
    each part reads the stored, trigger-maintained vector (migration pages/0008). Built and
    compiled once per process; the database's clock decides what is published, and the
    query text is filled in at each search (see `_postgres_matches`)."""
    from django.contrib.postgres.search import SearchQuery, SearchRank

    search = SearchQuery(_QUERY_PLACEHOLDER, config=CONFIG, search_type="websearch")
    parts = [
        SOURCES_BY_KEY[key]
        .model.objects.published(now=Now())
        .filter(search_vector=search)
        .annotate(rank=SearchRank(models.F("search_vector"), search), search_source=models.Value(i))
        .values_list("search_source", "pk", "rank")
        .order_by()
        for i, key in enumerate(keys)
    ]
    union = parts[0].union(*parts[1:], all=True).order_by("-rank", "search_source", "pk")
    return union[: MAX_HITS_PER_SOURCE * len(keys)].query.sql_with_params()


def _postgres_matches(sources, query, words):
    """Hits of these sources, best first, at most MAX_HITS_PER_SOURCE of each."""
    sql, params = _postgres_sql(tuple(source.key for source in sources))
    with connection.cursor() as cursor:
        cursor.execute(sql, [query if p == _QUERY_PLACEHOLDER else p for p in params])
        rows = cursor.fetchall()
    hits, per_source = [], dict.fromkeys(range(len(sources)), 0)
    for kind, pk, rank in rows:
        if per_source[kind] < MAX_HITS_PER_SOURCE:
            per_source[kind] += 1
            hits.append(Hit(source=sources[kind], pk=pk, rank=float(rank), words=words))
    return hits


def _shown_values(source):
    """{pk: Shown} for a source's published objects, read once per content version."""

    def build():
        fields = source.shown_fields()
        rows = source.queryset().values_list("pk", *fields)
        return {
            pk: Shown(source, pk, dict(zip(fields, values, strict=True))) for pk, *values in rows
        }

    return remember(f"search-shown:{source.key}", build)


def _folded_texts(source):
    """[(pk, [folded text of each field], all of them joined)] of a source's published
    objects, in their usual order; built once per content version (`pages.cache.remember`)."""

    def build():
        rows = []
        for pk, *values in source.queryset().values_list("pk", *source.fields):
            texts = [fold(value or "") for value in values]
            rows.append((pk, texts, "\n".join(texts)))
        return rows

    return remember(f"search-texts:{source.key}", build)


def _fallback_matches(source, words):
    """Hits where every word appears in some field, best first (words never hold "\n")."""
    weights = [WEIGHTS[weight] for weight in source.fields.values()]
    matches = []
    for pk, texts, joined in _folded_texts(source):
        rank = 0.0
        for word in words:
            if word not in joined:
                break
            for text, weight in zip(texts, weights, strict=True):
                if word in text:
                    rank += weight
        else:
            matches.append(Hit(source=source, pk=pk, rank=rank, words=words))
    return sorted(matches, key=lambda hit: -hit.rank)


def _excerpt(text, words, length=32):
    text = text or ""
    if "<" in text:
        text = strip_tags(text)
    text = " ".join(text.split())
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
    if connection.vendor == "postgresql":
        return _postgres_matches(sources, query, words)
    hits = []
    for source in sources:
        hits.extend(_fallback_matches(source, words)[:MAX_HITS_PER_SOURCE])
    return sorted(hits, key=lambda hit: -hit.rank)


def load(hits):
    """The hits of the page shown, ready to display: address, highlighted title, excerpt.

    What they display comes from `_shown_values`; a hit whose object has gone meanwhile is
    left out."""
    for hit in hits:
        hit.shown = _shown_values(hit.source).get(hit.pk)
    shown = [hit for hit in hits if hit.shown is not None]
    for hit in shown:
        hit.url = hit.shown.url
        hit.title = highlight(hit.shown.title, hit.words)
        hit.excerpt = _excerpt(hit.shown.summary, hit.words)
    return shown


def by_title(query, keys, limit=20):
    """Published objects of these sources whose title holds every word of the query, accents
    and case ignored, titles starting with the first word first: what the editor's internal
    link chooser offers. Read from `_shown_values` (one read per content version)."""
    words = terms(query)
    if not words:
        return []
    found = []
    for key in keys:
        for shown in _shown_values(SOURCES_BY_KEY[key]).values():
            title = fold(shown.title)
            if all(word in title for word in words):
                found.append((not title.startswith(words[0]), title, shown))
    found.sort(key=lambda entry: entry[:2])
    return [shown for *_, shown in found[:limit]]
