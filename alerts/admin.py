"""Subscriptions in the admin: the Rédacteur sees how many people follow each topic, never
an address; the Administrateur (permission « view_subscriber_address ») sees the list and
may delete a subscription. Nobody adds or edits one here: only its owner, by e-mail.

The alerts sent: what each was about, its state, tries and last error."""

from django.contrib import admin
from django.template.response import TemplateResponse
from django.utils import timezone

from .models import Delivery, DeliveryStatus, Subscription

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


@admin.action(description="Renvoyer maintenant les envois sélectionnés", permissions=["change"])
def send_again(modeladmin, request, queryset):
    from .tasks import dispatch_alerts

    # Not a delivery being sent now (« À envoyer »): its worker holds it.
    count = queryset.filter(status__in=[DeliveryStatus.RETRYING, DeliveryStatus.FAILED]).update(
        status=DeliveryStatus.RETRYING, next_attempt_at=timezone.now()
    )
    dispatch_alerts.enqueue()
    modeladmin.message_user(request, f"{count} envoi(s) remis dans la file d'envoi.")


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin):
    """What was sent, what failed and why; the address only for the Administrateur."""

    list_display = ["created_at", "about", "topic", "status", "attempts", "last_error", "sent_at"]
    list_filter = ["status"]
    actions = [send_again]
    readonly_fields = [
        "about",
        "topic",
        "status",
        "attempts",
        "last_error",
        "created_at",
        "next_attempt_at",
        "sent_at",
    ]
    fields = readonly_fields

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("subscription__lever", "subscription__project")
            .prefetch_related("events__item")
        )

    def get_list_display(self, request):
        if request.user.has_perm(ADDRESS_PERMISSION):
            return [*self.list_display[:2], "address", *self.list_display[2:]]
        return self.list_display

    @admin.display(description="au sujet de")
    def about(self, delivery):
        return " ; ".join(str(event) for event in delivery.events.all()) or "—"

    @admin.display(description="abonnement")
    def topic(self, delivery):
        subscription = delivery.subscription
        return subscription.topic_label if subscription else "supprimé par son titulaire"

    @admin.display(description="adresse")
    def address(self, delivery):
        return delivery.subscription.email if delivery.subscription else "—"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        """The « send again » action only: a delivery's screen is read-only (a save there
        could write over what the worker records)."""
        return obj is None and super().has_change_permission(request)

    def has_delete_permission(self, request, obj=None):
        return False
