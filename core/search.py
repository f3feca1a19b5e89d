"""Site search: one index of every searchable item, searched by the database's own engine.

Each content model that inherits `Searchable` says which section its results belong to
(`search_section`) and what text a search reads (`search_document()`: a title, weight A; a
summary, weight B; a body, weight C). Saving or deleting an item updates its `SearchEntry`
(signals); `rebuild_search_index` rebuilds them all after bulk writes.

- PostgreSQL: French full-text search without accents (configuration `french_unaccent`) over
  a weighted vector stored in each entry and indexed with GIN, ranked by `SearchRank`.
- SQLite: an FTS5 table (`unicode61 remove_diacritics 2`) holding the entries' folded texts,
  ranked by `bm25` with the same weights.

Both match every word of the query as a word prefix (« equip » finds « Équipements »), apply
the publication rule to the entries, and give the same kind of result, highlighted and
excerpted here in Python so that the markup is identical.
"""

import functools
import re
from dataclasses import dataclass

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector, SearchVectorField
from django.db import connection, models
from django.db.models import Count
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.html import strip_tags
from django.utils.text import Truncator

from .text.normalize import fold, highlight, terms

CONFIG = "french_unaccent"
FTS_TABLE = "core_searchentry_fts"
MAX_QUERY_LENGTH = 200
WEIGHTS = {"title": 10.0, "summary": 4.0, "body": 2.0}  # as PostgreSQL's A, B, C: 1, 0.4, 0.2


@dataclass(frozen=True)
class SearchSection:
    """Where a model's results are grouped: « Projets », « Actualités »…"""

    key: str
    label: str
    order: int = 0
    linkable: bool = True  # offered by the editor's internal-link chooser


@dataclass(frozen=True)
class SearchDocument:
    title: str
    summary: str = ""
    body: str = ""


def plain(html):
    """Text of an HTML fragment, paragraphs kept apart (« …Saulieu. Un territoire… »)."""
    return " ".join(strip_tags(re.sub(r"<(/p|br|/li|/h\d)\b", r" \g<0>", html or "")).split())


class Searchable(models.Model):
    """A content model the site search finds (see the module's docstring)."""

    search_section: SearchSection

    class Meta:
        abstract = True

    def search_document(self):
        raise NotImplementedError

    def search_dependents(self):
        """Other items whose search text includes this one's (reindexed with it)."""
        return []


def searchable_models():
    return [m for m in apps.get_models() if issubclass(m, Searchable)]


@functools.cache
def sections():
    """{key: SearchSection} of every searchable model, in display order."""
    found = sorted({m.search_section for m in searchable_models()}, key=lambda s: s.order)
    return {section.key: section for section in found}


class SearchEntryQuerySet(models.QuerySet):
    def published(self, now=None):
        from django.utils import timezone

        now = now or timezone.now()
        return self.filter(status="published").filter(
            models.Q(published_at__isnull=True) | models.Q(published_at__lte=now)
        )

    def search(self, query, title_only=False):
        """Entries matching every word of `query` (as word prefixes; in the title only if
        `title_only`), best first, with `rank`. A query without words matches nothing."""
        words = [w for word in terms(query) for w in re.findall(r"[^\W_]+", word)]
        if not words:
            return self.none()
        if connection.vendor == "postgresql":
            weight = "A" if title_only else ""
            tsquery = SearchQuery(
                " & ".join(f"{w}:*{weight}" for w in words), config=CONFIG, search_type="raw"
            )
            return (
                self.filter(search_vector=tsquery)
                .annotate(rank=SearchRank(models.F("search_vector"), tsquery))
                .order_by("-rank", "pk")
            )
        column = "title : " if title_only else ""
        match = " AND ".join(f'{column}"{w}"*' for w in words)
        weights = ", ".join(str(w) for w in WEIGHTS.values())
        return self.extra(
            tables=[FTS_TABLE],
            where=[f"{FTS_TABLE}.rowid = core_searchentry.id", f"{FTS_TABLE} MATCH %s"],
            params=[match],
            select={"rank": f"-bm25({FTS_TABLE}, {weights})"},
        ).order_by("-rank", "pk")

    def counts_by_section(self):
        """{section key: number of entries}."""
        rows = self.order_by().values_list("kind").annotate(n=Count("pk"))
        return dict(rows)


class SearchEntry(models.Model):
    """What the search reads and what a result shows, for one item of any searchable model."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    kind = models.CharField("rubrique", max_length=30)
    title = models.CharField("titre", max_length=500)
    summary = models.TextField("résumé", blank=True)
    body = models.TextField("texte", blank=True)
    url = models.CharField("adresse", max_length=500)
    status = models.CharField("statut", max_length=10)
    published_at = models.DateTimeField("publication à partir du", null=True)
    search_vector = SearchVectorField(null=True)  # PostgreSQL only

    objects = SearchEntryQuerySet.as_manager()

    class Meta:
        verbose_name = "entrée de l'index de recherche"
        verbose_name_plural = "index de recherche"
        constraints = [
            models.UniqueConstraint(fields=["content_type", "object_id"], name="one_entry_per_item")
        ]

    def __str__(self):
        return self.title

    def excerpt(self, words, length=32):
        """Up to `length` words of the summary (or body) around the first word found,
        highlighted."""
        text = " ".join((self.summary or self.body).split())
        folded = fold(text)
        positions = [p for p in (folded.find(w) for w in words) if p >= 0]
        start = max(0, min(positions) - 80) if positions else 0
        if start:
            start = text.find(" ", start) + 1
        snippet = Truncator(text[start:]).words(length, truncate=" …")
        return highlight(("… " if start else "") + snippet, words)


def index(item):
    """Write (or remove) the search entry of one item."""
    content_type = ContentType.objects.get_for_model(item, for_concrete_model=True)
    if item.pk is None:
        return
    document = item.search_document()
    entry, _ = SearchEntry.objects.update_or_create(
        content_type=content_type,
        object_id=item.pk,
        defaults={
            "kind": item.search_section.key,
            "title": document.title[:500],
            "summary": document.summary,
            "body": document.body,
            "url": item.get_absolute_url(),
            "status": getattr(item, "status", "published"),
            "published_at": getattr(item, "published_at", None),
        },
    )
    _write_engine_index(entry)


def _write_engine_index(entry):
    if connection.vendor == "postgresql":
        SearchEntry.objects.filter(pk=entry.pk).update(
            search_vector=SearchVector("title", weight="A", config=CONFIG)
            + SearchVector("summary", weight="B", config=CONFIG)
            + SearchVector("body", weight="C", config=CONFIG)
        )
    elif connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid = %s", [entry.pk])
            cursor.execute(
                f"INSERT INTO {FTS_TABLE} (rowid, title, summary, body) VALUES (%s, %s, %s, %s)",
                [entry.pk, fold(entry.title), fold(entry.summary), fold(entry.body)],
            )


def unindex(item):
    content_type = ContentType.objects.get_for_model(item, for_concrete_model=True)
    entries = SearchEntry.objects.filter(content_type=content_type, object_id=item.pk)
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            for pk in entries.values_list("pk", flat=True):
                cursor.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid = %s", [pk])
    entries.delete()


def rebuild():
    """Every entry again, from the items themselves (after bulk writes or a restore)."""
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {FTS_TABLE}")
    SearchEntry.objects.all().delete()
    count = 0
    for model in searchable_models():
        for item in model._default_manager.all().iterator(chunk_size=500):
            index(item)
            count += 1
    return count


def _on_save(sender, instance, raw=False, **kwargs):
    if isinstance(instance, Searchable):
        index(instance)
    for dependent in instance.search_dependents():
        index(dependent)


def _on_delete(sender, instance, **kwargs):
    if isinstance(instance, Searchable):
        unindex(instance)
    for dependent in instance.search_dependents():
        if dependent.pk:
            index(dependent)


def _on_m2m(sender, instance, action, model, pk_set, **kwargs):
    """A project's holders changed: its text (which names them) changed, whichever side
    the change was made from."""
    if action == "pre_clear" and issubclass(model, Searchable):
        # `clear()` sends no pk_set: note now which items are about to lose the link.
        instance._search_cleared = _linked_pks(sender, instance, model)
        return
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if action == "post_clear":
        pk_set = instance.__dict__.pop("_search_cleared", None)
    if isinstance(instance, Searchable):
        index(instance)
    if issubclass(model, Searchable) and pk_set:
        for other in model._default_manager.filter(pk__in=pk_set):
            index(other)


def _linked_pks(through, instance, model):
    """The pks of the `model` items linked to `instance` through the m2m table `through`."""
    fields = [f for f in through._meta.fields if f.is_relation]
    [own] = [f for f in fields if isinstance(instance, f.related_model)] or [None]
    [other] = [f for f in fields if f is not own and issubclass(model, f.related_model)] or [None]
    if own is None or other is None:
        return None
    return set(
        through._default_manager.filter(**{own.name: instance}).values_list(
            other.attname, flat=True
        )
    )


def rebuild_if_empty(**signal_kwargs):
    """After `migrate`: an empty index over existing content (a new installation, or the
    index just created) is built at once."""
    if not SearchEntry.objects.exists() and any(
        m._default_manager.exists() for m in searchable_models()
    ):
        rebuild()


def connect_signals():
    """Searchable items, and the parts of them that other models hold (a lever's actions:
    models with a `search_dependents()` method), keep their entries up to date."""
    for model in apps.get_models():
        if hasattr(model, "search_dependents"):
            post_save.connect(_on_save, sender=model, dispatch_uid=f"search-save-{model._meta}")
            post_delete.connect(_on_delete, sender=model, dispatch_uid=f"search-del-{model._meta}")
    m2m_changed.connect(_on_m2m, dispatch_uid="search-m2m")
