"""« Où en est-on ? », computed from the timeline: the last step reached, the next one
expected, and how current that information is."""

from dataclasses import dataclass

from django.utils import timezone

from core.cache import cached
from core.publishing import latest_change

from .models import TimelineEvent


@dataclass(frozen=True)
class Progress:
    last_reached: TimelineEvent | None
    next_expected: TimelineEvent | None  # the nearest step whose date has not passed
    awaiting_confirmation: list[TimelineEvent]  # forecasts whose period is over
    meetings_held: int
    last_change: object  # a datetime, or None when no change date is recorded

    @property
    def is_empty(self):
        return not (self.last_reached or self.next_expected or self.awaiting_confirmation)


def compute():
    events = TimelineEvent.objects.published().select_related("body")
    expected = list(events.expected())
    return Progress(
        last_reached=events.reached().first(),
        next_expected=next((e for e in expected if not e.is_overdue_forecast), None),
        awaiting_confirmation=[e for e in expected if e.is_overdue_forecast],
        meetings_held=events.reached().meetings().count(),
        last_change=latest_change(),
    )


def progress():
    """The programme's progress, kept until content changes or the day changes."""
    return cached(f"governance:progress:{timezone.localdate().isoformat()}", compute)
