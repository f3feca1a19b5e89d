"""Accountability: a project's milestones, funding and meetings, progress by status, and pages
that always lead somewhere (issue 13, items 3 and 4)."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from core.publishing import Status
from governance.models import TimelineEvent
from projects.models import PriorityLever, Project, ProjectFunder, ProjectMilestone

from . import builders
from .crawl import page_text
from .forms import form_data
from .test_opendata import read_csv

pytestmark = pytest.mark.django_db

NNBSP, NBSP = "\u202f", "\u00a0"


@pytest.fixture(autouse=True)
def no_page_cache(settings):
    """Pages rendered each time: what changes with the day must change on the page."""
    settings.PAGE_CACHE_SECONDS = 0


def project_change_url(project):
    return reverse("admin:projects_project_change", args=[project.pk])


def meeting_change_url(event):
    return reverse("admin:governance_timelineevent_change", args=[event.pk])


def examined_projects_prefix(client, url):
    """The form prefix of the meeting screen's « projets examinés » inline."""
    return next(
        f.formset.prefix
        for f in client.get(url).context["inline_admin_formsets"]
        if f.opts.model is Project.meetings.through
    )


def submit(client, url, form_id, **values):
    """Post the admin form as the page shows it, with `values` typed in."""
    data = form_data(client.get(url).text, form_id) | values
    return client.post(url, data)


def new_rows(prefix, *rows):
    """Inline rows added with « Ajouter … », as the browser posts them."""
    values = {f"{prefix}-TOTAL_FORMS": str(len(rows))}
    for i, row in enumerate(rows):
        values |= {f"{prefix}-{i}-{name}": value for name, value in row.items()}
    return values


def milestone(project, label, date, state="expected", precision="day", **kw):
    return ProjectMilestone.objects.create(
        project=project, label=label, date=date, date_precision=precision, state=state, **kw
    )


def text_of(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return page_text(response.text)


# Milestones


def test_project_page_shows_milestones_as_a_timeline_and_an_overdue_one_as_to_confirm(client):
    today = timezone.localdate()
    project = builders.project(title="Tiers-lieu d'essai")
    milestone(project, "Étude de faisabilité", datetime.date(2019, 9, 1), "done", "month")
    milestone(project, "Travaux", datetime.date(2020, 7, 1), precision="semester")
    milestone(project, "Ouverture au public", today.replace(year=today.year + 1))

    text = text_of(client, project.get_absolute_url())

    assert "Étapes du projet" in text
    assert "septembre 2019 réalisée Étude de faisabilité" in text
    # Expected in the 2nd semester of 2020, which is over: past, to be confirmed.
    assert "2e semestre 2020 date dépassée, à confirmer Travaux" in text
    assert "prévue Travaux" not in text
    assert "prévue Ouverture au public" in text
    assert text.index("Étude de faisabilité") < text.index("Travaux") < text.index("Ouverture")


def test_an_expected_milestone_turns_to_confirm_the_day_after_its_period(client, monkeypatch):
    """No one edits anything: the next day, the same page says « à confirmer »."""
    today = timezone.localdate()
    project = builders.project()
    milestone(project, "Signature de la convention", today)
    assert "prévue Signature de la convention" in text_of(client, project.get_absolute_url())

    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: today + datetime.timedelta(1))
    text = text_of(client, project.get_absolute_url())
    assert "date dépassée, à confirmer Signature de la convention" in text


def test_a_project_with_nothing_recorded_shows_no_empty_sections(client):
    project = builders.project()
    text = text_of(client, project.get_absolute_url())
    for heading in ["Étapes du projet", "Financement", "Examen en réunion", "Coût total"]:
        assert heading not in text


def test_editor_adds_milestones_of_any_precision_in_the_project_admin(editor_client):
    project = builders.project()
    response = submit(
        editor_client,
        project_change_url(project),
        "project_form",
        **new_rows(
            "milestones",
            {
                "order": "0",
                "label": "Dépôt du dossier",
                "state": "done",
                "date_precision": "day",
                "exact_date": "11/07/2019",
            },
            {
                "order": "0",
                "label": "Mise en service",
                "state": "expected",
                "date_precision": "semester",
                "year": "2031",
                "semester": "2",
            },
        ),
    )
    assert response.status_code == 302
    stored = [(m.label, m.date, m.date_label) for m in project.milestones.all()]
    assert stored == [
        ("Dépôt du dossier", datetime.date(2019, 7, 11), "11 juillet 2019"),
        ("Mise en service", datetime.date(2031, 7, 1), "2e semestre 2031"),
    ]
    # The form shows back what was typed, as the precision asks.
    values = form_data(editor_client.get(project_change_url(project)).text, "project_form")
    assert values["milestones-0-exact_date"] == "11/07/2019"
    assert (values["milestones-1-year"], values["milestones-1-semester"]) == ("2031", "2")


@pytest.mark.parametrize(
    ("typed", "field", "message"),
    [
        ({"date_precision": "semester", "year": "2021"}, "semester", "Indiquez le semestre"),
        ({"date_precision": "day"}, "exact_date", "Indiquez la date exacte"),
        (
            {"date_precision": "year", "year": "2099", "state": "done"},
            "state",
            "Une étape réalisée ne peut pas être datée dans le futur",
        ),
    ],
)
def test_milestone_errors_are_french_and_nothing_is_saved(editor_client, typed, field, message):
    project = builders.project()
    values = new_rows("milestones", {"order": "0", "label": "Étape", "state": "expected", **typed})
    response = submit(editor_client, project_change_url(project), "project_form", **values)
    assert response.status_code == 200
    assert message in page_text(response.text)
    [formset] = [
        f for f in response.context["inline_admin_formsets"] if f.formset.prefix == "milestones"
    ]
    assert field in formset.formset.errors[0]
    assert not project.milestones.exists()


def test_editor_may_remove_a_milestone_entered_by_mistake(editor_client):
    project = builders.project()
    wrong = milestone(project, "Étape saisie par erreur", datetime.date(2019, 1, 1))
    response = submit(
        editor_client,
        project_change_url(project),
        "project_form",
        **{"milestones-0-DELETE": "on"},
    )
    assert response.status_code == 302
    assert not ProjectMilestone.objects.filter(pk=wrong.pk).exists()


# Funding


def test_project_page_shows_cost_and_funders_in_french_currency_without_a_remainder(client):
    project = builders.project(total_cost=Decimal("1250000"))
    ProjectFunder.objects.create(project=project, name="État", amount=Decimal("500000"), order=1)
    ProjectFunder.objects.create(project=project, name="Région", amount=Decimal("2500.50"), order=2)
    ProjectFunder.objects.create(project=project, name="Europe", order=3)

    response = client.get(project.get_absolute_url())
    assert f"1{NNBSP}250{NNBSP}000{NBSP}€" in response.text
    text = page_text(response.text)
    assert "Coût total annoncé : 1 250 000 €" in text
    assert "État 500 000 €" in text
    assert "Région 2 500,50 €" in text
    assert "Europe non communiqué" in text
    # What is recorded, and nothing computed from it: no « reste à financer ».
    assert "747 499,50" not in text and "reste" not in text.lower()


def test_funders_alone_are_shown_without_a_total_cost(client):
    project = builders.project()
    ProjectFunder.objects.create(project=project, name="Département", amount=Decimal("30000"))
    text = text_of(client, project.get_absolute_url())
    assert "Département 30 000 €" in text
    assert "Coût total" not in text


def funding_values(total, *amounts):
    funders = [{"order": "0", "name": f"Financeur {i}", "amount": a} for i, a in enumerate(amounts)]
    return {"total_cost": total, **new_rows("funders", *funders)}


def test_funders_cannot_add_up_to_more_than_the_total_cost(editor_client):
    project = builders.project()
    url = project_change_url(project)
    response = submit(editor_client, url, "project_form", **funding_values("1000", "600", "500"))
    assert response.status_code == 200
    assert (
        "Les montants des financeurs (1 100 € au total) dépassent le coût total du projet "
        "(1 000 €)" in page_text(response.text)
    )
    project.refresh_from_db()
    assert project.total_cost is None and not project.funders.exists()

    response = submit(editor_client, url, "project_form", **funding_values("1000", "600", "400"))
    assert response.status_code == 302
    project.refresh_from_db()
    assert project.total_cost == Decimal("1000")
    assert [f.amount for f in project.funders.all()] == [Decimal("600"), Decimal("400")]


def test_unknown_amounts_and_no_total_cost_are_accepted(editor_client):
    project = builders.project()
    response = submit(
        editor_client, project_change_url(project), "project_form", **funding_values("", "", "5")
    )
    assert response.status_code == 302
    assert [f.amount for f in project.funders.all()] == [None, Decimal("5")]


# Meetings and projects, both ways


def test_meeting_page_lists_its_published_projects_and_project_page_its_meetings(client):
    meeting = builders.event(title="Comité de projet", date=datetime.date(2019, 7, 11))
    later = builders.event(
        title="Comité de projet", slug="comite-2", date=datetime.date(2019, 9, 24)
    )
    draft_meeting = builders.event(title="Réunion en préparation", status=Status.DRAFT)
    shown = builders.project(title="Filière d'essai")
    hidden = builders.project(title="Projet encore en brouillon", status=Status.DRAFT)
    shown.meetings.set([later, meeting, draft_meeting])
    hidden.meetings.set([meeting])

    text = text_of(client, meeting.get_absolute_url())
    assert "Projet examiné" in text
    assert "Filière d'essai" in text
    assert "Projet encore en brouillon" not in text

    text = text_of(client, shown.get_absolute_url()).replace(" ,", ",")
    assert "Examen en réunion" in text
    assert "Comité de projet, jeudi 11 juillet 2019" in text
    assert "Comité de projet, mardi 24 septembre 2019" in text
    assert text.index("11 juillet 2019") < text.index("24 septembre 2019")
    assert "Réunion en préparation" not in text
    assert meeting.get_absolute_url() in client.get(shown.get_absolute_url()).text


def test_a_meeting_without_projects_says_nothing_about_them(client):
    meeting = builders.event()
    assert "examiné" not in text_of(client, meeting.get_absolute_url())


def test_editor_links_meetings_from_the_project_admin_and_history_keeps_them(editor_client):
    meeting = builders.event(title="Comité de projet")
    milestone_event = builders.event(title="Signature", kind="milestone")
    project = builders.project()
    url = project_change_url(project)

    response = submit(editor_client, url, "project_form", meetings=[str(milestone_event.pk)])
    assert response.status_code == 200  # a milestone examines nothing
    assert "Sélectionnez un choix valide" in page_text(response.text)

    response = submit(editor_client, url, "project_form", meetings=[str(meeting.pk)])
    assert response.status_code == 302
    assert list(project.meetings.all()) == [meeting]
    assert [m.timelineevent for m in project.history.latest().meetings.all()] == [meeting]
    assert "Comité de projet" in text_of(editor_client, project.get_absolute_url())


def test_the_meetings_autocomplete_offers_only_meetings(editor_client):
    builders.event(title="Comité de projet")
    builders.event(title="Comité signé", kind="milestone")
    response = editor_client.get(
        reverse("admin:autocomplete"),
        {
            "app_label": "projects",
            "model_name": "project",
            "field_name": "meetings",
            "term": "Comit",
        },
    )
    assert response.status_code == 200
    assert [r["text"] for r in response.json()["results"]] == ["Comité de projet (11 juillet 2019)"]


def test_editor_links_projects_from_the_meeting_admin(editor_client, client):
    meeting = builders.event(title="Comité de projet")
    project = builders.project(title="Projet examiné en comité")
    url = meeting_change_url(meeting)
    page = editor_client.get(url).text
    assert "Projets examinés lors de cette réunion" in page_text(page)
    assert '<th class="column-project required">Projet' in page
    prefix = examined_projects_prefix(editor_client, url)

    response = submit(
        editor_client,
        url,
        "timelineevent_form",
        **new_rows(prefix, {"project": str(project.pk)}),
    )
    assert response.status_code == 302
    assert list(meeting.examined_projects.all()) == [project]
    assert "Projet examiné en comité" in text_of(client, meeting.get_absolute_url())
    assert f";{project.slug};" in client.get("/donnees-ouvertes/reunions.csv").text
    assert "Projet examiné en comité" in page_text(editor_client.get(url).text)

    response = submit(editor_client, url, "timelineevent_form", **{f"{prefix}-0-DELETE": "on"})
    assert response.status_code == 302  # a Rédacteur may unlink a project
    assert not meeting.examined_projects.exists()


def test_the_meeting_side_finds_projects_by_search(editor_client):
    """The meeting screen's project field searches projects, as the project screen does."""
    builders.project(title="Biscuiterie d'essai")
    builders.project(title="Autre projet")
    response = editor_client.get(
        reverse("admin:autocomplete"),
        {
            "app_label": "projects",
            "model_name": Project.meetings.through._meta.model_name,
            "field_name": "project",
            "term": "biscuit",
        },
    )
    assert response.status_code == 200
    assert [r["text"] for r in response.json()["results"]] == ["Biscuiterie d'essai"]


def test_project_history_says_which_meetings_were_added_or_removed(editor_client):
    meeting = builders.event(title="Comité de projet")
    project = builders.project()
    submit(editor_client, project_change_url(project), "project_form", meetings=[str(meeting.pk)])
    submit(editor_client, project_change_url(project), "project_form", meetings=[])
    history = reverse("admin:projects_project_history", args=[project.pk])
    text = text_of(editor_client, history)
    field = "Réunions qui ont examiné le projet"
    assert f"{field} : (vide) → Comité de projet (11 juillet 2019)" in text
    assert f"{field} : Comité de projet (11 juillet 2019) → (vide)" in text


def test_the_dashboard_lists_expected_milestones_whose_date_is_past(editor_client):
    project = builders.project(title="Tiers-lieu")
    milestone(project, "Ouverture", datetime.date(2020, 7, 1), precision="semester")
    milestone(project, "Étude", datetime.date(2019, 3, 1), "done", "month")
    milestone(project, "Inauguration", timezone.localdate())  # not over yet
    html = editor_client.get("/admin/").text
    todo = page_text(html[html.index('id="a-completer"') :])
    assert (
        "Étape prévue dont la date est passée : « Ouverture » (2e semestre 2020), "
        "projet « Tiers-lieu »" in todo
    )
    assert "« Étude »" not in todo and "« Inauguration »" not in todo
    assert project_change_url(project) in html


def test_only_a_meeting_examines_projects_in_the_admin(editor_client):
    event = builders.event(title="Signature du protocole", kind="milestone")
    assert "Projets examinés" not in page_text(editor_client.get(meeting_change_url(event)).text)

    meeting = builders.event()
    project = builders.project()
    url = meeting_change_url(meeting)
    prefix = examined_projects_prefix(editor_client, url)
    response = submit(
        editor_client,
        url,
        "timelineevent_form",
        kind="milestone",
        **new_rows(prefix, {"project": str(project.pk)}),
    )
    assert response.status_code == 200
    assert "Seule une réunion examine des projets" in page_text(response.text)
    meeting.refresh_from_db()
    assert meeting.kind == "meeting" and not meeting.examined_projects.exists()


# Progress by status


def follow_count(client, url):
    """The number of project cards the project list shows at `url`."""
    return client.get(url).text.count('class="card__title"')


def test_home_page_shows_progress_by_status_each_linking_to_its_projects(client):
    builders.project(project_status="presented")
    builders.project(project_status="presented")
    builders.project(project_status="completed")
    builders.project(project_status="in_progress", status=Status.DRAFT)

    response = client.get("/")
    text = page_text(response.text)
    assert "Avancement des projets" in text
    assert "2 projets présentés" in text
    assert "1 projet réalisé" in text
    assert "En cours" not in text and "Retenu au contrat" not in text  # nothing to count
    assert 'href="/projets/?etat=presented"' in response.text
    assert follow_count(client, "/projets/?etat=presented") == 2
    assert follow_count(client, "/projets/?etat=completed") == 1


def test_home_page_says_nothing_of_progress_without_projects(client):
    assert "Avancement des projets" not in text_of(client, "/")


def test_lever_page_shows_its_progress_by_status(client):
    lever = builders.lever(title="Levier d'essai")
    builders.project(lever=lever, project_status="retained")
    builders.project(lever=lever, project_status="retained")
    builders.project(project_status="completed")  # another lever's

    response = client.get(lever.get_absolute_url())
    text = page_text(response.text)
    assert "2 projets retenus au contrat" in text
    assert "Réalisé" not in text
    link = f"/projets/?levier={lever.slug}&amp;etat=retained"
    assert f'href="{link}"' in response.text
    assert follow_count(client, link.replace("&amp;", "&")) == 2


# No dead ends


def test_a_lever_without_projects_says_so_and_leads_to_those_without_a_lever(client):
    empty = builders.lever(title="Levier sans projet")
    builders.project(title="Sans levier 1")
    builders.project(title="Sans levier 2")

    response = client.get(empty.get_absolute_url())
    text = page_text(response.text)
    assert "Aucun projet publié n'est encore rattaché à ce levier." in text
    assert "Les 2 projets dont le levier n'est pas précisé" in text
    assert 'href="/projets/?levier=non-precise"' in response.text
    assert follow_count(client, "/projets/?levier=non-precise") == 2


def test_seeded_levers_without_projects_lead_to_the_unassigned_projects(seeded, client):
    for url in ["/", "/priorites/", "/priorites/attractivite-formations-recrutements/"]:
        response = client.get(url)
        assert "Les 6 projets dont le levier n'est pas précisé" in page_text(response.text), url
        assert 'href="/projets/?levier=non-precise"' in response.text
    assert "0 projet" not in text_of(client, "/priorites/")
    assert follow_count(client, "/projets/?levier=non-precise") == 6


def test_lever_one_leads_to_the_employment_and_training_working_group(seeded, client):
    response = client.get("/priorites/attractivite-formations-recrutements/")
    group = "/gouvernance/instances/groupe-de-travail-emplois-et-formations/"
    assert f'href="{group}"' in response.text
    assert "Pour aller plus loin : Groupe de travail « emplois et formations »" in page_text(
        response.text
    )
    assert client.get(group).status_code == 200
    other = client.get("/priorites/territoire-numerique-4-0/")
    assert group not in other.text


def test_a_draft_working_group_is_not_linked(client):
    group = builders.body(name="Groupe en préparation", status=Status.DRAFT)
    lever = builders.lever(working_group=group)
    assert "Groupe en préparation" not in text_of(client, lever.get_absolute_url())


def test_editor_sets_a_lever_working_group_in_the_admin(editor_client):
    group = builders.body(name="Groupe d'essai")
    lever = builders.lever()
    url = reverse("admin:projects_prioritylever_change", args=[lever.pk])
    response = submit(editor_client, url, "prioritylever_form", working_group=str(group.pk))
    assert response.status_code == 302
    lever.refresh_from_db()
    assert lever.working_group == group


def test_the_national_scheme_page_leads_on(seeded, client):
    response = client.get("/dispositif-national/")
    text = page_text(response.text)
    assert "Pour aller plus loin" in text
    for href in ["/ou-en-est-on/", "/priorites/", "/projets/", "/gouvernance/"]:
        assert f'href="{href}"' in response.text, href
    further = response.text.split("Pour aller plus loin")[1]
    assert 'href="/dispositif-national/"' not in further  # not itself
    assert 'href="/"' not in further  # nor the home page, linked from every page
    assert "Pour aller plus loin" not in text_of(client, "/donnees-personnelles/")  # footer page


def test_the_seed_records_no_milestone_funding_or_meeting_link(seeded, client):
    """The source says nothing of them: the fixtures record none, the pages show none."""
    assert not ProjectMilestone.objects.exists()
    assert not ProjectFunder.objects.exists()
    assert not Project.objects.exclude(total_cost=None).exists()
    assert not Project.meetings.through.objects.exists()
    text = text_of(client, "/projets/filiere-sarrasin-bio/")
    assert "Étapes du projet" not in text and "Financement" not in text
    lever = PriorityLever.objects.get(number=1)
    assert lever.working_group.slug == "groupe-de-travail-emplois-et-formations"
    assert PriorityLever.objects.filter(working_group__isnull=False).count() == 1


# Open data


def accountable_project(n, meetings):
    project = builders.project(
        title=f"Projet suivi {n}", slug=f"projet-suivi-{n}", total_cost=Decimal("1000")
    )
    milestone(project, "Lancement", datetime.date(2019, 3, 1), "done", "month")
    milestone(project, "Fin des travaux", datetime.date(2020, 1, 1), precision="year")
    ProjectFunder.objects.create(project=project, name="État", amount=Decimal("600"), order=1)
    ProjectFunder.objects.create(project=project, name="Europe", order=2)
    project.meetings.set(meetings)
    return project


def test_projects_export_carries_milestones_cost_funding_and_meetings(client):
    first = builders.event(slug="comite-11-juillet", date=datetime.date(2019, 7, 11))
    second = builders.event(slug="comite-2e-semestre", date=datetime.date(2020, 7, 1))
    TimelineEvent.objects.filter(pk=second.pk).update(date_precision="semester")
    project = accountable_project(1, [second, first])
    bare = builders.project(title="Sans suivi")

    rows = {r["slug"]: r for r in client.get("/donnees-ouvertes/projets.json").json()["donnees"]}
    row = rows[project.slug]
    assert row["etapes"] == (
        "mars 2019 : Lancement (réalisée) | 2020 : Fin des travaux (date dépassée, à confirmer)"
    )
    assert row["cout_total"] == 1000
    assert row["financeurs"] == "État : 600 | Europe"
    assert row["reunions"] == "comite-11-juillet | comite-2e-semestre"
    assert row["reunions_dates"] == "2019-07-11 | 2e semestre 2020"
    empty = rows[bare.slug]
    assert [empty[k] for k in ["etapes", "cout_total", "financeurs", "reunions"]] == [None] * 4

    [csv_row] = [
        r
        for r in read_csv(client.get("/donnees-ouvertes/projets.csv"))
        if r["slug"] == project.slug
    ]
    assert csv_row["cout_total"] == "1000"
    assert csv_row["reunions"] == "comite-11-juillet | comite-2e-semestre"


def test_meetings_export_carries_the_projects_examined(client):
    meeting = builders.event(slug="comite-examinant")
    builders.event(slug="comite-vide")
    accountable_project(1, [meeting])
    builders.project(slug="brouillon-examine", status=Status.DRAFT).meetings.set([meeting])

    data = client.get("/donnees-ouvertes/reunions.json").json()
    names = [c["nom"] for c in data["champs"]]
    assert names.index("projets_examines") < names.index("url")  # before address and date
    rows = {r["slug"]: r for r in data["donnees"]}
    assert rows["comite-examinant"]["projets_examines"] == "projet-suivi-1"
    assert "brouillon-examine" not in rows["comite-examinant"]["projets_examines"]
    assert rows["comite-vide"]["projets_examines"] is None
    documented = page_text(client.get("/donnees-ouvertes/").text)
    for column in ["projets_examines", "etapes", "cout_total", "financeurs", "reunions_dates"]:
        assert column in documented


@pytest.mark.parametrize("key", ["projets", "reunions"])
def test_exports_do_not_query_more_with_more_milestones_funders_and_meetings(
    client, django_assert_max_num_queries, key
):
    meetings = [builders.event() for _ in range(3)]
    accountable_project(0, meetings[:1])
    with CaptureQueriesContext(connection) as small:
        assert client.get(f"/donnees-ouvertes/{key}.json").status_code == 200
    for n in range(1, 15):
        accountable_project(n, meetings)
    with django_assert_max_num_queries(len(small)):
        assert client.get(f"/donnees-ouvertes/{key}.csv").status_code == 200


# Queries stay constant


def test_pages_do_not_query_more_with_more_milestones_funders_and_meetings(
    client, django_assert_max_num_queries
):
    lever = builders.lever()
    meeting = builders.event()
    project = builders.project(lever=lever)
    project.meetings.set([meeting, builders.event()])
    milestone(project, "Étape 0", datetime.date(2019, 1, 1))
    ProjectFunder.objects.create(project=project, name="Financeur 0", amount=1)
    builders.project(lever=lever).meetings.set([meeting])
    urls = [project.get_absolute_url(), meeting.get_absolute_url(), lever.get_absolute_url(), "/"]
    counts = []
    for url in urls:
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        counts.append(len(ctx))

    for n in range(1, 20):
        milestone(project, f"Étape {n}", datetime.date(2019, 1, 1), "done")
        ProjectFunder.objects.create(project=project, name=f"Financeur {n}", amount=n)
        project.meetings.add(builders.event())
        builders.project(lever=lever, project_status="retained").meetings.add(meeting)
    for url, count in zip(urls, counts, strict=True):
        with django_assert_max_num_queries(count):
            assert client.get(url).status_code == 200


def test_progress_counts_agree_with_their_status(seeded, client):
    """« 9 projets présentés », « 1 projet réalisé »: the count and the status agree."""
    from projects.models import ProjectStatus

    assert ProjectStatus.RETAINED.count_label(2) == "2 projets retenus au contrat"
    assert ProjectStatus.IN_PROGRESS.count_label(3) == "3 projets en cours"
    assert ProjectStatus.COMPLETED.count_label(1) == "1 projet réalisé"
    home = page_text(client.get("/").text)
    assert "Avancement des projets 9 projets présentés" in home
