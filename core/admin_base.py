"""Admin behaviour shared by every publishable model."""

import datetime
import json
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass
from typing import Any

from django import forms
from django.apps import apps
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.utils import flatten_fieldsets
from django.contrib.contenttypes.admin import GenericTabularInline
from django.db import transaction
from django.utils import timezone
from simple_history.admin import SimpleHistoryAdmin

from core.admin import thumbnail
from core.cache import invalidate
from core.history import ReadableChanges
from core.models import Document
from core.publishing import (
    Publishable,
    Status,
    announced_models,
    published_in_bulk,
    published_q,
    quietly,
)
from core.todo import Todo, can_change, change_url, todo_check

STALE_DRAFT_DAYS = 30


@dataclass(frozen=True)
class ExtraInline:
    inline: type
    shown_for: Callable[[Any], bool]


# Inlines that an app adds to another app's admin screen, by model label: a meeting's screen
# lists the projects it examined, which only the projects app knows about (see `add_inline`).
extra_inlines: dict[str, list[ExtraInline]] = {}


def add_inline(model_label, inline, shown_for=lambda obj: True):
    """Add `inline` to the admin screen of `model_label` ("app.Model"), a `PublishableAdmin`;
    `shown_for(obj)` (None on the add screen) tells whether that object's screen shows it."""
    extra_inlines.setdefault(model_label, []).append(ExtraInline(inline, shown_for))


@admin.action(description="Publier les éléments sélectionnés", permissions=["change"])
def publish(modeladmin, request, queryset):
    # One transaction: what listens (the alerts) sees all the items go live together.
    with transaction.atomic():
        newly_public = list(queryset.exclude(published_q()).values_list("pk", flat=True))
        # `updated_at` too: a spreadsheet exported before this must see these items as changed.
        count = queryset.update(status=Status.PUBLISHED, updated_at=timezone.now())
        invalidate()  # update() sends no signal: say what changed
        published_in_bulk.send(sender=queryset.model, pks=newly_public)
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


QUIET_FIELD = "publish_quietly"


class PublishableAdmin(SimpleHistoryAdmin):
    """Status filter, bulk publish/unpublish, revision history with restore, in French; for
    the content someone follows (`announced_models`), a « Publier sans alerte » box."""

    actions = [publish, unpublish]
    list_filter = ["status"]
    readonly_fields = ["updated_at", "image_preview"]
    publication_fieldset = (
        "Publication",
        {
            "fields": ["status", "published_at", "updated_at"],
            "description": "Un brouillon n'est visible que de l'équipe (aperçu). Une date "
            "future programme la mise en ligne.",
        },
    )
    image_fieldset = ("Image", {"fields": ["image", "image_preview"]})

    def get_autocomplete_fields(self, request):
        """The library image is chosen by search, like any related item."""
        fields = list(super().get_autocomplete_fields(request))
        has_image = any(f.name == "image" for f in self.model._meta.get_fields())
        return fields + ["image"] if has_image and "image" not in fields else fields

    @admin.display(description="image actuelle")
    def image_preview(self, obj):
        image = getattr(obj, "image", None)
        if not image:
            return "Aucune image."
        return thumbnail(image, width=240)

    @property
    def is_announced(self):
        return self.model._meta.label in announced_models

    def get_form(self, request, obj=None, change=False, **kwargs):
        if self.is_announced:
            quiet = forms.BooleanField(
                label="Enregistrer sans alerte",
                required=False,
                help_text="Pour une correction : cochée, cet enregistrement n'envoie aucune "
                "alerte par courriel aux personnes qui suivent ce contenu.",
            )
            kwargs["form"] = type(
                "QuietForm", (kwargs.get("form", self.form),), {QUIET_FIELD: quiet}
            )
        return super().get_form(request, obj, change, **kwargs)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if not self.is_announced or QUIET_FIELD in flatten_fieldsets(fieldsets):
            return fieldsets
        return [
            (name, {**options, "fields": [*options["fields"], QUIET_FIELD]})
            if "status" in options["fields"]
            else (name, options)
            for name, options in fieldsets
        ]

    def save_model(self, request, obj, form, change):
        with quietly() if form.cleaned_data.get(QUIET_FIELD) else nullcontext():
            super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        with quietly() if form.cleaned_data.get(QUIET_FIELD) else nullcontext():
            super().save_related(request, form, formsets, change)

    def get_inlines(self, request, obj):
        extra = extra_inlines.get(self.model._meta.label, [])
        return [*super().get_inlines(request, obj), *(e.inline for e in extra if e.shown_for(obj))]

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
    fields = ["order", "title", "kind", "file"]
    add_label = "Ajouter un document joint"
    verbose_name = "document joint"
    verbose_name_plural = "documents joints (ordres du jour, comptes rendus, présentations…)"


@todo_check
def forgotten_drafts(request):
    """Drafts nobody touched for a month: to publish, finish or delete."""
    since = timezone.now() - datetime.timedelta(days=STALE_DRAFT_DAYS)
    found = []
    for model in apps.get_models():
        if issubclass(model, Publishable) and can_change(request, model):
            stale = model.objects.filter(status=Status.DRAFT, updated_at__lt=since)
            found += [
                Todo(
                    f"Brouillon sans modification depuis plus de {STALE_DRAFT_DAYS} jours "
                    f"({model._meta.verbose_name}) : « {draft} ».",
                    change_url(draft),
                    "Terminer ou publier",
                )
                for draft in stale.order_by("updated_at")[:10]
            ]
    return found
