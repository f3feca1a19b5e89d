"""The dashboard's « Alertes à venir »: the alerts that will leave with the next
publications, and the e-mails the mail server has not taken yet."""

from django.urls import reverse

from core.publishing import Status

from .dispatch import followers_count
from .models import AlertEvent, Delivery, DeliveryStatus

LIMIT = 10


def upcoming_alerts(request):
    if not request.user.has_perm("alerts.view_delivery"):
        return {}
    events = [  # not those of items back to draft: they leave only if published again
        event
        for event in AlertEvent.objects.filter(dispatched_at=None).prefetch_related("item")[:LIMIT]
        if event.item is not None and event.item.status == Status.PUBLISHED
    ]
    stuck = Delivery.objects.filter(
        status__in=[DeliveryStatus.RETRYING, DeliveryStatus.FAILED]
    ).count()
    return {
        "alerts_upcoming": [
            {
                "event": event,
                "admin_url": reverse(
                    f"admin:{event.item._meta.app_label}_{event.item._meta.model_name}_change",
                    args=[event.item.pk],
                ),
                "followers": 0 if event.muted else followers_count(event),
            }
            for event in events
        ],
        "alerts_stuck": stuck,
        "alerts_deliveries_url": reverse("admin:alerts_delivery_changelist"),
    }
