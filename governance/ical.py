"""iCalendar (RFC 5545) export of meetings and milestones, with the `icalendar` package.

Only events whose day is known are exported: « 2e semestre 2020 » never becomes a fake day.
A day without a published time is an all-day event (DTSTART;VALUE=DATE); with a time, the
start (and the end, only when it is known) are Paris wall-clock times with TZID=Europe/Paris
and the matching VTIMEZONE, so a calendar elsewhere shows the right hour, summer or winter.
"""

import datetime

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from icalendar import Calendar, Event

from core.dates import DatePrecision

from .models import LOCAL_TIME_ZONE, TimelineEvent

UID_DOMAIN = "territoire-industrie-auxois-morvan"


def _calendar():
    calendar = Calendar()
    calendar.add("prodid", f"-//{settings.SITE_NAME}//Calendrier//FR")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", f"Calendrier — {settings.SITE_NAME}")
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    return calendar


def _stamp(event):
    """DTSTAMP: the event's last change, never "now", so an unchanged event reads the same.

    Content loaded from the fixtures has no change date: it gets its publication date, or
    else the start of its day, which are stable too.
    """
    return (
        event.updated_at
        or event.published_at
        or datetime.datetime.combine(event.date, datetime.time(), tzinfo=LOCAL_TIME_ZONE)
    )


def _event(event, request):
    vevent = Event()
    vevent.add("uid", f"{event.slug}@{UID_DOMAIN}")
    vevent.add("dtstamp", _stamp(event))
    if event.updated_at:
        vevent.add("last-modified", event.updated_at)
    if event.start_datetime:
        vevent.add("dtstart", event.start_datetime)
        if event.end_datetime:
            vevent.add("dtend", event.end_datetime)
    else:
        vevent.add("dtstart", event.date)
        vevent.add("dtend", event.date + datetime.timedelta(days=1))
    vevent.add("summary", event.title)
    if event.summary:
        vevent.add("description", event.summary)
    if event.full_location:
        vevent.add("location", event.full_location)
    vevent.add("url", request.build_absolute_uri(event.get_absolute_url()))
    vevent.add("status", "TENTATIVE" if event.is_forecast else "CONFIRMED")
    return vevent


def _response(calendar, filename):
    calendar.add_missing_timezones()
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def exportable():
    return TimelineEvent.objects.published().filter(date_precision=DatePrecision.DAY)


def calendar_feed(request):
    calendar = _calendar()
    for event in exportable().chronological():
        calendar.add_component(_event(event, request))
    return _response(calendar, "calendrier-auxois-morvan.ics")


def event_ics(request, slug):
    event = get_object_or_404(TimelineEvent.objects.visible_to(request.user), slug=slug)
    if event.date_precision != DatePrecision.DAY:
        raise Http404("Seule une période est connue pour cette étape : pas de date à exporter.")
    calendar = _calendar()
    calendar.add_component(_event(event, request))
    return _response(calendar, f"{event.slug}.ics")
