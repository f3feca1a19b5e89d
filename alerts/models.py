"""A subscription: one address, one topic, and when it was asked for and confirmed.
Nothing else personal is kept (no name, no IP address, no history).

An alert event: what followers hear about once; a delivery: one e-mail about events."""

from datetime import timedelta

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
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


class EventKind(models.TextChoices):
    PUBLISHED = "published", "Mise en ligne"
    MINUTES = "minutes", "Compte rendu joint"
    STATUS = "status", "Nouvel état d'avancement"


class AlertEventQuerySet(models.QuerySet):
    def pending(self):
        """Not yet turned into e-mails, and not published « sans alerte »."""
        return self.filter(dispatched_at=None, muted=False)

    def due(self, now=None):
        return self.filter(dispatched_at=None, due_at__lte=now or timezone.now())


class AlertEvent(models.Model):
    """Something the followers of a topic hear about once: an item going live, a meeting's
    minutes, a project's new state. Recorded when an editor saves, sent when the item is
    public (`due_at`, the scheduled time), never twice: one row per item, kind and detail.

    Deleting an item leaves its rows without object: they are then never sent."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    item = GenericForeignKey("content_type", "object_id")
    kind = models.CharField("événement", max_length=10, choices=EventKind)
    detail = models.CharField("précision", max_length=30, blank=True)  # the new state
    due_at = models.DateTimeField("à envoyer à partir du")
    muted = models.BooleanField("sans alerte", default=False)
    created_at = models.DateTimeField("enregistré le", default=timezone.now, editable=False)
    dispatched_at = models.DateTimeField("traité le", null=True, blank=True)

    objects = AlertEventQuerySet.as_manager()

    class Meta:
        verbose_name = "événement à annoncer"
        verbose_name_plural = "événements à annoncer"
        ordering = ["due_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "kind", "detail"],
                name="alerts_one_event_per_item_kind_detail",
            )
        ]
        indexes = [models.Index(fields=["dispatched_at", "due_at"])]

    def __str__(self):
        return f"{self.get_kind_display()} : {self.item or 'élément supprimé'}"


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", "À envoyer"
    RETRYING = "retrying", "Nouvel essai prévu"
    SENT = "sent", "Envoyé"
    FAILED = "failed", "Échec (essais épuisés)"
    CANCELLED = "cancelled", "Annulé (abonnement supprimé ou contenu retiré)"


class DeliveryQuerySet(models.QuerySet):
    def waiting(self, now=None):
        """To send now: new, or whose next try has come."""
        return self.filter(
            status__in=[DeliveryStatus.PENDING, DeliveryStatus.RETRYING],
            next_attempt_at__lte=now or timezone.now(),
        )


class Delivery(models.Model):
    """One e-mail to one address about one or more events (grouped when they go live
    together). It names a subscription, never the address: when the subscriber leaves, the
    row stays, without anyone's address (« Annulé » if it was still to send)."""

    subscription = models.ForeignKey(
        Subscription,
        verbose_name="abonnement",
        on_delete=models.SET_NULL,
        null=True,
        related_name="deliveries",
    )
    events = models.ManyToManyField(AlertEvent, verbose_name="événements", related_name="+")
    status = models.CharField(
        "état", max_length=10, choices=DeliveryStatus, default=DeliveryStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField("essais", default=0)
    last_error = models.CharField("dernière erreur", max_length=300, blank=True)
    created_at = models.DateTimeField("créé le", default=timezone.now, editable=False)
    next_attempt_at = models.DateTimeField("prochain essai", default=timezone.now)
    sent_at = models.DateTimeField("envoyé le", null=True, blank=True)

    objects = DeliveryQuerySet.as_manager()

    class Meta:
        verbose_name = "envoi d'alerte"
        verbose_name_plural = "envois d'alertes"
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "next_attempt_at"])]

    def __str__(self):
        return f"Envoi n° {self.pk} ({self.get_status_display().lower()})"
