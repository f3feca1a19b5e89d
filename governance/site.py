"""What the governance app adds to the shared pages (see core/site.py)."""

from core import opendata, site


def meetings():
    from .models import TimelineEvent

    meetings = TimelineEvent.objects.published().meetings().select_related("body")
    return {
        "next_meeting": meetings.upcoming().first(),
        "last_meeting": meetings.past().first(),
    }


def home_progress():
    from .progress import progress

    return {"progress": progress()}


def intercommunalities():
    from .models import Intercommunality

    return {"intercommunalities": list(Intercommunality.objects.all())}


def count_intercommunalities():
    from .models import Intercommunality

    return Intercommunality.objects.count()


def count_communes():
    from .models import Commune

    return Commune.objects.count()


def count_inhabitants():
    """The population municipale of the communes, summed; None (no figure shown) unless
    every commune's is known."""
    from django.db.models import Count, Sum

    from .models import Commune

    figures = Commune.objects.aggregate(
        total=Sum("population"), communes=Count("pk"), known=Count("population")
    )
    return figures["total"] if figures["known"] == figures["communes"] else None


def count_meetings_held():
    """Published meetings that took place: the count « Où en est-on ? » shows."""
    from .progress import progress

    return progress().meetings_held


def site_map():
    from .models import Body, Intercommunality, TimelineEvent

    return {
        "bodies": Body.objects.published(),
        "events": TimelineEvent.objects.published().chronological(),
        "intercommunalities": Intercommunality.objects.all(),
    }


def upcoming_meetings(request):
    """For the admin dashboard: the next meetings, drafts included."""
    from .models import TimelineEvent

    return {"meetings": TimelineEvent.objects.meetings().upcoming()[:10]}


def register():
    from .opendata import DATASETS
    from .sitemaps import BodySitemap, EventSitemap, IntercommunalitySitemap

    site.add_section(
        "governance",
        "Gouvernance",
        "governance:timeline",
        introduced=True,
        dated_by=["governance.Body", "governance.TimelineEvent"],
    )
    site.add_section(
        "progress",
        "Où en est-on ?",
        "governance:progress",
        introduced=True,
        dated_by=["governance.TimelineEvent"],
    )
    site.add_section("territory", "Territoire", "governance:territory", introduced=True)
    site.add_part(site.home_parts, "governance/parts/home_progress.html", home_progress, 5)
    site.add_part(site.home_parts, "governance/parts/home_meetings.html", meetings, 30, column=True)
    site.add_part(site.home_parts, "governance/parts/home_territory.html", intercommunalities, 40)
    site.add_part(site.site_map_parts, "governance/parts/site_map.html", site_map, order=30)
    site.add_part(site.dashboard_parts, "governance/parts/dashboard.html", upcoming_meetings)
    site.sitemaps.update(
        instances=BodySitemap, calendrier=EventSitemap, territoire=IntercommunalitySitemap
    )
    territory = "governance:territory"
    site.add_key_figure(
        "intercommunalité", "intercommunalités", count_intercommunalities, territory, 30
    )
    site.add_key_figure("commune", "communes", count_communes, territory, 40, fragment="communes")
    site.add_key_figure(
        "habitant", "habitants", count_inhabitants, territory, 50, fragment="communes"
    )
    site.add_key_figure(
        "réunion au calendrier",
        "réunions au calendrier",
        count_meetings_held,
        "governance:timeline",
        60,
        fragment="titre-calendrier",
    )
    site.add_link("calendar_feed", "governance:calendar_feed")
    opendata.register(*DATASETS)
