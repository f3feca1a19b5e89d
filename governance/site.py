"""What the governance app adds to the shared pages (see core/site.py), and the parts other
apps add to its intercommunality pages."""

from core import opendata, site

# Parts of an intercommunality's page contributed by other apps (its projects, its holders):
# a template and a function of the intercommunality giving its context.
intercommunality_parts: list[site.Part] = []


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


def count_intercommunalities():
    from .models import Intercommunality

    return Intercommunality.objects.count()


def count_communes():
    from .models import Commune

    return Commune.objects.count()


def count_inhabitants():
    """The population municipale of the communes, summed (None when none is known)."""
    from django.db.models import Sum

    from .models import Commune

    return Commune.objects.aggregate(total=Sum("population"))["total"]


def count_meetings_held():
    """Published meetings that took place: not forecasts, and their whole period is over (a
    meeting known as « 2026 » is not yet counted as held in November 2026)."""
    from django.utils import timezone

    from core.dates import period_is_over

    from .models import TimelineEvent

    today = timezone.localdate()
    known = (
        TimelineEvent.objects.published()
        .meetings()
        .filter(is_forecast=False, date__lt=today)
        .values_list("date", "date_precision")
    )
    return sum(1 for date, precision in known if period_is_over(date, precision, today))


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
    from .sitemaps import BodySitemap, EventSitemap, IntercommunalitySitemap

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
        "réunion tenue", "réunions tenues", count_meetings_held, "governance:timeline", 60
    )
    opendata.register(*DATASETS)
