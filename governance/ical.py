"""iCalendar (RFC 5545) export of meetings and milestones, with the `icalendar` package.

Only events whose day is known are exported: « 2e semestre 2020 » never becomes a fake day.
Days are exported as all-day events (DTSTART;VALUE=DATE), since no time is published.
"""

import datetime

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from icalendar import Calendar, Event

from .models import DatePrecision, TimelineEvent

UID_DOMAIN = "territoire-industrie-auxois-morvan"


def _calendar():
    calendar = Calendar()
    calendar.add("prodid", f"-//{settings.SITE_NAME}//Calendrier//FR")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", f"Calendrier — {settings.SITE_NAME}")
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    return calendar


def _event(event, request):
    vevent = Event()
    vevent.add("uid", f"{event.slug}@{UID_DOMAIN}")
    vevent.add("dtstamp", event.updated_at or timezone.now())
    vevent.add("dtstart", event.date)
    vevent.add("dtend", event.date + datetime.timedelta(days=1))
    vevent.add("summary", event.title)
    if event.summary:
        vevent.add("description", event.summary)
    if event.location:
        vevent.add("location", event.location)
    vevent.add("url", request.build_absolute_uri(event.get_absolute_url()))
    vevent.add("status", "TENTATIVE" if event.is_forecast else "CONFIRMED")
    return vevent


def _response(calendar, filename):
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def exportable():
    return TimelineEvent.objects.published().filter(date_precision=DatePrecision.DAY)


def calendar_feed(request):
    calendar = _calendar()
    for event in exportable().order_by("date", "order"):
        calendar.add_component(_event(event, request))
    return _response(calendar, "calendrier-auxois-morvan.ics")


def event_ics(request, slug):
    event = get_object_or_404(TimelineEvent.objects.visible_to(request.user), slug=slug)
    if event.date_precision != DatePrecision.DAY:
        raise Http404("Seule une période est connue pour cette étape : pas de date à exporter.")
    calendar = _calendar()
    calendar.add_component(_event(event, request))
    return _response(calendar, f"{event.slug}.ics")
