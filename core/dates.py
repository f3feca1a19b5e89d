"""Dates as French readers write them, and dates known only approximately (« 2e semestre
2020 »): stored as the first day of their period with a precision, never shown more
precisely than they are known."""

import calendar
import datetime

from django.db import models
from django.utils import timezone
from django.utils.formats import date_format


def french_date(value):
    """« 1er octobre 2026 », « 21 mars 2019 »; aware datetimes in the site's time zone."""
    if not value:
        return ""
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    day = "1er" if value.day == 1 else str(value.day)
    return f"{day} {date_format(value, 'F Y')}"


def french_time(value):
    """« 14 h », « 16 h 30 », « 9 h 05 »: the hour as French typography writes it."""
    if value is None:
        return ""
    return f"{value.hour} h" if not value.minute else f"{value.hour} h {value.minute:02d}"


class DatePrecision(models.TextChoices):
    """How much of a date is known; the site never shows more than that."""

    DAY = "day", "Jour"
    MONTH = "month", "Mois"
    SEMESTER = "semester", "Semestre"
    YEAR = "year", "Année"


class Semester(models.IntegerChoices):
    FIRST = 1, "1er semestre (janvier à juin)"
    SECOND = 2, "2e semestre (juillet à décembre)"


def semester_of(date):
    return Semester.FIRST if date.month <= 6 else Semester.SECOND


def period_start(precision, year, month=None, semester=None):
    """First day of the period an approximate date stands for (what is stored)."""
    match precision:
        case DatePrecision.MONTH:
            return datetime.date(year, month, 1)
        case DatePrecision.SEMESTER:
            return datetime.date(year, 1 if semester == Semester.FIRST else 7, 1)
        case _:
            return datetime.date(year, 1, 1)


def period_end(date, precision):
    """Last day of the period the date stands for."""
    match precision:
        case DatePrecision.YEAR:
            return datetime.date(date.year, 12, 31)
        case DatePrecision.SEMESTER:
            first = semester_of(date) == Semester.FIRST
            return datetime.date(date.year, 6, 30) if first else datetime.date(date.year, 12, 31)
        case DatePrecision.MONTH:
            last_day = calendar.monthrange(date.year, date.month)[1]
            return datetime.date(date.year, date.month, last_day)
    return date


def approximate_label(date, precision):
    """The date in French, as precise as it is known: « 21 mars 2019 », « 2e semestre 2020 »."""
    match precision:
        case DatePrecision.YEAR:
            return str(date.year)
        case DatePrecision.SEMESTER:
            return f"{'1er' if semester_of(date) == Semester.FIRST else '2e'} semestre {date.year}"
        case DatePrecision.MONTH:
            return date_format(date, "F Y")
        case _:
            return french_date(date)


def machine_value(date, precision):
    """Value of the HTML `datetime` attribute, or "" when it cannot be expressed."""
    match precision:
        case DatePrecision.DAY:
            return date.isoformat()
        case DatePrecision.MONTH:
            return date.strftime("%Y-%m")
        case DatePrecision.YEAR:
            return str(date.year)
    return ""


def period_is_over(date, precision, today=None):
    """Whether the whole period the date stands for lies before today (Paris time).

    A forecast whose period is over is no longer a forecast: the site shows it as past and
    « à confirmer », never as something still to come.
    """
    return period_end(date, precision) < (today or timezone.localdate())


class ApproximatelyDated:
    """For a model with `date` (first day of the period) and `date_precision`: the date as
    precisely as it is known, in French and for the HTML `datetime` attribute."""

    @property
    def date_label(self):
        """« 21 mars 2019 », « 2e semestre 2020 »: as precise as the date is known."""
        return approximate_label(self.date, self.date_precision)

    @property
    def date_machine(self):
        return machine_value(self.date, self.date_precision)

    @property
    def period_end(self):
        return period_end(self.date, self.date_precision)

    @property
    def period_is_over(self):
        return period_is_over(self.date, self.date_precision)
