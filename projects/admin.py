from itertools import islice

from django.contrib import admin
from django.utils import timezone

from core.admin_base import DocumentInline, PublishableAdmin, add_inline
from core.spreadsheet_admin import SpreadsheetAdminMixin
from core.todo import Todo, can_change, change_url, todo_check
from governance.models import EventKind

from .forms import ExaminedProjectFormSet, FunderFormSet, MilestoneForm
from .models import (
    LeverAction,
    MilestoneState,
    PriorityLever,
    Project,
    ProjectFunder,
    ProjectHolder,
    ProjectMilestone,
)
from .resources import ProjectHolderResource, ProjectResource


class LeverActionInline(admin.TabularInline):
    model = LeverAction
    extra = 0
    add_label = "Ajouter une action"
    prepopulated_fields = {"slug": ["title"]}
    fields = ["order", "title", "slug", "description"]


@admin.register(PriorityLever)
class PriorityLeverAdmin(PublishableAdmin):
    list_display = ["number", "label", "status"]
    list_display_links = ["number", "label"]
    search_fields = ["title", "short_title", "description"]
    prepopulated_fields = {"slug": ["short_title"]}
    autocomplete_fields = ["working_group"]
    inlines = [LeverActionInline]
    fieldsets = [
        (None, {"fields": ["number", "title", "short_title", "slug", "description"]}),
        ("Pour aller plus loin", {"fields": ["working_group"]}),
        PublishableAdmin.publication_fieldset,
    ]


@admin.register(LeverAction)
class LeverActionAdmin(admin.ModelAdmin):
    list_display = ["title", "lever", "order"]
    list_filter = ["lever"]
    search_fields = ["title", "lever__title"]
    prepopulated_fields = {"slug": ["title"]}


@admin.register(ProjectHolder)
class ProjectHolderAdmin(SpreadsheetAdminMixin, PublishableAdmin):
    resource_classes = [ProjectHolderResource]
    list_display = ["name", "kind", "intercommunality", "status"]
    list_filter = ["status", "kind", "intercommunality"]
    search_fields = ["name", "description"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["intercommunality"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "kind", "description", "website", "intercommunality"]}),
        PublishableAdmin.image_fieldset,
        PublishableAdmin.publication_fieldset,
    ]


class ProjectPart:
    """A part of the project (milestone, funder): removing one is editing the project, which
    a Rédacteur may do, though they delete no content."""

    extra = 0

    def has_delete_permission(self, request, obj=None):
        return self.has_change_permission(request, obj)


class MilestoneInline(ProjectPart, admin.StackedInline):
    model = ProjectMilestone
    form = MilestoneForm
    add_label = "Ajouter une étape"
    verbose_name_plural = "étapes du projet (facultatif : réalisées ou prévues)"
    fields = [
        ("label", "state", "order"),
        "date_precision",
        "exact_date",
        ("year", "month", "semester"),
    ]
    radio_fields = {"date_precision": admin.HORIZONTAL}


class FunderInline(ProjectPart, admin.TabularInline):
    model = ProjectFunder
    formset = FunderFormSet
    fields = ["order", "name", "amount"]
    add_label = "Ajouter un financeur"
    verbose_name_plural = "financeurs (facultatif)"


@admin.register(Project)
class ProjectAdmin(SpreadsheetAdminMixin, PublishableAdmin):
    resource_classes = [ProjectResource]
    list_display = ["title", "holder_names", "lever", "action", "project_status", "status"]
    list_filter = ["status", "project_status", "lever", "action", "intercommunality", "sectors"]
    search_fields = ["title", "summary", "description", "holders__name", "location"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = [
        "holders", "lever", "action", "intercommunality", "sectors", "meetings",
    ]  # fmt: skip
    list_select_related = ["lever", "action"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "holders", "summary", "description"]}),
        ("Classement", {"fields": ["lever", "action", "project_status", "order"]}),
        ("Localisation", {"fields": ["location", "intercommunality", "sectors"]}),
        (
            "Suivi",
            {
                "fields": ["meetings", "total_cost"],
                "description": "Facultatif : ne remplissez que ce qui a été annoncé. Les "
                "étapes et les financeurs se saisissent plus bas.",
            },
        ),
        PublishableAdmin.image_fieldset,
        PublishableAdmin.publication_fieldset,
    ]
    inlines = [MilestoneInline, FunderInline, DocumentInline]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("holders")

    @admin.display(description="porteurs")
    def holder_names(self, obj):
        return ", ".join(h.name for h in obj.holders.all())


class ExaminedProjectInline(admin.TabularInline):
    """On a meeting's admin screen, the other side of `Project.meetings`: the projects it
    examined. Added to the governance app's screen from here (`core.admin_base.add_inline`),
    so that governance needs to know nothing of projects."""

    model = Project.meetings.through
    fk_name = "timelineevent"
    formset = ExaminedProjectFormSet
    autocomplete_fields = ["project"]
    extra = 0
    add_label = "Ajouter un projet examiné"
    verbose_name = "projet examiné"
    verbose_name_plural = "projets examinés lors de cette réunion"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("project")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "project":
            kwargs["label"] = "Projet"  # Django's link model names it in English
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


add_inline(
    "governance.TimelineEvent",
    ExaminedProjectInline,
    shown_for=lambda event: event is None or event.kind == EventKind.MEETING,
)


@todo_check
def milestones_to_confirm(request):
    """Expected milestones whose period is over: the site shows them « à confirmer » until
    someone says whether they were reached, postponed or dropped."""
    if not can_change(request, Project):
        return []
    started = (
        ProjectMilestone.objects.filter(
            state=MilestoneState.EXPECTED, date__lt=timezone.localdate()
        )
        .select_related("project")
        .order_by("date", "pk")
    )
    return [
        Todo(
            f"Étape prévue dont la date est passée : « {milestone.label} » "
            f"({milestone.date_label}), projet « {milestone.project} ».",
            change_url(milestone.project),
            "Confirmer ou corriger l'étape",
        )
        for milestone in islice((m for m in started if m.is_overdue), 10)
    ]
