"""Open data: every public list as CSV and JSON, documented on « Données ouvertes ».

A dataset is a list of columns (name, description, how to read it from an object); the
documentation page, the CSV and the JSON are all made from that one definition, so they
cannot drift apart. CSV files are UTF-8 with a byte-order mark and `;` separators, as French
spreadsheets expect. Licence: Licence Ouverte / Open Licence 2.0 (Etalab).
"""

import csv
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import BadRequest
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Max, Q, prefetch_related_objects
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils import timezone

LICENCE = {
    "nom": "Licence Ouverte / Open Licence version 2.0",
    "url": "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
}


@dataclass(frozen=True)
class Column:
    name: str
    description: str
    value: Callable[[Any], Any]
    # What the value reads through relations, read for all rows at once: a dataset takes
    # the same number of queries for 10 rows or 1,000. Lookups, Prefetch objects, or
    # functions returning one (the publication rule reads the clock when it is built).
    prefetch: tuple = ()

    def read(self, obj, request):
        return self.value(obj)


class UrlColumn(Column):
    """The absolute address of the object's page."""

    def __init__(self, description):
        super().__init__("url", description, lambda obj: obj.get_absolute_url())

    def read(self, obj, request):
        return request.build_absolute_uri(obj.get_absolute_url())


class UpdatedColumn(Column):
    """`mis_a_jour`: the object's last change (ISO 8601, Paris time), else the day it was
    published, else (2019 content nobody has changed) the day it was loaded on this site."""

    def __init__(self, description="Date de dernière modification de la fiche (ISO 8601) ; à "
                 "défaut, jour de sa publication ; à défaut (contenu de 2019 jamais modifié "
                 "depuis, la source ne donnant aucune date), jour de son chargement sur ce "
                 "site."):  # fmt: skip
        super().__init__("mis_a_jour", description, last_changed)

    def read(self, obj, request):
        return last_changed(obj) or content_loaded_on(request)


def content_loaded_on(request):
    """The day the 2019 content was last loaded here (read once per export)."""
    if not hasattr(request, "_content_loaded_on"):
        from .models import ContentLoad

        loaded = ContentLoad.last()
        request._content_loaded_on = timezone.localdate(loaded).isoformat() if loaded else None
    return request._content_loaded_on


def last_changed(obj):
    if getattr(obj, "updated_at", None):
        return timezone.localtime(obj.updated_at).isoformat(timespec="seconds")
    if getattr(obj, "published_at", None):
        return timezone.localdate(obj.published_at).isoformat()
    return None


def empty_as_none(value):
    """One convention for a missing value: None (JSON null, an empty CSV cell), never ""."""
    return None if value == "" else value


@dataclass(frozen=True)
class Dataset:
    key: str
    title: str
    description: str
    columns: list[Column]
    queryset: Callable[[Any], Any]  # request → objects; may raise django's BadRequest
    list_url_name: str
    model: Any = None  # whose last change dates the data
    filters_note: str = ""
    query_params: tuple[str, ...] = ()  # the list's filters, which the download applies too

    @property
    def all_columns(self):
        """Its own columns, then those other apps added (`add_columns`), before the address
        and the date of change."""
        own = [c for c in self.columns if not isinstance(c, UrlColumn | UpdatedColumn)]
        last = [c for c in self.columns if isinstance(c, UrlColumn | UpdatedColumn)]
        return [*own, *extra_columns.get(self.key, []), *last]

    def rows(self, request):
        columns = self.all_columns
        objects = list(self.queryset(request))
        # Columns that read the same relation name the same lookup: prefetch it once.
        lookups = dict.fromkeys(lookup for column in columns for lookup in column.prefetch)
        prefetch_related_objects(objects, *(lk() if callable(lk) else lk for lk in lookups))
        return [
            {column.name: empty_as_none(column.read(obj, request)) for column in columns}
            for obj in objects
        ]


datasets: dict[str, Dataset] = {}  # registered by the apps (their `site.py`), by key
# Columns an app adds to another app's dataset, by key: the meetings' dataset lists the
# projects each meeting examined, which only the projects app knows about.
extra_columns: dict[str, list[Column]] = {}


def register(*new):
    for dataset in new:
        datasets[dataset.key] = dataset


def add_columns(key, *columns):
    """Add columns to the dataset `key`, registered before or after this call."""
    extra_columns.setdefault(key, []).extend(columns)


def query_params():
    """The query parameters a download reads: the filters of every dataset's list."""
    return tuple(sorted({name for d in datasets.values() for name in d.query_params}))


def last_update():
    """Latest change of any published content, for the « mis à jour le » line."""
    dates = [
        model.objects.published().aggregate(
            at=Max("updated_at", filter=Q(updated_at__isnull=False))
        )["at"]
        for model in {d.model for d in datasets.values() if d.model is not None}
    ]
    return max((d for d in dates if d), default=None)


def bad_request(fmt, message):
    """A 400 in the format asked for: a program reading JSON gets JSON, not an HTML page."""
    if fmt == "csv":
        return HttpResponse(message + "\n", status=400, content_type="text/plain; charset=utf-8")
    return HttpResponse(
        json.dumps({"erreur": message}, ensure_ascii=False),
        status=400,
        content_type="application/json; charset=utf-8",
    )


def export(request, key, fmt):
    dataset = datasets.get(key)
    if dataset is None or fmt not in ("csv", "json"):
        raise Http404("Ce jeu de données n'existe pas.")
    try:
        rows = dataset.rows(request)
    except BadRequest as error:
        return bad_request(fmt, str(error))
    if fmt == "csv":
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{key}.csv"'
        response.write("\ufeff")
        writer = csv.DictWriter(
            response, fieldnames=[c.name for c in dataset.all_columns], delimiter=";"
        )
        writer.writeheader()
        writer.writerows(
            {k: "" if v is None else ("oui" if v is True else "non" if v is False else v)
             for k, v in row.items()}
            for row in rows
        )  # fmt: skip
        return response
    payload = {
        "jeu_de_donnees": dataset.title,
        "description": dataset.description,
        "licence": LICENCE,
        "source": request.build_absolute_uri(reverse("core:opendata")),
        "genere_le": timezone.now(),
        "champs": [{"nom": c.name, "description": c.description} for c in dataset.all_columns],
        "nombre": len(rows),
        "donnees": rows,
    }
    return HttpResponse(
        json.dumps(payload, cls=DjangoJSONEncoder, ensure_ascii=False, indent=1),
        content_type="application/json; charset=utf-8",
    )
