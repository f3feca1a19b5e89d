"""Step 5: the admin screen, with publication, history and bulk actions from core."""

from django.contrib import admin

from core.admin_base import PublishableAdmin

from .models import Workshop


@admin.register(Workshop)
class WorkshopAdmin(PublishableAdmin):
    list_display = ["title", "status"]
    prepopulated_fields = {"slug": ["title"]}
    fieldsets = [
        (None, {"fields": ["title", "slug", "summary"]}),
        PublishableAdmin.publication_fieldset,
    ]
