from django.apps import AppConfig


class AccessibilityConfig(AppConfig):
    """The RGAA evaluation kept in the repository (`grid.toml`), and what is computed from it:
    the conformance state and rate of the statement, the footer's wording, the annex."""

    name = "accessibility"
    verbose_name = "Accessibilité"

    def ready(self):
        from core import site

        from . import checks  # noqa: F401 — the « À compléter » check of old person checks
        from .sitemaps import GridSitemap

        site.sitemaps.update(accessibilite=GridSitemap)
