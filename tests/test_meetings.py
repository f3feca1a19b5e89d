"""Meetings with times, places and approximate dates: admin, pages, .ics, JSON-LD, open data."""

import datetime
import json
import re

import icalendar
import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from governance.models import TimelineEvent

from . import builders
from .crawl import page_text
from .forms import form_data
from .test_opendata import read_csv
from .test_reach import json_ld

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:governance_timelineevent_add")
PARIS = datetime.timezone(datetime.timedelta(hours=2))  # summer time, as in July
UTC = datetime.UTC


def timed_meeting(**kw):
    kw.setdefault("title", "Comité d'essai")
    kw.setdefault("date", datetime.date(2019, 7, 11))
    kw.setdefault("start_time", datetime.time(14))
    kw.setdefault("end_time", datetime.time(16, 30))
    kw.setdefault("location", "Salle du conseil")
    kw.setdefault("address", "1 rue de l'Essai, 21000 Ville-d'Essai")
    return builders.event(**kw)


def change_url(event):
    return reverse("admin:governance_timelineevent_change", args=[event.pk])


# Model rules


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        (
            {"date_precision": "semester", "start_time": datetime.time(14)},
            "start_time",
            "jour précis",
        ),
        ({"end_time": datetime.time(16)}, "end_time", "heure de début"),
        (
            {"start_time": datetime.time(16), "end_time": datetime.time(14)},
            "end_time",
            "après l'heure de début",
        ),
        (
            {"start_time": datetime.time(14), "end_time": datetime.time(14)},
            "end_time",
            "après l'heure de début",
        ),
    ],
    ids=["time-on-a-semester", "end-without-start", "end-before-start", "end-equals-start"],
)
def test_times_are_validated_in_french(fields, field, message):
    event = TimelineEvent(
        title="Comité", slug="comite", kind="meeting", date=datetime.date(2019, 7, 11), **fields
    )
    with pytest.raises(ValidationError) as excinfo:
        event.full_clean()
    errors = excinfo.value.message_dict
    assert list(errors) == [field]
    assert message in errors[field][0]


def test_a_day_with_start_and_end_times_is_valid():
    event = timed_meeting()
    event.full_clean()
    assert event.start_datetime == datetime.datetime(2019, 7, 11, 14, tzinfo=PARIS)


# Admin form


def submit(client, url, **values):
    """Post the page's form as a browser would, with `values` typed in."""
    data = form_data(client.get(url).text)
    data.update(values)
    return client.post(url, data)


PRECISIONS = [
    # precision, what the editor types, stored date, label, fields shown back
    (
        "day",
        {"exact_date": "11/07/2019", "start_time": "14 h", "end_time": "16h30"},
        datetime.date(2019, 7, 11),
        "11 juillet 2019",
        {"exact_date": "11/07/2019", "start_time": "14:00", "end_time": "16:30", "year": ""},
    ),
    (
        "month",
        {"year": "2021", "month": "3"},
        datetime.date(2021, 3, 1),
        "mars 2021",
        {"year": "2021", "month": "3", "semester": "", "exact_date": ""},
    ),
    (
        "semester",
        {"year": "2021", "semester": "1"},
        datetime.date(2021, 1, 1),
        "1er semestre 2021",
        {"year": "2021", "semester": "1", "month": "", "exact_date": ""},
    ),
    (
        "semester",
        {"year": "2020", "semester": "2"},
        datetime.date(2020, 7, 1),
        "2e semestre 2020",
        {"year": "2020", "semester": "2"},
    ),
    (
        "year",
        {"year": "2019"},
        datetime.date(2019, 1, 1),
        "2019",
        {"year": "2019", "month": "", "semester": "", "exact_date": ""},
    ),
]


@pytest.mark.parametrize(
    ("precision", "typed", "date", "label", "shown"),
    PRECISIONS,
    ids=["day", "month", "semester-1", "semester-2", "year"],
)
def test_editor_adds_then_edits_again_an_event_of_each_precision(
    editor_client, precision, typed, date, label, shown
):
    response = submit(
        editor_client,
        ADD_URL,
        title="Étape d'essai",
        slug="etape-d-essai",
        kind="milestone",
        date_precision=precision,
        **typed,
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    event = TimelineEvent.objects.get(slug="etape-d-essai")
    assert (event.date, event.date_precision, event.date_label) == (date, precision, label)

    # Second visit: the values come back in the fields the editor typed them in.
    page = editor_client.get(change_url(event)).text
    values = form_data(page)
    assert {name: values[name] for name in shown} == shown
    assert values["date_precision"] == precision

    # Saving it again unchanged keeps the same date.
    response = submit(editor_client, change_url(event), title="Étape d'essai modifiée")
    assert response.status_code == 302
    event.refresh_from_db()
    assert (event.title, event.date, event.date_precision) == (
        "Étape d'essai modifiée",
        date,
        precision,
    )


def test_changing_the_precision_on_a_second_visit_recomputes_the_date(editor_client):
    event = timed_meeting(start_time=None, end_time=None)
    response = submit(
        editor_client, change_url(event), date_precision="semester", year="2021", semester="1"
    )
    assert response.status_code == 302
    event.refresh_from_db()
    assert (event.date, event.date_label) == (datetime.date(2021, 1, 1), "1er semestre 2021")


def test_editing_the_end_time_on_a_second_visit(editor_client):
    event = timed_meeting()
    response = submit(editor_client, change_url(event), end_time="17:15")
    assert response.status_code == 302
    event.refresh_from_db()
    assert (event.start_time, event.end_time) == (datetime.time(14), datetime.time(17, 15))
    assert event.date == datetime.date(2019, 7, 11)


@pytest.mark.parametrize(
    ("typed", "field", "message"),
    [
        (
            {"date_precision": "semester", "year": "2021"},
            "semester",
            "Indiquez le semestre (1er ou 2e)",
        ),
        ({"date_precision": "month", "month": "3"}, "year", "Indiquez l'année."),
        ({"date_precision": "month", "year": "2021"}, "month", "Indiquez le mois"),
        ({"date_precision": "day", "year": "2021"}, "exact_date", "Indiquez la date exacte"),
        (
            {"date_precision": "year", "year": "2021", "start_time": "14:00"},
            "start_time",
            "Une heure ne s'indique que pour un jour précis",
        ),
        (
            {"exact_date": "11/07/2019", "end_time": "16:00"},
            "end_time",
            "Indiquez aussi l'heure de début",
        ),
        (
            {"exact_date": "11/07/2019", "start_time": "16:00", "end_time": "14:00"},
            "end_time",
            "L'heure de fin doit être après l'heure de début.",
        ),
        ({"exact_date": "11/07/2019", "start_time": "25 h"}, "start_time", "une heure valide"),
        ({"exact_date": "31/02/2019"}, "exact_date", "Saisissez une date valide"),
        ({"date_precision": "year", "year": "deux mille"}, "year", "Saisissez un nombre entier"),
        ({"date_precision": "year", "year": "1789"}, "year", "supérieure ou égale à 1990"),
    ],
    ids=[
        "semester-missing", "year-missing", "month-missing", "day-missing", "time-on-a-year",
        "end-without-start", "end-before-start", "bad-time", "bad-date", "bad-year", "old-year",
    ],
)  # fmt: skip
def test_bad_dates_get_a_french_error_on_the_right_field_and_lose_nothing(
    editor_client, typed, field, message
):
    response = submit(
        editor_client, ADD_URL, title="Réunion à corriger", slug="reunion-a-corriger",
        kind="meeting", location="Salle du conseil", **typed,
    )  # fmt: skip
    assert response.status_code == 200
    form = response.context["adminform"].form
    assert list(form.errors) == [field]
    assert message in form.errors[field][0]
    assert not TimelineEvent.objects.filter(slug="reunion-a-corriger").exists()
    kept = form_data(response.text)  # what was typed is still there to correct
    assert (kept["title"], kept["location"]) == ("Réunion à corriger", "Salle du conseil")


def test_date_fields_are_grouped_with_help_and_the_list_still_works(seeded, editor_client):
    page = editor_client.get(ADD_URL).text
    date_fieldset = page.split('fieldset-heading">Date</h2>')[1].split("</fieldset>\n\n")[0]
    for label in ["Date exacte", "Année", "Mois", "Semestre", "Heure de début", "Heure de fin"]:
        assert label in date_fieldset
    assert "Pour la précision « Semestre » seulement" in date_fieldset
    assert "1er semestre (janvier à juin)" in date_fieldset
    changelist = reverse("admin:governance_timelineevent_changelist")
    listing = editor_client.get(changelist, {"date_precision": "semester"})
    assert listing.status_code == 200
    assert "2e semestre 2020" in page_text(listing.text)
    assert editor_client.get(changelist, {"date__year": "2019"}).status_code == 200


# Public pages


def test_meeting_page_shows_day_times_place_and_address(client):
    event = timed_meeting()
    html = client.get(event.get_absolute_url()).text
    text = page_text(html)
    assert "jeudi 11 juillet 2019, de 14 h à 16 h 30" in text
    assert "Lieu Salle du conseil" in text
    assert "Adresse 1 rue de l'Essai, 21000 Ville-d'Essai" in text
    assert '<time datetime="2019-07-11T14:00:00+02:00">' in html
    assert '<time datetime="2019-07-11T16:30:00+02:00">' in html


@pytest.mark.parametrize(
    ("fields", "shown", "machine"),
    [
        ({"end_time": None}, "jeudi 11 juillet 2019 à 14 h ", "2019-07-11T14:00:00+02:00"),
        (
            {"date": datetime.date(2019, 12, 19), "start_time": datetime.time(9, 5)},
            "jeudi 19 décembre 2019, de 9 h 05 à 16 h 30",
            "2019-12-19T09:05:00+01:00",
        ),
        ({"start_time": None, "end_time": None}, "jeudi 11 juillet 2019 ", "2019-07-11"),
    ],
    ids=["start-only", "winter", "day-alone"],
)
def test_meeting_time_variants_on_the_timeline(client, fields, shown, machine):
    timed_meeting(**fields)
    html = client.get(reverse("governance:timeline")).text
    assert shown in page_text(html)
    assert f'<time datetime="{machine}">' in html


def test_approximate_date_shows_no_time_and_no_day(client):
    builders.event(title="Étape d'essai", date=datetime.date(2021, 1, 1), date_precision="semester")
    html = client.get(reverse("governance:timeline")).text
    assert "1er semestre 2021" in page_text(html)
    assert "<time" not in html.split("1er semestre 2021")[0].rsplit("<li", 1)[1]


# iCalendar


def ics(client, event):
    response = client.get(reverse("governance:event_ics", args=[event.slug]))
    assert response.status_code == 200
    calendar = icalendar.Calendar.from_ical(response.content)
    [vevent] = calendar.walk("VEVENT")
    return calendar, vevent


def test_ics_carries_paris_times_with_their_time_zone(client):
    event = timed_meeting()
    changed = datetime.datetime(2024, 5, 2, 10, 0, 7, 123456, tzinfo=UTC)
    TimelineEvent.objects.filter(pk=event.pk).update(updated_at=changed)  # no auto_now
    calendar, vevent = ics(client, event)

    assert vevent["dtstart"].params["TZID"] == "Europe/Paris"
    assert vevent["dtend"].params["TZID"] == "Europe/Paris"
    [timezone] = calendar.walk("VTIMEZONE")
    assert str(timezone["tzid"]) == "Europe/Paris"
    start, end = vevent.decoded("dtstart"), vevent.decoded("dtend")
    assert start.astimezone(UTC) == datetime.datetime(2019, 7, 11, 12, tzinfo=UTC)
    assert end.astimezone(UTC) == datetime.datetime(2019, 7, 11, 14, 30, tzinfo=UTC)
    assert vevent.decoded("dtstamp") == changed.replace(microsecond=0)
    assert vevent.decoded("last-modified") == changed.replace(microsecond=0)
    assert str(vevent["location"]) == "Salle du conseil, 1 rue de l'Essai, 21000 Ville-d'Essai"


def test_ics_without_end_time_invents_none(client):
    _, vevent = ics(client, timed_meeting(end_time=None))
    assert vevent.decoded("dtstart").astimezone(UTC).hour == 12
    assert "DTEND" not in vevent
    assert "DURATION" not in vevent


def test_ics_without_time_is_a_whole_day(client):
    calendar, vevent = ics(client, timed_meeting(start_time=None, end_time=None, address=""))
    assert vevent.decoded("dtstart") == datetime.date(2019, 7, 11)
    assert vevent.decoded("dtend") == datetime.date(2019, 7, 12)
    assert not calendar.walk("VTIMEZONE")
    assert str(vevent["location"]) == "Salle du conseil"


def test_calendar_feed_mixes_timed_and_whole_day_events_without_approximate_ones(seeded, client):
    timed_meeting(slug="comite-d-essai")
    response = client.get(reverse("governance:calendar_feed"))
    calendar = icalendar.Calendar.from_ical(response.content)
    assert [str(tz["tzid"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Paris"]
    events = {str(e["uid"]).split("@")[0]: e for e in calendar.walk("VEVENT")}
    assert events["comite-d-essai"]["dtstart"].params["TZID"] == "Europe/Paris"
    assert events["comite-de-projet-24-septembre-2019"].decoded("dtstart") == datetime.date(
        2019, 9, 24
    )
    assert "contractualisation-2e-semestre-2020" not in events
    # Fixture content has no change date: its stamp is stable, not the time of the request.
    assert events["comite-de-projet-24-septembre-2019"].decoded("dtstamp").year == 2019


# JSON-LD


def test_event_json_ld_has_times_with_offset_and_a_postal_address(client):
    event = timed_meeting()
    [data] = [
        d for d in json_ld(client.get(event.get_absolute_url()).text) if d["@type"] == "Event"
    ]
    assert data["startDate"] == "2019-07-11T14:00:00+02:00"
    assert data["endDate"] == "2019-07-11T16:30:00+02:00"
    assert data["location"] == {
        "@type": "Place",
        "name": "Salle du conseil",
        "address": {
            "@type": "PostalAddress",
            "streetAddress": "1 rue de l'Essai",
            "postalCode": "21000",
            "addressLocality": "Ville-d'Essai",
            "addressCountry": "FR",
        },
    }


def test_event_json_ld_without_time_or_address(client):
    event = timed_meeting(start_time=None, end_time=None, address="")
    [data] = [
        d for d in json_ld(client.get(event.get_absolute_url()).text) if d["@type"] == "Event"
    ]
    assert (data["startDate"], data["endDate"]) == ("2019-07-11", "2019-07-11")
    assert data["location"] == {"@type": "Place", "name": "Salle du conseil"}


# Open data


def test_open_data_has_documented_time_and_address_columns(client):
    timed_meeting(slug="comite-d-essai")
    builders.event(slug="etape-d-essai", date=datetime.date(2021, 1, 1), date_precision="year")
    rows = {r["slug"]: r for r in read_csv(client.get("/donnees-ouvertes/reunions.csv"))}
    meeting = rows["comite-d-essai"]
    assert (meeting["heure_debut"], meeting["heure_fin"]) == ("14:00", "16:30")
    assert meeting["adresse"] == "1 rue de l'Essai, 21000 Ville-d'Essai"
    assert (rows["etape-d-essai"]["heure_debut"], rows["etape-d-essai"]["adresse"]) == ("", "")
    data = json.loads(client.get("/donnees-ouvertes/reunions.json").content)
    [row] = [d for d in data["donnees"] if d["slug"] == "comite-d-essai"]
    assert (row["heure_debut"], row["heure_fin"]) == ("14:00", "16:30")
    doc = client.get("/donnees-ouvertes/").text
    for field in ["heure_debut", "heure_fin", "adresse"]:
        assert f"<code>{field}</code>" in doc
    assert "heure de Paris" in doc


def test_an_earlier_version_with_its_date_and_times_can_be_restored(editor_client):
    event = timed_meeting()
    submit(editor_client, change_url(event), end_time="17:00")
    submit(editor_client, change_url(event), date_precision="year", year="2020", start_time="",
           end_time="")  # fmt: skip
    event.refresh_from_db()
    assert (event.date_label, event.start_time) == ("2020", None)
    first = event.history.filter(end_time=datetime.time(17)).latest()

    restore_url = reverse(
        "admin:governance_timelineevent_simple_history", args=[event.pk, first.history_id]
    )
    page = editor_client.get(restore_url).text
    shown = form_data(page, "historicaltimelineevent_form")
    assert (shown["exact_date"], shown["end_time"]) == ("11/07/2019", "17:00")
    assert editor_client.post(restore_url, shown).status_code == 302
    event.refresh_from_db()
    assert (event.date, event.date_precision) == (datetime.date(2019, 7, 11), "day")
    assert (event.start_time, event.end_time) == (datetime.time(14), datetime.time(17))


def test_timeline_does_not_repeat_the_year_under_its_heading(seeded, client):
    """Under the « 2019 » heading, an entry known only by its year says so, not « 2019 »."""
    html = client.get(reverse("governance:timeline")).text
    section = html.split('<h3 class="timeline__year">2019</h3>')[1].split("</ol>")[0]
    dates = re.findall(r'<p class="timeline__date">(.*?)</p>', section, re.S)
    labels = [re.sub(r"<[^>]+>", "", d).strip() for d in dates]
    assert "2019" not in labels
    assert "Au cours de l'année" in labels


def test_the_three_2019_project_committees_do_not_repeat_one_sentence(seeded):
    summaries = list(
        TimelineEvent.objects.filter(slug__startswith="comite-de-projet-").values_list(
            "summary", flat=True
        )
    )
    assert len(summaries) == 3
    assert len(set(summaries)) == 3
