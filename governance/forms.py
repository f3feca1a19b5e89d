"""The admin form of a meeting or milestone: an approximate date typed as what is known
(`core.forms.ApproximateDateForm`), and times typed as French readers write them."""

import re

from django import forms
from django.contrib.admin.widgets import AdminTimeWidget

from core.forms import ApproximateDateForm

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


class TimelineEventAdminForm(ApproximateDateForm):
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
