"""Admin form for anything dated approximately: the date typed as what is known.

Editors know « 1er semestre 2021 », not a first day of a period. They pick the precision and
fill only the fields it needs; the form computes `date` (the first day of the period, see
`core.dates`). Every field stays visible and usable without JavaScript. The model has a
`date` and a `date_precision` (`core.dates.DatePrecision`); a subclass gives `Meta.model`
and lists `date_precision` and these fields, never `date`.
"""

from django import forms
from django.contrib.admin.widgets import AdminDateWidget
from django.utils.dates import MONTHS

from . import dates
from .dates import DatePrecision, Semester

DATE_FIELDS = ["exact_date", "year", "month", "semester"]

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


class ApproximateDateForm(forms.ModelForm):
    exact_date = forms.DateField(
        label="Date exacte",
        required=False,
        widget=AdminDateWidget,
        help_text="Pour la précision « Jour » : le jour, par ex. 11/07/2019. Laissez vide sinon.",
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

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        date, precision = self.instance.date, self.instance.date_precision
        if date is None:
            return
        match precision:
            case DatePrecision.DAY:
                self.initial.setdefault("exact_date", date)
            case DatePrecision.MONTH:
                self.initial.setdefault("year", date.year)
                self.initial.setdefault("month", date.month)
            case DatePrecision.SEMESTER:
                self.initial.setdefault("year", date.year)
                self.initial.setdefault("semester", dates.semester_of(date))
            case DatePrecision.YEAR:
                self.initial.setdefault("year", date.year)

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
