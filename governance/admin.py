from django.contrib import admin

from pages.admin_base import DocumentInline, PublishableAdmin

from .models import Body, BodyMember, Intercommunality, Sector, TimelineEvent


@admin.register(Intercommunality)
class IntercommunalityAdmin(admin.ModelAdmin):
    list_display = ["name", "order"]
    list_editable = ["order"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Sector)
class SectorAdmin(admin.ModelAdmin):
    list_display = ["name", "cluster", "order"]
    list_editable = ["order"]
    search_fields = ["name", "cluster"]
    prepopulated_fields = {"slug": ["name"]}


class BodyMemberInline(admin.TabularInline):
    model = BodyMember
    extra = 0
    add_label = "Ajouter un membre"
    fields = ["order", "name"]


@admin.register(Body)
class BodyAdmin(PublishableAdmin):
    list_display = ["name", "level", "chair", "order", "status"]
    list_filter = ["status", "level"]
    search_fields = ["name", "role", "chair", "members__name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [BodyMemberInline]
    fieldsets = [
        (None, {"fields": ["name", "slug", "level", "chair", "role", "members_note", "order"]}),
        PublishableAdmin.publication_fieldset,
    ]


@admin.register(TimelineEvent)
class TimelineEventAdmin(PublishableAdmin):
    list_display = ["title", "date_label", "kind", "body", "is_forecast", "status"]
    list_filter = ["status", "kind", "body", "date_precision", "is_forecast"]
    search_fields = ["title", "summary", "location"]
    date_hierarchy = "date"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["body"]
    list_select_related = ["body"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "kind", "body", "summary", "location"]}),
        ("Date", {"fields": ["date", "date_precision", "is_forecast", "order"]}),
        PublishableAdmin.publication_fieldset,
    ]
    inlines = [DocumentInline]

    @admin.display(description="date", ordering="date")
    def date_label(self, obj):
        return obj.date_label
