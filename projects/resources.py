"""Spreadsheet import and export of projects and holders (django-import-export).

Columns carry French headers and French labels (« Présenté », « Entreprise ») so staff can
edit the file directly. A row naming an unknown holder, lever, action or label is an error for
that row; with any error nothing at all is written.
"""

from django.utils.text import slugify
from import_export import fields, resources, widgets

from governance.models import Intercommunality, Sector
from pages.publishing import Status

from .models import HolderKind, LeverAction, PriorityLever, Project, ProjectHolder, ProjectStatus


class ChoiceLabelWidget(widgets.Widget):
    """A choice written as its French label; the stored key is accepted too."""

    def __init__(self, choices, default=None, **kwargs):
        self.choices = choices
        self.default = default
        super().__init__(**kwargs)

    def clean(self, value, row=None, **kwargs):
        value = str(value or "").strip()
        if not value and self.default is not None:
            return self.default
        for key, label in self.choices.choices:
            if value.casefold() in (key.casefold(), label.casefold()):
                return key
        allowed = ", ".join(label for _, label in self.choices.choices)
        raise ValueError(f"« {value} » n'est pas une valeur possible ({allowed}).")

    def render(self, value, obj=None, **kwargs):
        return self.choices(value).label if value else ""


class StrictForeignKeyWidget(widgets.ForeignKeyWidget):
    """A foreign key by a readable field; an unknown value is an error, not a silent blank."""

    def clean(self, value, row=None, **kwargs):
        if value in (None, ""):
            return None
        try:
            return super().clean(value, row, **kwargs)
        except self.model.DoesNotExist:
            raise ValueError(
                f"« {value} » : aucun(e) {self.model._meta.verbose_name} de ce nom."
            ) from None


class StrictManyToManyWidget(widgets.ManyToManyWidget):
    """Names separated by « | »; every name must exist."""

    def __init__(self, model, field):
        super().__init__(model, separator="|", field=field)

    def clean(self, value, row=None, **kwargs):
        names = [n.strip() for n in str(value or "").split(self.separator) if n.strip()]
        found = list(self.model.objects.filter(**{f"{self.field}__in": names}))
        missing = set(names) - {getattr(obj, self.field) for obj in found}
        if missing:
            raise ValueError(
                f"{self.model._meta.verbose_name_plural.capitalize()} inconnu(e)s : "
                + ", ".join(f"« {n} »" for n in sorted(missing))
            )
        return found


def column(attribute, header, widget=None):
    """A column with a French header; plain text by default (an empty cell is "")."""
    widget = widget or widgets.CharWidget(allow_blank=True, coerce_to_string=True)
    return fields.Field(attribute=attribute, column_name=header, widget=widget)


class SpreadsheetResource(resources.ModelResource):
    """All or nothing: a row error or an invalid value rolls the whole file back.

    A row without a slug gets one made from its title.
    """

    title_column = "intitulé"

    def import_data(self, *args, **kwargs):
        kwargs.setdefault("rollback_on_validation_errors", True)
        return super().import_data(*args, **kwargs)

    def before_import_row(self, row, **kwargs):
        if not (row.get("slug") or "").strip():
            row["slug"] = slugify(row.get(self.title_column) or "")


class ProjectResource(SpreadsheetResource):
    slug = column("slug", "slug")
    title = column("title", "intitulé")
    holders = column("holders", "porteurs", StrictManyToManyWidget(ProjectHolder, "name"))
    lever = column("lever", "levier", StrictForeignKeyWidget(PriorityLever, "number"))
    action = column("action", "action", StrictForeignKeyWidget(LeverAction, "title"))
    project_status = column(
        "project_status", "état", ChoiceLabelWidget(ProjectStatus, ProjectStatus.PRESENTED)
    )
    summary = column("summary", "résumé")
    description = column("description", "description")
    location = column("location", "lieu")
    intercommunality = column(
        "intercommunality", "intercommunalité", StrictForeignKeyWidget(Intercommunality, "name")
    )
    sectors = column("sectors", "secteurs", StrictManyToManyWidget(Sector, "name"))
    status = column("status", "publication", ChoiceLabelWidget(Status, Status.DRAFT))

    class Meta:
        model = Project
        import_id_fields = ["slug"]
        fields = [
            "slug", "title", "holders", "lever", "action", "project_status", "summary",
            "description", "location", "intercommunality", "sectors", "status",
        ]  # fmt: skip
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True

    def get_queryset(self):
        return Project.objects.select_related("lever", "action", "intercommunality")


class ProjectHolderResource(SpreadsheetResource):
    title_column = "nom"
    slug = column("slug", "slug")
    name = column("name", "nom")
    kind = column("kind", "type de structure", ChoiceLabelWidget(HolderKind))
    description = column("description", "présentation")
    website = column("website", "site internet")
    intercommunality = column(
        "intercommunality", "intercommunalité", StrictForeignKeyWidget(Intercommunality, "name")
    )
    status = column("status", "publication", ChoiceLabelWidget(Status, Status.DRAFT))

    class Meta:
        model = ProjectHolder
        import_id_fields = ["slug"]
        fields = ["slug", "name", "kind", "description", "website", "intercommunality", "status"]
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True
