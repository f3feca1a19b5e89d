"""A Rédacteur schedules a meeting in the admin, in Chromium, and a visitor's calendar gets it."""

import datetime
import re

import icalendar
from django.urls import reverse

from governance.models import TimelineEvent
from tests.crawl import page_text

UTC = datetime.UTC


def save(page):
    page.click("input[name=_save]")
    page.wait_for_url(re.compile(r".*/admin/governance/timelineevent/(\?.*)?$"))
    assert page.locator(".messagelist .success").count() == 1


def test_editor_schedules_a_meeting_then_a_milestone(site, editor_page):
    page = editor_page

    # A meeting with a day, a start and an end time and a place.
    page.goto(site + "/admin/governance/timelineevent/add/")
    page.fill("#id_title", "Comité d'essai")
    page.select_option("#id_kind", "meeting")
    page.check("#id_date_precision_0")  # Jour
    page.fill("#id_exact_date", "11/07/2019")
    page.fill("#id_start_time", "14:00")
    page.fill("#id_end_time", "16:00")
    page.fill("#id_location", "Salle du conseil")
    page.select_option("#id_status", "published")
    save(page)

    # Second visit: the values are back in their fields; the end time changes.
    page.locator("#result_list").get_by_role("link", name="Comité d'essai", exact=True).click()
    assert page.input_value("#id_exact_date") == "11/07/2019"
    assert page.input_value("#id_start_time") == "14:00"
    assert page.input_value("#id_end_time") == "16:00"
    page.fill("#id_end_time", "16 h 30")
    save(page)

    meeting = TimelineEvent.objects.get(title="Comité d'essai")  # slug made by the admin
    public = page_text(page.goto(site + meeting.get_absolute_url()).text())
    assert "jeudi 11 juillet 2019, de 14 h à 16 h 30" in public
    assert "Salle du conseil" in public

    response = page.request.get(site + reverse("governance:event_ics", args=[meeting.slug]))
    assert response.ok
    calendar = icalendar.Calendar.from_ical(response.body())
    [event] = calendar.walk("VEVENT")
    assert event["dtstart"].params["TZID"] == "Europe/Paris"
    assert [str(tz["tzid"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Paris"]
    assert event.decoded("dtstart").astimezone(UTC) == datetime.datetime(
        2019, 7, 11, 12, tzinfo=UTC
    )
    assert event.decoded("dtend").astimezone(UTC) == datetime.datetime(
        2019, 7, 11, 14, 30, tzinfo=UTC
    )
    assert str(event["location"]) == "Salle du conseil"

    # A milestone known only to the semester, typed as year + semester.
    page.goto(site + "/admin/governance/timelineevent/add/")
    page.fill("#id_title", "Étape d'essai")
    page.select_option("#id_kind", "milestone")
    page.check("#id_date_precision_2")  # Semestre
    page.fill("#id_year", "2021")
    page.select_option("#id_semester", "1")
    page.select_option("#id_status", "published")
    save(page)

    milestone = TimelineEvent.objects.get(title="Étape d'essai")
    assert "1er semestre 2021" in page_text(page.goto(site + milestone.get_absolute_url()).text())
    ics = page.request.get(site + reverse("governance:event_ics", args=[milestone.slug]))
    assert ics.status == 404
