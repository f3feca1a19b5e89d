from django.contrib import admin
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html, format_html_join
from simple_history.admin import SimpleHistoryAdmin

from .files.renditions import renditions
from .models import Image
from .todo import Todo, can_change, list_url, todo_check


def thumbnail(image, width=120):
    """The smallest rendition of a library image, for admin lists and forms."""
    sources = renditions(image) if image else []
    if not sources:
        return "—"
    url, w, h = sources[0]
    return format_html(
        '<img src="{}" width="{}" height="{}" alt="{}" class="admin-thumbnail">',
        url,
        width,
        round(h * width / w),
        image.alt_text,
    )


def admin_link(obj):
    opts = obj._meta
    try:
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
    except NoReverseMatch:
        return str(obj)
    return format_html('<a href="{}">{}</a>', url, obj)


class AltTextFilter(admin.SimpleListFilter):
    title = "texte alternatif"
    parameter_name = "texte_alternatif"

    def lookups(self, request, model_admin):
        return [("manquant", "Manquant"), ("present", "Renseigné ou image décorative")]

    def queryset(self, request, queryset):
        missing = queryset.without_alt_text()
        if self.value() == "manquant":
            return missing
        if self.value() == "present":
            return queryset.exclude(pk__in=missing)
        return queryset


@todo_check
def images_without_alt_text(request):
    count = Image.objects.without_alt_text().count() if can_change(request, Image) else 0
    if not count:
        return []
    return [
        Todo(
            f"{count} image(s) sans texte alternatif : les lecteurs d'écran n'en disent rien.",
            list_url(Image, "?texte_alternatif=manquant"),
            "Décrire les images",
        )
    ]


@admin.register(Image)
class ImageAdmin(SimpleHistoryAdmin):
    """The library: search, see where an image is used; an image in use can't be deleted."""

    list_display = ["preview", "__str__", "alt", "credit", "created_at"]
    list_display_links = ["preview", "__str__"]
    search_fields = ["title", "alt", "credit"]
    list_filter = [AltTextFilter, "decorative", "created_at"]
    readonly_fields = ["preview", "size", "used_by"]
    fieldsets = [
        (None, {"fields": ["file", "preview", "size", "title", "alt", "decorative", "credit"]}),
        ("Utilisations", {"fields": ["used_by"]}),
    ]

    @admin.display(description="aperçu")
    def preview(self, obj):
        return thumbnail(obj)

    @admin.display(description="dimensions")
    def size(self, obj):
        return f"{obj.width} × {obj.height} pixels" if obj.width else "—"

    @admin.display(description="utilisée par")
    def used_by(self, obj):
        uses = obj.uses() if obj.pk else []
        if not uses:
            return "Aucun contenu n'utilise cette image."
        return format_html(
            "<ul>{}</ul>",
            format_html_join("", "<li>{} ({})</li>", ((admin_link(o), k) for o, k in uses)),
        )
