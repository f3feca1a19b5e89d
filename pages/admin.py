from django.contrib import admin

from .admin_base import PublishableAdmin
from .models import MenuItem, NewsArticle, Page


@admin.register(Page)
class PageAdmin(PublishableAdmin):
    list_display = ["title", "section", "in_footer", "status", "order", "updated_at"]
    list_editable = ["order"]
    list_filter = ["status", "section", "in_footer"]
    search_fields = ["title", "summary", "body"]
    prepopulated_fields = {"slug": ["title"]}
    fieldsets = [
        (None, {"fields": ["title", "slug", "summary", "body"]}),
        ("Place dans le site", {"fields": ["section", "in_footer", "order"]}),
        PublishableAdmin.publication_fieldset,
    ]


@admin.register(NewsArticle)
class NewsArticleAdmin(PublishableAdmin):
    list_display = ["title", "published_at", "status"]
    list_filter = ["status", "published_at"]
    search_fields = ["title", "summary", "body"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["title"]}
    fieldsets = [
        (None, {"fields": ["title", "slug", "summary", "body"]}),
        ("Image", {"fields": ["image", "image_alt"]}),
        PublishableAdmin.publication_fieldset,
    ]


@admin.register(MenuItem)
class MenuItemAdmin(admin.ModelAdmin):
    list_display = ["label", "page", "path", "order", "is_visible"]
    list_editable = ["order", "is_visible"]
    autocomplete_fields = ["page"]
    search_fields = ["label"]
