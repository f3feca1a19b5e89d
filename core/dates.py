"""Dates as French readers write them."""

import datetime

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
