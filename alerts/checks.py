"""`manage.py check --deploy`: the alerts' links need the site's public address."""

from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.security, deploy=True)
def site_url_is_given(app_configs, **kwargs):
    if settings.SITE_URL_GIVEN:
        return []
    return [
        checks.Warning(
            "SITE_URL n'est pas défini : les liens des alertes (et le désabonnement en un clic) "
            f"pointeraient vers {settings.SITE_URL}/.",
            hint="Donnez l'adresse publique du site, par exemple SITE_URL=https://exemple.fr.",
            id="alerts.W001",
        )
    ]
