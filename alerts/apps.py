from django.apps import AppConfig


class AlertsConfig(AppConfig):
    """E-mail alerts: subscriptions with double opt-in and one-click unsubscribe.

    Not a ContentAppConfig: a subscription is personal data, not content. Saving one must not
    make every stored page stale (core.cache), and the Rédacteur must not see addresses
    (core.roles gives each role the codenames listed here)."""

    name = "alerts"
    verbose_name = "Alertes par courriel"
    role_permissions = {
        "Rédacteur": {"view_subscription"},
        "Administrateur": {"view_subscription", "delete_subscription", "view_subscriber_address"},
    }

    def ready(self):
        from core import site

        from . import site as follow_forms
        from .sitemaps import AlertsSitemap

        follow_forms.register()  # the form to follow a topic, on the content pages
        site.add_link("alerts_subscribe", "alerts:subscribe")  # named on « S'abonner »
        site.sitemaps.update(alertes=AlertsSitemap)
