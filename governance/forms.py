"""The admin form of a meeting or milestone: an approximate date typed as what is known.

Editors know « 1er semestre 2021 », not a first day of a period. They pick the precision and
fill only the fields it needs; the form computes `date` (the first day of the period). Every
field stays visible and usable without JavaScript.
"""

import re

from django import forms
from django.contrib.admin.widgets import AdminDateWidget, AdminTimeWidget
from django.utils.dates import MONTHS

from core import dates
from core.dates import DatePrecision, Semester

from .models import TimelineEvent


class FrenchTimeField(forms.TimeField):
    """Accepts « 14:30 » as well as « 14 h 30 », « 14h30 » or « 14 h »."""

    input_formats = ["%H:%M", "%H:%M:%S", "%Hh%M", "%Hh"]
    default_error_messages = {
        "invalid": "Saisissez une heure valide, par ex. 14:00, 14 h ou 16 h 30.",
    }

    def to_python(self, value):
        if isinstance(value, str):
            value = re.sub(r"\s+", "", value)
        return super().to_python(value)


# The fields each precision needs, and what to say when one is missing.
NEEDED = {
    DatePrecision.DAY: ["exact_date"],
    DatePrecision.MONTH: ["year", "month"],
    DatePrecision.SEMESTER: ["year", "semester"],
    DatePrecision.YEAR: ["year"],
}
MISSING = {
    "exact_date": "Indiquez la date exacte (précision « Jour »).",
    "year": "Indiquez l'année.",
    "month": "Indiquez le mois (précision « Mois »).",
    "semester": "Indiquez le semestre (1er ou 2e).",
}


class TimelineEventAdminForm(forms.ModelForm):
    exact_date = forms.DateField(
        label="Date exacte",
        required=False,
        widget=AdminDateWidget,
        help_text="Pour la précision « Jour » : le jour de la réunion ou de l'étape, par ex. "
        "11/07/2019. Laissez vide sinon.",
    )
    year = forms.IntegerField(
        label="Année",
        required=False,
        min_value=1990,
        max_value=2100,
        help_text="Pour les précisions « Mois », « Semestre » et « Année » : l'année, par ex. "
        "2021. Inutile pour « Jour ».",
    )
    month = forms.TypedChoiceField(
        label="Mois",
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", "—"), *MONTHS.items()],
        help_text="Pour la précision « Mois » seulement, avec l'année.",
    )
    semester = forms.TypedChoiceField(
        label="Semestre",
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", "—"), *Semester.choices],
        help_text="Pour la précision « Semestre » seulement, avec l'année.",
    )

    class Meta:
        model = TimelineEvent
        fields = [  # not `date`: computed from the fields below
            "title", "slug", "kind", "body", "summary",
            "date_precision", "exact_date", "year", "month", "semester",
            "start_time", "end_time", "is_forecast", "order",
            "location", "address", "status", "published_at",
        ]  # fmt: skip
        field_classes = {"start_time": FrenchTimeField, "end_time": FrenchTimeField}
        widgets = {
            "start_time": AdminTimeWidget(format="%H:%M"),
            "end_time": AdminTimeWidget(format="%H:%M"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        event = self.instance
        if event.date is None:
            return
        match event.date_precision:
            case DatePrecision.DAY:
                self.initial.setdefault("exact_date", event.date)
            case DatePrecision.MONTH:
                self.initial.setdefault("year", event.date.year)
                self.initial.setdefault("month", event.date.month)
            case DatePrecision.SEMESTER:
                self.initial.setdefault("year", event.date.year)
                self.initial.setdefault("semester", event.semester)
            case DatePrecision.YEAR:
                self.initial.setdefault("year", event.date.year)

    def clean(self):
        cleaned = super().clean()
        precision = cleaned.get("date_precision")
        if precision not in NEEDED:
            return cleaned
        missing = [
            name
            for name in NEEDED[precision]
            if cleaned.get(name) is None and name not in self.errors
        ]
        for name in missing:
            self.add_error(name, MISSING[name])
        if missing or any(name in self.errors for name in NEEDED[precision]):
            return cleaned
        if precision == DatePrecision.DAY:
            self.instance.date = cleaned["exact_date"]
        else:
            self.instance.date = dates.period_start(
                precision, cleaned["year"], cleaned.get("month"), cleaned.get("semester")
            )
        return cleaned
