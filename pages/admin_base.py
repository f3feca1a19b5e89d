"""Admin behaviour shared by every publishable model."""

import json

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.contenttypes.admin import GenericTabularInline
from django.utils import timezone
from simple_history.admin import SimpleHistoryAdmin

from .cache import invalidate
from .history import ReadableChanges
from .models import Document
from .publishing import Status


@admin.action(description="Publier les éléments sélectionnés", permissions=["change"])
def publish(modeladmin, request, queryset):
    # `updated_at` too: a spreadsheet exported before this must see these items as changed.
    count = queryset.update(status=Status.PUBLISHED, updated_at=timezone.now())
    invalidate()  # update() sends no signal
    modeladmin.message_user(request, f"{count} élément(s) publié(s).", messages.SUCCESS)


@admin.action(description="Dépublier (repasser en brouillon)", permissions=["change"])
def unpublish(modeladmin, request, queryset):
    count = queryset.update(status=Status.DRAFT, updated_at=timezone.now())
    invalidate()
    modeladmin.message_user(request, f"{count} élément(s) repassé(s) en brouillon.")


class InlineWithAddLabel(helpers.InlineAdminFormSet):
    """Django's « Ajouter un objet Document joint supplémentaire » reads badly in French:
    an inline with an `add_label` (« Ajouter un document joint ») uses it instead."""

    def inline_formset_data(self):
        data = json.loads(super().inline_formset_data())
        data["options"]["addText"] = self.opts.add_label
        return json.dumps(data)


class PublishableAdmin(SimpleHistoryAdmin):
    """Status filter, bulk publish/unpublish, revision history with restore, in French."""

    actions = [publish, unpublish]
    list_filter = ["status"]
    readonly_fields = ["updated_at"]
    publication_fieldset = (
        "Publication",
        {
            "fields": ["status", "published_at", "updated_at"],
            "description": "Un brouillon n'est visible que de l'équipe (aperçu). Une date "
            "future programme la mise en ligne.",
        },
    )
    image_fieldset = ("Image", {"fields": ["image", "image_alt", "image_decorative"]})

    def get_inline_formsets(self, request, formsets, inline_instances, obj=None):
        admin_formsets = super().get_inline_formsets(request, formsets, inline_instances, obj)
        for admin_formset in admin_formsets:
            if getattr(admin_formset.opts, "add_label", None):
                admin_formset.__class__ = InlineWithAddLabel
        return admin_formsets

    def get_historical_record_context_helper(self, request, historical_record):
        return ReadableChanges(self.model, historical_record)

    def history_view_title(self, request, obj):
        return f"Historique : {obj}"

    def history_form_view_title(self, request, obj):
        if self.revert_disabled(request, obj):
            return f"Version antérieure : {obj}"
        return f"Revenir à une version antérieure : {obj}"


class DocumentInline(GenericTabularInline):
    model = Document
    extra = 0
    fields = ["order", "title", "file"]
    add_label = "Ajouter un document joint"
    verbose_name = "document joint"
    verbose_name_plural = "documents joints (ordres du jour, comptes rendus, présentations…)"
