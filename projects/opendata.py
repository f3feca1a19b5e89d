"""Open-data definitions of projects, holders and levers (see core/opendata.py)."""

from django.core.exceptions import BadRequest
from django.db.models import Prefetch

from core.dates import DatePrecision
from core.opendata import Column, Dataset, UpdatedColumn, UrlColumn
from governance.models import TimelineEvent

from .filters import FILTER_NAMES, ProjectSelection
from .models import PriorityLever, Project, ProjectHolder


def _names(objects):
    return " | ".join(o.name for o in objects)


def _number(amount):
    """An amount in euros as a number: 1250000, or 2500.5 when there are cents."""
    if amount is None:
        return None
    return int(amount) if amount == amount.to_integral_value() else float(amount)


def _day_or_label(event):
    """A meeting's date: AAAA-MM-JJ when the day is known, else as it is known."""
    return event.date.isoformat() if event.date_precision == DatePrecision.DAY else event.date_label


def _milestones(project):
    return " | ".join(
        f"{m.date_label} : {m.label} ({m.state_label})" for m in project.milestones.all()
    )


def _funders(project):
    return " | ".join(
        f.name if f.amount is None else f"{f.name} : {_number(f.amount)}"
        for f in project.funders.all()
    )


def published_meetings():
    return Prefetch(
        "meetings",
        queryset=TimelineEvent.objects.published().chronological(),
        to_attr="public_meeting_list",
    )


def filtered_projects(request):
    selection = ProjectSelection(request.GET)
    if not selection.valid:
        # The message names the filters, not the values sent (it is read as plain text).
        raise BadRequest(
            "Filtre invalide : "
            + ", ".join(label for label, _ in selection.errors())
            + " — valeur inconnue. Les valeurs possibles sont celles de la liste des projets."
        )
    projects = Project.objects.published().for_listing().prefetch_related("sectors")
    return projects.in_order(selection.matching_pks())


def project_columns():
    return [
        Column(
            "slug", "Identifiant stable du projet dans l'adresse de sa fiche.", lambda p: p.slug
        ),
        Column("intitule", "Intitulé du projet.", lambda p: p.title),
        Column(
            "porteurs", "Porteurs du projet, séparés par « | ».", lambda p: _names(p.public_holders)
        ),
        Column(
            "levier_numero",
            "Numéro du levier prioritaire (1 à 4) ; vide si non précisé.",
            lambda p: p.public_lever.number if p.public_lever else None,
        ),
        Column(
            "levier",
            "Intitulé du levier ; vide si non précisé.",
            lambda p: p.public_lever.title if p.public_lever else None,
        ),
        Column(
            "action",
            "Action du levier ; vide si non précisée.",
            lambda p: p.public_action.title if p.public_action else None,
        ),
        Column(
            "etat",
            "État d'avancement : Présenté, Retenu au contrat, En cours, Réalisé.",
            lambda p: p.get_project_status_display(),
        ),
        Column("resume", "Résumé ; vide si non publié.", lambda p: p.summary),
        Column("lieu", "Commune ou lieu, quand il est connu.", lambda p: p.location),
        Column(
            "intercommunalite",
            "Intercommunalité, quand elle est connue.",
            lambda p: p.intercommunality.name if p.intercommunality else None,
        ),
        Column(
            "secteurs",
            "Secteurs industriels, séparés par « | ».",
            lambda p: _names(p.sectors.all()),
        ),
        Column(
            "etapes",
            "Étapes du projet, séparées par « | », chacune « date : étape (état) » ; l'état "
            "est « réalisée », « prévue » ou « date dépassée, à confirmer » (prévue, mais "
            "sa période est passée) ; vide si aucune n'est enregistrée.",
            _milestones,
            prefetch=("milestones",),
        ),
        Column(
            "cout_total",
            "Coût total annoncé, en euros (nombre, point décimal) ; vide s'il n'est pas connu.",
            lambda p: _number(p.total_cost),
        ),
        Column(
            "financeurs",
            "Financeurs, séparés par « | », chacun suivi de son montant en euros quand il est "
            "connu (« Région : 150000 ») ; vide si aucun n'est enregistré.",
            _funders,
            prefetch=("funders",),
        ),
        Column(
            "reunions",
            "Réunions qui ont examiné le projet (identifiants du jeu « reunions »), séparées "
            "par « | », dans l'ordre chronologique.",
            lambda p: " | ".join(e.slug for e in p.public_meeting_list),
            prefetch=(published_meetings,),
        ),
        Column(
            "reunions_dates",
            "Dates de ces réunions (AAAA-MM-JJ, ou la période connue), dans le même ordre.",
            lambda p: " | ".join(_day_or_label(e) for e in p.public_meeting_list),
            prefetch=(published_meetings,),
        ),
        UrlColumn("Adresse de la fiche du projet."),
        UpdatedColumn(),
    ]


DATASETS = [
    Dataset(
        key="projets",
        title="Projets",
        description="Les projets présentés pour le contrat Territoire d'industrie, avec leurs "
        "porteurs, leur levier et leur état d'avancement.",
        columns=project_columns(),
        queryset=filtered_projects,
        list_url_name="projects:project_list",
        model=Project,
        query_params=FILTER_NAMES,
        filters_note="Les filtres de la liste des projets s'appliquent aussi au téléchargement "
        "(paramètres levier, action, etat, porteur, intercommunalite, secteur).",
    ),
    Dataset(
        key="porteurs",
        title="Porteurs de projet",
        description="Les organisations qui portent les projets.",
        columns=[
            Column("slug", "Identifiant stable du porteur.", lambda h: h.slug),
            Column("nom", "Nom de l'organisation.", lambda h: h.name),
            Column("type", "Type de structure.", lambda h: h.get_kind_display()),
            Column("site_internet", "Site internet, s'il est connu.", lambda h: h.website),
            Column(
                "intercommunalite",
                "Intercommunalité, si elle est connue.",
                lambda h: h.intercommunality.name if h.intercommunality else None,
            ),
            Column("nombre_projets", "Nombre de projets publiés.", lambda h: h.project_count),
            UrlColumn("Adresse de la page du porteur."),
            UpdatedColumn(),
        ],
        queryset=lambda request: (
            ProjectHolder.objects.published()
            .with_project_counts()
            .select_related("intercommunality")
        ),
        list_url_name="projects:holder_list",
        model=ProjectHolder,
    ),
    Dataset(
        key="leviers",
        title="Leviers prioritaires et actions",
        description="Les quatre leviers sur lesquels le territoire agit, et leurs actions.",
        columns=[
            Column("numero", "Numéro du levier.", lambda lv: lv.number),
            Column("intitule", "Intitulé du levier.", lambda lv: lv.title),
            Column("intitule_court", "Intitulé court.", lambda lv: lv.short_title),
            Column(
                "actions",
                "Actions du levier, séparées par « | ».",
                lambda lv: " | ".join(a.title for a in lv.actions.all()),
            ),
            Column(
                "nombre_projets",
                "Nombre de projets publiés rattachés.",
                lambda lv: lv.project_count,
            ),
            UrlColumn("Adresse de la page du levier."),
            UpdatedColumn(),
        ],
        queryset=lambda request: (
            PriorityLever.objects.published().with_project_counts().prefetch_related("actions")
        ),
        list_url_name="projects:lever_list",
        model=PriorityLever,
    ),
]


def published_examined_projects():
    return Prefetch(
        "examined_projects",
        queryset=Project.objects.published().order_by("order", "title"),
        to_attr="public_examined_projects",
    )


# Added to the governance app's dataset, which knows nothing of projects.
MEETING_COLUMNS = [
    Column(
        "projets_examines",
        "Projets examinés lors de la réunion (identifiants du jeu « projets »), séparés par « | ».",
        lambda e: " | ".join(p.slug for p in e.public_examined_projects),
        prefetch=(published_examined_projects,),
    ),
]
