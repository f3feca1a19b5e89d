"""Open-data definitions of projects, holders and levers (see core/opendata.py)."""

from django.core.exceptions import BadRequest

from core.opendata import Column, Dataset, UpdatedColumn, UrlColumn

from .filters import FILTER_NAMES, ProjectSelection
from .models import PriorityLever, Project, ProjectHolder


def _names(objects):
    return " | ".join(o.name for o in objects)


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
