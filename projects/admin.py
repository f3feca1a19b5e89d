from django.contrib import admin

from core.admin_base import DocumentInline, PublishableAdmin, add_inline
from core.spreadsheet_admin import SpreadsheetAdminMixin
from governance.models import EventKind

from .forms import ExaminedProjectFormSet, FunderFormSet, MilestoneForm
from .models import (
    LeverAction,
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


class ProjectPartInline(admin.TabularInline):
    """A part of the project (milestone, funder): removing one is editing the project, which
    a Rédacteur may do, though they delete no content."""

    extra = 0

    def has_delete_permission(self, request, obj=None):
        return self.has_change_permission(request, obj)


class MilestoneInline(ProjectPartInline):
    model = ProjectMilestone
    form = MilestoneForm
    add_label = "Ajouter une étape"
    verbose_name_plural = "étapes du projet (facultatif : réalisées ou prévues)"


class FunderInline(ProjectPartInline):
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


add_inline(
    "governance.TimelineEvent",
    ExaminedProjectInline,
    shown_for=lambda event: event is None or event.kind == EventKind.MEETING,
)
