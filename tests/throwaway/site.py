"""Step 4: what the app adds to the shared pages (home, site map, sitemap, open data)."""

from core import opendata, site
from core.opendata import Column, Dataset, UrlColumn
from core.sitemaps import PublishedSitemap


def register():
    from .models import Workshop

    class WorkshopSitemap(PublishedSitemap):
        model = Workshop

    site.add_section("workshops", "Ateliers", "throwaway:workshop_list", introduced=True)
    site.add_part(
        site.home_parts,
        "throwaway/parts/home.html",
        lambda: {"workshops": list(Workshop.objects.published())},
        order=50,
    )
    site.sitemaps["ateliers"] = WorkshopSitemap
    opendata.register(
        Dataset(
            key="ateliers",
            title="Ateliers",
            description="Les ateliers publiés.",
            columns=[Column("intitule", "Intitulé.", lambda w: w.title), UrlColumn("Adresse.")],
            queryset=lambda request: Workshop.objects.published(),
            list_url_name="throwaway:workshop_list",
            model=Workshop,
        )
    )
