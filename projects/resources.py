"""Spreadsheet import and export of projects and holders (django-import-export).

Columns carry French headers and French labels (« Présenté », « Entreprise ») so staff can
edit the file directly. What every spreadsheet shares (row numbers, all-or-nothing, rows
changed since the export) lives in `core.spreadsheets`.
"""

from core.publishing import Status
from core.spreadsheets import (
    ChoiceLabelWidget,
    ModifiedAtColumn,
    RichTextColumn,
    SpreadsheetResource,
    StrictForeignKeyWidget,
    StrictManyToManyWidget,
    column,
)
from governance.models import Intercommunality, Sector

from .models import HolderKind, LeverAction, PriorityLever, Project, ProjectHolder, ProjectStatus

SLUG_HELP = "adresse de la fiche ; vide pour une nouvelle fiche (elle est tirée du titre)"
STATUS_HELP = "Brouillon ou Publié ; une nouvelle ligne sans valeur reste un brouillon"


def labels(choices):
    return ", ".join(label for _, label in choices.choices)


def intercommunality_column():
    return column(
        "intercommunality",
        "intercommunalité",
        StrictForeignKeyWidget(Intercommunality, "name"),
        help="nom exact de la communauté de communes",
    )


class ProjectResource(SpreadsheetResource):
    slug = column("slug", "slug", help=SLUG_HELP)
    title = column("title", "intitulé", help="obligatoire")
    holders = column(
        "holders",
        "porteurs",
        StrictManyToManyWidget(ProjectHolder, "name"),
        help="noms exacts des porteurs, séparés par « | »",
    )
    lever = column(
        "lever",
        "levier",
        StrictForeignKeyWidget(PriorityLever, "number"),
        help="numéro du levier (1 à 4), vide si non précisé",
    )
    action = column(
        "action",
        "action",
        StrictForeignKeyWidget(LeverAction, "title"),
        help="intitulé exact d'une action du levier",
    )
    project_status = column(
        "project_status",
        "état",
        ChoiceLabelWidget(ProjectStatus, ProjectStatus.PRESENTED),
        help=labels(ProjectStatus),
    )
    summary = column("summary", "résumé", help="300 caractères au plus")
    description = RichTextColumn("description", "description")
    location = column("location", "lieu")
    intercommunality = intercommunality_column()
    sectors = column(
        "sectors",
        "secteurs",
        StrictManyToManyWidget(Sector, "name"),
        help="noms exacts des secteurs, séparés par « | »",
    )
    status = column("status", "publication", ChoiceLabelWidget(Status, Status.DRAFT), STATUS_HELP)
    modified_at = ModifiedAtColumn()

    class Meta:
        model = Project
        name = "projets"
        import_id_fields = ["slug"]
        fields = [
            "slug", "title", "holders", "lever", "action", "project_status", "summary",
            "description", "location", "intercommunality", "sectors", "status", "modified_at",
        ]  # fmt: skip
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True

    def get_queryset(self):
        return Project.objects.select_related("lever", "action", "intercommunality")


class ProjectHolderResource(SpreadsheetResource):
    title_column = "nom"
    slug = column("slug", "slug", help=SLUG_HELP)
    name = column("name", "nom", help="obligatoire, unique")
    kind = column("kind", "type de structure", ChoiceLabelWidget(HolderKind), labels(HolderKind))
    description = column("description", "présentation")
    website = column("website", "site internet", help="adresse complète (https://…)")
    intercommunality = intercommunality_column()
    status = column("status", "publication", ChoiceLabelWidget(Status, Status.DRAFT), STATUS_HELP)
    modified_at = ModifiedAtColumn()

    class Meta:
        model = ProjectHolder
        name = "porteurs"
        import_id_fields = ["slug"]
        fields = [
            "slug", "name", "kind", "description", "website", "intercommunality", "status",
            "modified_at",
        ]  # fmt: skip
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True
