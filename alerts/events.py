"""Recording what followers will hear about, as editors save.

Saving decides nothing is sent yet: it records an `AlertEvent` with the moment the item
goes live (now, or its scheduled date) and asks the task worker to look then. An event is
recorded once per item, kind and detail: saving again (a typo fixed) finds it and records
nothing new; an item that was already public before the save is not « new »."""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

from core.models import DocumentKind
from core.publishing import Status, is_quiet

from .models import AlertEvent, EventKind
from .sources import source_of


@dataclass(frozen=True)
class Before:
    """What the database held before a save."""

    public: bool
    state: str


def visibility(item):
    """« public », « scheduled » (published with a date to come) or « hidden » (a draft)."""
    if item.is_public:
        return "public"
    return "scheduled" if item.status == Status.PUBLISHED else "hidden"


def remember_before(sender, instance, raw=False, **kwargs):
    """pre_save: what the item was, so that post_save knows what changed (one query)."""
    source = source_of(instance)
    if raw or source is None or instance.pk is None:
        return
    old = type(instance).objects.filter(pk=instance.pk).first()
    if old is not None:
        state = getattr(old, source.state_field) if source.state_field else ""
        instance._alerts_before = Before(old.is_public, state)


def record_changes(sender, instance, raw=False, **kwargs):
    """post_save: an item that goes (or is scheduled to go) live, or a public item whose
    state changed, is an event. Fixtures (`raw`) are history, not news."""
    source = source_of(instance)
    if raw or source is None:
        return
    before = instance.__dict__.pop("_alerts_before", None)
    now_visible = visibility(instance)
    if now_visible != "hidden" and not (before and before.public):
        record(instance, EventKind.PUBLISHED, due_at=instance.published_at)
    if source.state_field and before and before.public and now_visible == "public":
        state = getattr(instance, source.state_field)
        if state != before.state:
            record(instance, EventKind.STATUS, detail=state)


def record_bulk_publication(sender, pks, **kwargs):
    """The admin's « Publier » action: the items it made public or scheduled."""
    for item in sender.objects.filter(pk__in=pks):
        if source_of(item) and visibility(item) != "hidden":
            record(item, EventKind.PUBLISHED, due_at=item.published_at)


def record_minutes(sender, instance, raw=False, **kwargs):
    """A report (« compte rendu ») joined to a meeting that is, or will be, public."""
    if raw or instance.kind != DocumentKind.MINUTES:
        return
    meeting = instance.content_object
    source = meeting and source_of(meeting)
    if source is None or EventKind.MINUTES not in source.headlines:
        return  # a « compte rendu » joined to a news item or a project announces nothing
    if visibility(meeting) == "hidden":
        return
    record(meeting, EventKind.MINUTES, due_at=meeting.published_at)


def record(item, kind, detail="", due_at=None):
    """Record the event (or move its date while it waits), then have it sent when due.
    Inside `core.publishing.quietly()` (« Enregistrer sans alerte ») it is recorded muted;
    a scheduled item saved again without the box before it goes live is announced after
    all. Once handled (sent, or muted when it went live), an event is never sent again."""
    due_at = max(due_at or timezone.now(), timezone.now())
    event, created = AlertEvent.objects.get_or_create(
        content_type=ContentType.objects.get_for_model(item),
        object_id=item.pk,
        kind=kind,
        detail=detail,
        defaults={"due_at": due_at, "muted": is_quiet()},
    )
    if event.dispatched_at is not None:
        return  # told already (or muted and done): never twice
    if not created:  # still waiting: the last save before it leaves decides
        event.due_at, event.muted = due_at, is_quiet()
        event.save(update_fields=["due_at", "muted"])
    from .tasks import schedule_dispatch

    # Muted or not: the dispatch closes a muted event too (it then leaves the dashboard).
    transaction.on_commit(lambda: schedule_dispatch(due_at))


def hand_over_deliveries(sender, instance, **kwargs):
    """pre_delete of a subscription: the e-mails still to send to its address stay with
    another subscription of that address (each is checked again when sent); with none
    left, they lose their address and are cancelled."""
    from .models import Delivery, DeliveryStatus, Subscription

    heir = (
        Subscription.objects.confirmed()
        .filter(email=instance.email)
        .exclude(pk=instance.pk)
        .order_by("pk")
        .first()
    )
    if heir is not None:
        Delivery.objects.filter(
            subscription=instance, status__in=[DeliveryStatus.PENDING, DeliveryStatus.RETRYING]
        ).update(subscription=heir)
