from django import forms
from django.contrib import admin
from django.urls import reverse

from core import site
from core.admin_base import DocumentInline, PublishableAdmin
from core.todo import Todo, can_change, todo_check

from .models import Document, GlossaryEntry, MenuItem, NewsArticle, Page, PageKind, SiteIdentity


def section_choices():
    return [("", "—"), *site.introduced_sections()]


class PageForm(forms.ModelForm):
    section = forms.ChoiceField(
        label="introduction de la rubrique",
        choices=section_choices,
        required=False,
        help_text=Page._meta.get_field("section").help_text,
    )


class SectionFilter(admin.SimpleListFilter):
    title = "rubrique introduite"
    parameter_name = "section"

    def lookups(self, request, model_admin):
        return site.introduced_sections()

    def queryset(self, request, queryset):
        return queryset.filter(section=self.value()) if self.value() else queryset


@admin.register(Page)
class PageAdmin(PublishableAdmin):
    form = PageForm
    list_display = [
        "title", "kind", "section_column", "in_footer", "status", "order", "updated_at",
    ]  # fmt: skip
    list_editable = ["order"]
    list_filter = ["status", "kind", SectionFilter, "in_footer"]
    search_fields = ["title", "summary", "body"]
    prepopulated_fields = {"slug": ["title"]}
    fieldsets = [
        (None, {"fields": ["title", "slug", "summary", "body"]}),
        PublishableAdmin.image_fieldset,
        ("Place dans le site", {"fields": ["kind", "section", "in_footer", "order"]}),
        PublishableAdmin.publication_fieldset,
    ]
    inlines = [DocumentInline]

    @admin.display(description="introduction de la rubrique", ordering="section")
    def section_column(self, page):
        return page.section_label or "—"


@admin.register(NewsArticle)
class NewsArticleAdmin(PublishableAdmin):
    list_display = ["title", "published_at", "status"]
    list_filter = ["status", "published_at"]
    search_fields = ["title", "summary", "body"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["title"]}
    fieldsets = [
        (None, {"fields": ["title", "slug", "summary", "body"]}),
        PublishableAdmin.image_fieldset,
        PublishableAdmin.publication_fieldset,
    ]
    inlines = [DocumentInline]


@admin.register(MenuItem)
class MenuItemAdmin(admin.ModelAdmin):
    list_display = ["label", "page", "path", "order", "is_visible"]
    list_editable = ["order", "is_visible"]
    autocomplete_fields = ["page"]
    search_fields = ["label"]


@admin.register(GlossaryEntry)
class GlossaryEntryAdmin(admin.ModelAdmin):
    """The acronyms of the glossary page, also explained where they first appear in a page."""

    list_display = ["acronym", "expansion"]
    search_fields = ["acronym", "expansion", "explanation"]
    fields = ["acronym", "expansion", "explanation"]


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    """All attached files in one list; they are added from the page they belong to."""

    list_display = ["title", "kind_label", "file_size", "content_type", "content_object"]
    list_filter = ["content_type"]
    search_fields = ["title", "file"]

    def has_add_permission(self, request):
        return False


@admin.register(SiteIdentity)
class SiteIdentityAdmin(admin.ModelAdmin):
    """One row: the legal notice, the contact, and the accessibility statement's publisher
    and contact (its results come from the RGAA grid, accessibility/grid.toml)."""

    fieldsets = [
        (
            "Contact",
            {
                "fields": ["contact_name", "contact_address", "contact_phone", "contact_email"],
                "description": "Affiché en pied de chaque page dès qu'un champ est rempli, et sur "
                "les pages « Participer / porter un projet ». L'adresse électronique "
                "sert aussi aux mentions légales et à la déclaration d'accessibilité.",
            },
        ),
        (
            "Mentions légales",
            {
                "fields": [
                    "publisher",
                    "publisher_address",
                    "publication_director",
                    "host",
                    "host_address",
                ]
            },
        ),
    ]  # fmt: skip  (the accessibility statement is computed from accessibility/grid.toml)

    def has_add_permission(self, request):
        return not SiteIdentity.objects.exists() and super().has_add_permission(request)

    def has_delete_permission(self, request, obj=None):
        return False


def identity_url(identity):
    if identity.pk and SiteIdentity.objects.exists():
        return reverse("admin:pages_siteidentity_change", args=[1])
    return reverse("admin:pages_siteidentity_add")


@todo_check
def participate_page_without_contact(request):
    """A published « Participer » page tells visitors the contact is not yet published."""
    if not can_change(request, SiteIdentity):
        return []
    pages = Page.objects.published().filter(kind=PageKind.PARTICIPATE)
    identity = SiteIdentity.load()
    if identity.has_contact or not pages.exists():
        return []
    return [
        Todo(
            "La page « " + pages.first().title + " » est publiée, mais aucune coordonnée de "
            "contact n'est renseignée : elle dit aux visiteurs que le contact n'est pas encore "
            "publié.",
            identity_url(identity),
            "Renseigner le contact",
        )
    ]


@todo_check
def legal_notice_gaps(request):
    """The legal notice and the accessibility statement print « non renseigné » for these."""
    if not can_change(request, SiteIdentity):
        return []
    identity = SiteIdentity.load()
    missing = [
        str(SiteIdentity._meta.get_field(name).verbose_name)
        for name in SiteIdentity.LEGAL_NOTICE_FIELDS
        if not getattr(identity, name)
    ]
    if not missing:
        return []
    return [
        Todo(
            "Mentions légales : « non renseigné » s'affiche pour " + ", ".join(missing) + ".",
            identity_url(identity),
            "Remplir l'identité du site",
        )
    ]
