from django.contrib import admin
from django.utils import timezone

from core.admin_base import DocumentInline, PublishableAdmin
from core.models import DocumentKind
from core.todo import Todo, can_change, change_url, todo_check

from .forms import TimelineEventAdminForm
from .models import Body, BodyMember, Commune, Intercommunality, Sector, TimelineEvent


@admin.register(Intercommunality)
class IntercommunalityAdmin(admin.ModelAdmin):
    list_display = ["name", "official_name", "siren", "order"]
    list_editable = ["order"]
    search_fields = ["name", "official_name", "siren"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["data_source"]
    fields = ["name", "slug", "official_name", "siren", "description", "website", "order"]
    fields += readonly_fields


@admin.register(Commune)
class CommuneAdmin(admin.ModelAdmin):
    """The communes come from the official data (`manage.py import_communes`); the team may
    correct one, which the next import would overwrite in the fixture."""

    list_display = ["name", "insee_code", "population", "postal_codes", "intercommunality"]
    list_filter = ["intercommunality"]
    search_fields = ["name", "insee_code", "postal_codes"]
    list_select_related = ["intercommunality"]
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
    form = TimelineEventAdminForm
    list_display = ["title", "date_label", "kind", "body", "is_forecast", "status"]
    list_filter = ["status", "kind", "body", "date_precision", "is_forecast"]
    search_fields = ["title", "summary", "location", "address"]
    date_hierarchy = "date"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["body"]
    radio_fields = {"date_precision": admin.HORIZONTAL}
    list_select_related = ["body"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "kind", "body", "summary"]}),
        (
            "Date",
            {
                "fields": [
                    "date_precision",
                    "exact_date",
                    ("year", "month", "semester"),
                    ("start_time", "end_time"),
                    "is_forecast",
                    "order",
                ],
                "description": "Choisissez d'abord la précision, puis remplissez seulement "
                "ce qu'elle demande : les autres champs de date ne sont pas pris en compte.",
            },
        ),
        ("Lieu", {"fields": ["location", "address"]}),
        PublishableAdmin.publication_fieldset,
    ]
    inlines = [DocumentInline]

    @admin.display(description="date", ordering="date")
    def date_label(self, obj):
        return obj.date_label


@todo_check
def meetings_without_minutes(request):
    """Meetings that took place and whose report (« compte rendu ») was never attached."""
    if not can_change(request, TimelineEvent):
        return []
    past = (
        TimelineEvent.objects.meetings()
        .filter(date__lt=timezone.localdate())
        .exclude(documents__kind=DocumentKind.MINUTES)
        .order_by("-date")
    )
    return [
        Todo(
            f"Réunion passée sans compte rendu joint : « {meeting} ».",
            change_url(meeting),
            "Joindre le compte rendu",
        )
        for meeting in past[:10]
    ]
