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
    next_expected: TimelineEvent | None
    meetings_held: int
    last_change: object  # a datetime, or None when no change date is recorded

    @property
    def is_empty(self):
        return not (self.last_reached or self.next_expected)


def compute():
    events = TimelineEvent.objects.published().select_related("body")
    return Progress(
        last_reached=events.reached().first(),
        next_expected=events.expected().first(),
        meetings_held=events.reached().meetings().count(),
        last_change=latest_change(),
    )


def progress():
    """The programme's progress, kept until content changes or the day changes."""
    return cached(f"governance:progress:{timezone.localdate().isoformat()}", compute)
