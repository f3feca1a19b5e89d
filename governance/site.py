"""What the governance app adds to the shared pages (see core/site.py)."""

from core import opendata, site


def meetings():
    from .models import TimelineEvent

    meetings = TimelineEvent.objects.published().meetings().select_related("body")
    return {
        "next_meeting": meetings.upcoming().first(),
        "last_meeting": meetings.past().first(),
    }


def intercommunalities():
    from .models import Intercommunality

    return {"intercommunalities": list(Intercommunality.objects.all())}


def site_map():
    from .models import Body, TimelineEvent

    return {
        "bodies": Body.objects.published(),
        "events": TimelineEvent.objects.published().chronological(),
    }


def upcoming_meetings(request):
    """For the admin dashboard: the next meetings, drafts included."""
    from .models import TimelineEvent

    return {"meetings": TimelineEvent.objects.meetings().upcoming()[:10]}


def register():
    from .opendata import DATASETS
    from .sitemaps import BodySitemap, EventSitemap

    site.add_section(
        "governance",
        "Gouvernance",
        "governance:timeline",
        introduced=True,
        dated_by=["governance.Body", "governance.TimelineEvent"],
    )
    site.add_section("territory", "Territoire", "governance:territory", introduced=True)
    site.add_part(site.home_parts, "governance/parts/home_meetings.html", meetings, 30, column=True)
    site.add_part(site.home_parts, "governance/parts/home_territory.html", intercommunalities, 40)
    site.add_part(site.site_map_parts, "governance/parts/site_map.html", site_map, order=30)
    site.add_part(site.dashboard_parts, "governance/parts/dashboard.html", upcoming_meetings)
    site.sitemaps.update(instances=BodySitemap, calendrier=EventSitemap)
    site.add_link("calendar_feed", "governance:calendar_feed")
    opendata.register(*DATASETS)
