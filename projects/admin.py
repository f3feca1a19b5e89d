from django.contrib import admin

from core.admin_base import DocumentInline, PublishableAdmin
from core.spreadsheet_admin import SpreadsheetAdminMixin

from .models import LeverAction, PriorityLever, Project, ProjectHolder
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
    inlines = [LeverActionInline]
    fieldsets = [
        (None, {"fields": ["number", "title", "short_title", "slug", "description"]}),
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


@admin.register(Project)
class ProjectAdmin(SpreadsheetAdminMixin, PublishableAdmin):
    resource_classes = [ProjectResource]
    list_display = ["title", "holder_names", "lever", "action", "project_status", "status"]
    list_filter = ["status", "project_status", "lever", "action", "intercommunality", "sectors"]
    search_fields = ["title", "summary", "description", "holders__name", "location"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["holders", "lever", "action", "intercommunality", "sectors"]
    list_select_related = ["lever", "action"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "holders", "summary", "description"]}),
        ("Classement", {"fields": ["lever", "action", "project_status", "order"]}),
        ("Localisation", {"fields": ["location", "intercommunality", "sectors"]}),
        PublishableAdmin.image_fieldset,
        PublishableAdmin.publication_fieldset,
    ]
    inlines = [DocumentInline]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("holders")

    @admin.display(description="porteurs")
    def holder_names(self, obj):
        return ", ".join(h.name for h in obj.holders.all())
