"""A subscription: one address, one topic, and when it was asked for and confirmed.
Nothing else personal is kept (no name, no IP address, no history)."""

from datetime import timedelta

from django.db import models
from django.db.models import Q
from django.utils import timezone

CONFIRMATION_DAYS = 7


class Topic(models.TextChoices):
    NEWS = "news", "Toutes les actualités"
    MEETINGS = "meetings", "Les réunions"
    LEVER = "lever", "Un levier prioritaire"
    PROJECT = "project", "Un projet"


class SubscriptionQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(confirmed_at__isnull=False)

    def stale(self, now=None):
        """Never confirmed, and the confirmation link has expired."""
        limit = (now or timezone.now()) - timedelta(days=CONFIRMATION_DAYS)
        return self.filter(confirmed_at__isnull=True, created_at__lt=limit)

    def same_topic(self, email, kind, lever=None, project=None):
        return self.filter(email=email, kind=kind, lever=lever, project=project)

    def counts_per_topic(self):
        """[(topic label, confirmed, awaiting confirmation)], in one query, no address."""
        rows = (
            self.values("kind", "lever__title", "project__title")
            .annotate(
                confirmed=models.Count("pk", filter=Q(confirmed_at__isnull=False)),
                waiting=models.Count("pk", filter=Q(confirmed_at__isnull=True)),
            )
            .order_by("kind", "lever__title", "project__title")
        )
        return [
            (
                Subscription.topic_label_of(
                    row["kind"], row["lever__title"], row["project__title"]
                ),
                row["confirmed"],
                row["waiting"],
            )
            for row in rows
        ]


class Subscription(models.Model):
    email = models.EmailField("adresse électronique")
    kind = models.CharField("sujet", max_length=10, choices=Topic)
    lever = models.ForeignKey(
        "projects.PriorityLever",
        verbose_name="levier",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="subscriptions",
    )
    project = models.ForeignKey(
        "projects.Project",
        verbose_name="projet",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="subscriptions",
    )
    created_at = models.DateTimeField("demandé le", default=timezone.now, editable=False)
    confirmed_at = models.DateTimeField("confirmé le", null=True, blank=True, editable=False)

    objects = SubscriptionQuerySet.as_manager()

    class Meta:
        verbose_name = "abonnement aux alertes"
        verbose_name_plural = "abonnements aux alertes"
        ordering = ["-created_at"]
        permissions = [("view_subscriber_address", "Peut voir les adresses des abonnés")]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(kind__in=[Topic.NEWS, Topic.MEETINGS], lever=None, project=None)
                    | Q(kind=Topic.LEVER, lever__isnull=False, project=None)
                    | Q(kind=Topic.PROJECT, lever=None, project__isnull=False)
                ),
                name="alerts_subscription_topic_matches_kind",
            ),
            models.UniqueConstraint(
                fields=["email", "kind"],
                condition=Q(confirmed_at__isnull=False, kind__in=[Topic.NEWS, Topic.MEETINGS]),
                name="alerts_one_confirmed_subscription_per_section",
            ),
            models.UniqueConstraint(
                fields=["email", "lever"],
                condition=Q(confirmed_at__isnull=False, kind=Topic.LEVER),
                name="alerts_one_confirmed_subscription_per_lever",
            ),
            models.UniqueConstraint(
                fields=["email", "project"],
                condition=Q(confirmed_at__isnull=False, kind=Topic.PROJECT),
                name="alerts_one_confirmed_subscription_per_project",
            ),
        ]

    def __str__(self):
        return self.topic_label

    @staticmethod
    def topic_label_of(kind, lever_title=None, project_title=None):
        if kind == Topic.LEVER:
            return f"Le levier « {lever_title} »"
        if kind == Topic.PROJECT:
            return f"Le projet « {project_title} »"
        return Topic(kind).label

    @property
    def topic_label(self):
        return self.topic_label_of(
            self.kind,
            self.lever.title if self.lever_id else None,
            self.project.title if self.project_id else None,
        )

    @property
    def is_confirmed(self):
        return self.confirmed_at is not None

    def reference(self):
        """What the signed links carry: the id and the creation instant (an id alone could
        be reused after a deletion on SQLite); never the address, which would end in logs."""
        return f"{self.pk}.{int(self.created_at.timestamp() * 1_000_000)}"

    @classmethod
    def from_reference(cls, reference):
        pk, _, micro = reference.partition(".")
        if not (pk.isdigit() and micro.isdigit()):
            return None
        found = cls.objects.select_related("lever", "project").filter(pk=int(pk)).first()
        if found is None or found.reference() != reference:
            return None
        return found
