from django.apps import AppConfig


class CoreConfig(AppConfig):
    """What every content app shares. It imports none of them."""

    name = "core"
    verbose_name = "Médiathèque"
    content_app = True  # its image library is edited by the staff roles

    def ready(self):
        from django.db.models.signals import post_migrate
        from pillow_heif import register_heif_opener

        from . import cache, search, site
        from .roles import sync_roles
        from .sitemaps import SectionSitemap
        from .text import link_updates

        register_heif_opener()  # iPhone photos (HEIC) open like any other image
        post_migrate.connect(sync_roles, sender=self, dispatch_uid="core-sync-roles")
        post_migrate.connect(search.rebuild_if_empty, sender=self, dispatch_uid="core-search")
        cache.connect_signals()  # any content change makes stored pages stale
        search.connect_signals()  # and updates its search entry
        link_updates.connect_signals()  # internal links follow their target's address

        everything = {"dated_by": site.EVERYTHING}
        site.add_section("home", "Accueil", "core:home", introduced=True, **everything)
        site.add_section("site_map", "Plan du site", "core:site_map", **everything)
        site.add_section("opendata", "Données ouvertes", "core:opendata", **everything)
        site.sitemaps["rubriques"] = SectionSitemap
        site.add_link("home", "core:home")
        site.add_link("search", "core:search")
