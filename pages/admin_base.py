"""Admin behaviour shared by every publishable model."""

from django.contrib import admin, messages

from .publishing import Status


@admin.action(description="Publier les éléments sélectionnés", permissions=["change"])
def publish(modeladmin, request, queryset):
    count = queryset.update(status=Status.PUBLISHED)
    modeladmin.message_user(request, f"{count} élément(s) publié(s).", messages.SUCCESS)


@admin.action(description="Dépublier (repasser en brouillon)", permissions=["change"])
def unpublish(modeladmin, request, queryset):
    count = queryset.update(status=Status.DRAFT)
    modeladmin.message_user(request, f"{count} élément(s) repassé(s) en brouillon.")


class PublishableAdmin(admin.ModelAdmin):
    actions = [publish, unpublish]
    list_filter = ["status"]
    readonly_fields = ["updated_at"]
    publication_fieldset = (
        "Publication",
        {"fields": ["status", "published_at", "updated_at"]},
    )
