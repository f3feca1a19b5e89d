from django.apps import AppConfig


class AlertsConfig(AppConfig):
    """E-mail alerts: subscriptions with double opt-in and one-click unsubscribe, and the
    alerts themselves, recorded as editors save and sent by the task worker.

    Not a ContentAppConfig: a subscription is personal data, not content. Saving one must not
    make every stored page stale (core.cache), and the Rédacteur must not see addresses
    (core.roles gives each role the codenames listed here)."""

    name = "alerts"
    verbose_name = "Alertes par courriel"
    role_permissions = {
        "Rédacteur": {"view_subscription", "view_delivery", "change_delivery"},
        "Administrateur": {
            "view_subscription",
            "delete_subscription",
            "view_subscriber_address",
            "view_delivery",
            "change_delivery",
        },
    }

    def ready(self):
        from django.apps import apps
        from django.db.models.signals import post_save, pre_delete, pre_save

        from core import publishing, site
        from core.models import Document

        from . import (
            checks,  # noqa: F401 — registers the deploy check of SITE_URL
            events,
        )
        from . import site as follow_forms
        from .dashboard import upcoming_alerts
        from .sitemaps import AlertsSitemap
        from .sources import SOURCES

        follow_forms.register()  # the form to follow a topic, on the content pages
        site.add_link("alerts_subscribe", "alerts:subscribe")  # named on « S'abonner »
        site.sitemaps.update(alertes=AlertsSitemap)
        site.add_part(site.dashboard_parts, "alerts/parts/dashboard.html", upcoming_alerts, 20)

        for label in SOURCES:
            model = apps.get_model(label)
            pre_save.connect(events.remember_before, sender=model, dispatch_uid=f"alerts-{label}")
            post_save.connect(events.record_changes, sender=model, dispatch_uid=f"alerts-{label}")
            publishing.published_in_bulk.connect(events.record_bulk_publication, sender=model)
        publishing.announced_models.update(SOURCES)
        post_save.connect(events.record_minutes, sender=Document, dispatch_uid="alerts-minutes")
        pre_delete.connect(events.hand_over_deliveries, sender="alerts.Subscription")
