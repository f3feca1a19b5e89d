"""Subscriptions in the admin: the Rédacteur sees how many people follow each topic, never
an address; the Administrateur (permission « view_subscriber_address ») sees the list and
may delete a subscription. Nobody adds or edits one here: only its owner, by e-mail."""

from django.contrib import admin
from django.template.response import TemplateResponse

from .models import Subscription

ADDRESS_PERMISSION = "alerts.view_subscriber_address"


@admin.register(Subscription)
class SubscriptionAdmin(admin.ModelAdmin):
    list_display = ["email", "topic", "created_at", "confirmed_at"]
    list_filter = ["kind", ("confirmed_at", admin.EmptyFieldListFilter)]
    search_fields = ["email"]
    list_select_related = ["lever", "project"]
    readonly_fields = ["email", "kind", "lever", "project", "created_at", "confirmed_at"]

    @admin.display(description="sujet")
    def topic(self, subscription):
        return subscription.topic_label

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_view_permission(self, request, obj=None):
        if obj is not None and not request.user.has_perm(ADDRESS_PERMISSION):
            return False
        return super().has_view_permission(request, obj)

    def changelist_view(self, request, extra_context=None):
        if request.user.has_perm(ADDRESS_PERMISSION) or not self.has_view_permission(request):
            return super().changelist_view(request, extra_context)
        context = {
            **self.admin_site.each_context(request),
            "title": "Abonnés aux alertes par sujet",
            "opts": self.model._meta,
            "counts": Subscription.objects.counts_per_topic(),
        }
        return TemplateResponse(request, "admin/alerts/subscription/counts.html", context)
