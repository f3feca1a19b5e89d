"""A large, clearly fictitious data set for load tests and query-count tests.

Everything generated here is named « Projet de charge n », « Actualité de charge n »… so it
can never be mistaken for the programme's real content. Never load it into production.

`make bench` and tests/test_query_counts.py load it on top of the 2019 content:
`manage.py generate_load_data --projects 500 --news 200 --meetings 100`.
"""

import datetime
import io

from django.apps import apps
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from projects.models import LeverAction, PriorityLever, Project, ProjectHolder


def stored(model, field, value):
    """`value` as `model.field` stores it, checked against the field's choices: the literal
    is written once here, and a renamed choice stops the command instead of writing junk."""
    choices = {key for key, _ in model._meta.get_field(field).flatchoices}
    if value not in choices:
        raise CommandError(f"{model.__name__}.{field} n'a plus le choix {value!r}.")
    return value


class Command(BaseCommand):
    help = (
        "Ajoute un grand jeu de données fictif (« Projet de charge n »…) pour les mesures de "
        "charge et les tests du nombre de requêtes. Jamais en production."
    )

    def add_arguments(self, parser):
        parser.add_argument("--projects", type=int, default=500, help="projets (500)")
        parser.add_argument("--news", type=int, default=200, help="actualités (200)")
        parser.add_argument("--meetings", type=int, default=100, help="réunions (100)")

    def handle(self, *args, projects, news, meetings, **options):
        if Project.objects.filter(slug__startswith="projet-charge-").exists():
            raise CommandError("Le jeu de données de charge est déjà chargé dans cette base.")
        with transaction.atomic():
            generate(projects, news, meetings)
        # Bulk writes send no signals: the search index is rebuilt once, at the end.
        out = self.stdout if options["verbosity"] else io.StringIO()
        call_command("rebuild_search_index", stdout=out)
        if options["verbosity"]:
            self.stdout.write(
                f"Jeu de charge ajouté : {projects} projets, {news} actualités, "
                f"{meetings} réunions."
            )


def generate(projects, news, meetings):
    NewsArticle = apps.get_model("pages", "NewsArticle")
    Body = apps.get_model("governance", "Body")
    Intercommunality = apps.get_model("governance", "Intercommunality")
    Sector = apps.get_model("governance", "Sector")
    TimelineEvent = apps.get_model("governance", "TimelineEvent")

    def published(model):
        return {"status": stored(model, "status", "published")}

    levers = list(PriorityLever.objects.all()) or [
        PriorityLever.objects.create(
            number=1, title="Levier de charge", slug="levier-charge", **published(PriorityLever)
        )
    ]
    actions = list(LeverAction.objects.all())
    intercommunalities = list(Intercommunality.objects.all()) or [None]
    sectors = list(Sector.objects.all())
    body = Body.objects.first() or Body.objects.create(
        name="Instance de charge",
        slug="instance-charge",
        level=stored(Body, "level", "local"),
        **published(Body),
    )
    holders = ProjectHolder.objects.bulk_create(
        ProjectHolder(
            name=f"Porteur de charge {n}",
            slug=f"porteur-charge-{n}",
            kind=stored(ProjectHolder, "kind", "company"),
            **published(ProjectHolder),
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
            **published(Project),
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
            **published(NewsArticle),
        )
        for n in range(news)
    )
    TimelineEvent.objects.bulk_create(
        TimelineEvent(
            title=f"Réunion de charge {n}",
            slug=f"reunion-charge-{n}",
            kind=stored(TimelineEvent, "kind", "meeting"),
            body=body,
            date=datetime.date(2021, 1, 1) + datetime.timedelta(days=7 * n),
            **published(TimelineEvent),
        )
        for n in range(meetings)
    )
