"""The « Historique » screens in plain French: what changed, as the editor knows the fields.

django-simple-history lists raw values (« presented → retained », « None », HTML, ids);
here each change reads « Champ : ancienne valeur → nouvelle valeur » with what the form
shows: choice labels, related items by name, « (vide) », formatted text as short text.
"""

import dataclasses
from datetime import date, datetime

from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import Truncator, capfirst
from simple_history.models import DeletedObject
from simple_history.template_utils import HistoricalRecordContextHelper
from simple_history.utils import get_m2m_reverse_field_name

from core.text.plaintext import html_to_text
from core.text.richtext import RichTextField

EMPTY = "(vide)"
MAX_CHARS = 120


def _item(value):
    if isinstance(value, DeletedObject):  # an empty foreign key comes as one with no pk
        return f"{value.model._meta.verbose_name} supprimé(e)" if value.pk is not None else ""
    return str(value)


def display_value(field, value):
    """A stored value as the admin form would show it, on one short line."""
    if isinstance(field, models.ManyToManyField):
        reverse_name = get_m2m_reverse_field_name(field)
        text = ", ".join(_item(row[reverse_name]) for row in value or [])
    elif value is None or value == "":
        return EMPTY
    elif isinstance(value, DeletedObject):
        text = _item(value)
    elif field.choices:
        text = str(dict(field.flatchoices).get(value, value))
    elif isinstance(value, bool):
        text = "Oui" if value else "Non"
    elif isinstance(field, RichTextField):
        text = html_to_text(value)
    elif isinstance(value, datetime):
        text = date_format(timezone.localtime(value), "j F Y à H:i")
    elif isinstance(value, date):
        text = date_format(value, "j F Y")
    elif isinstance(value, models.fields.files.FieldFile):
        text = value.name
    else:
        text = str(value)
    return Truncator(" ".join(text.split())).chars(MAX_CHARS) or EMPTY


class ReadableChanges(HistoricalRecordContextHelper):
    """Field labels and display values for every model's history, escaped by the template."""

    def format_delta_change(self, change):
        field = self.model._meta.get_field(change.field)
        return dataclasses.replace(
            change,
            field=capfirst(field.verbose_name),
            old=display_value(field, change.old),
            new=display_value(field, change.new),
        )
