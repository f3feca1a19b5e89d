"""A large, clearly fictitious data set for load tests and query-count tests.

Everything generated here is named « Projet de charge n », « Actualité de charge n »… so it
can never be mistaken for the programme's real content. Never load it into production.
"""

import datetime

from django.utils import timezone


def generate(projects=500, news=200, meetings=100):
    from core.publishing import Status
    from governance.models import Body, Intercommunality, Sector, TimelineEvent
    from pages.models import NewsArticle
    from projects.models import LeverAction, PriorityLever, Project, ProjectHolder

    published = {"status": Status.PUBLISHED}
    levers = list(PriorityLever.objects.all()) or [
        PriorityLever.objects.create(
            number=1, title="Levier de charge", slug="levier-charge", **published
        )
    ]
    actions = list(LeverAction.objects.all())
    intercommunalities = list(Intercommunality.objects.all()) or [None]
    sectors = list(Sector.objects.all())
    body = Body.objects.first() or Body.objects.create(
        name="Instance de charge", slug="instance-charge", level="local", **published
    )
    holders = ProjectHolder.objects.bulk_create(
        ProjectHolder(
            name=f"Porteur de charge {n}", slug=f"porteur-charge-{n}", kind="company", **published
        )
        for n in range(max(1, projects // 5))
    )
    created = Project.objects.bulk_create(
        Project(
            title=f"Projet de charge {n}",
            slug=f"projet-charge-{n}",
            summary=f"Résumé du projet de charge numéro {n}, pour mesurer les performances.",
            lever=levers[n % len(levers)] if n % 3 else None,
            action=actions[n % len(actions)] if actions and n % 3 == 1 else None,
            intercommunality=intercommunalities[n % len(intercommunalities)],
            **published,
        )
        for n in range(projects)
    )
    links = Project.holders.through
    links.objects.bulk_create(
        links(project_id=p.pk, projectholder_id=holders[i % len(holders)].pk)
        for i, p in enumerate(created)
    )
    if sectors:
        sector_links = Project.sectors.through
        sector_links.objects.bulk_create(
            sector_links(project_id=p.pk, sector_id=sectors[i % len(sectors)].pk)
            for i, p in enumerate(created)
        )
    now = timezone.now()
    NewsArticle.objects.bulk_create(
        NewsArticle(
            title=f"Actualité de charge {n}",
            slug=f"actualite-charge-{n}",
            summary="Texte de charge.",
            body="<p>Texte de charge pour les mesures.</p>",
            published_at=now - datetime.timedelta(days=n + 1),
            **published,
        )
        for n in range(news)
    )
    TimelineEvent.objects.bulk_create(
        TimelineEvent(
            title=f"Réunion de charge {n}",
            slug=f"reunion-charge-{n}",
            kind="meeting",
            body=body,
            date=datetime.date(2021, 1, 1) + datetime.timedelta(days=7 * n),
            **published,
        )
        for n in range(meetings)
    )
    from core import search

    search.rebuild()  # bulk writes send no signals
