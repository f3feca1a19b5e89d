"""Turning due events into e-mails, and sending them — what the tasks run.

`dispatch_due()` takes the events whose item is now public, each exactly once (a
conditional UPDATE: two workers never both take one), and makes one `Delivery` per address
with all the events that address follows: items that go live together make one e-mail.
`deliver()` sends one; when the mail server is down or refuses, it records why and when
to try again (`ALERTS_RETRY_DELAYS`), and nothing is lost."""

import logging
import smtplib
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from . import mail
from .models import AlertEvent, Delivery, DeliveryStatus, Subscription
from .sources import source_of

logger = logging.getLogger(__name__)

# A delivery being sent is out of reach of other workers for this long; if its worker
# dies meanwhile, it is sent again after that.
LEASE = timedelta(minutes=10)


def dispatch_due(now=None):
    """Claim the due events of public items and make their deliveries; return them."""
    now = now or timezone.now()
    with transaction.atomic():
        claimed = [
            (event, item)
            for event in AlertEvent.objects.due(now).prefetch_related("item")
            for item in [event.item]
            if (item is None or item.is_public) and _claim(event, now)
        ]
        per_address = {}
        for event, item in claimed:
            source = item and source_of(item)
            if event.muted or source is None:
                continue  # « sans alerte », or the item is gone or no longer followed
            who = source.followers(item, event)
            for subscription in Subscription.objects.confirmed().filter(who).order_by("pk"):
                subscription_events = per_address.setdefault(
                    subscription.email.casefold(), (subscription, [])
                )[1]
                if event not in subscription_events:
                    subscription_events.append(event)
        deliveries = []
        for subscription, events in per_address.values():
            delivery = Delivery.objects.create(subscription=subscription, next_attempt_at=now)
            delivery.events.set(events)
            deliveries.append(delivery)
    return deliveries


def _claim(event, now):
    return AlertEvent.objects.filter(pk=event.pk, dispatched_at=None).update(dispatched_at=now)


def deliver(delivery_pk, now=None):
    """Send the delivery if it is (still) waiting; return when to try again, or None."""
    now = now or timezone.now()
    taken = Delivery.objects.waiting(now).filter(pk=delivery_pk).update(next_attempt_at=now + LEASE)
    if not taken:
        return None  # sent, given up, cancelled, or another worker has it
    delivery = Delivery.objects.select_related("subscription").get(pk=delivery_pk)
    events = list(delivery.events.prefetch_related("item").order_by("due_at", "pk"))
    withdrawn = [e for e in events if e.item is not None and not e.item.is_public]
    _announce_again_later(withdrawn)
    subscription = delivery.subscription
    entries = [
        (event, event.item)
        for event in events
        if event not in withdrawn
        and event.item is not None
        and _still_followed(subscription, event)
    ]
    if not entries:
        delivery.status = DeliveryStatus.CANCELLED
        delivery.save(update_fields=["status"])
        return None
    delivery.attempts += 1
    try:
        mail.send_alert(subscription, entries, settings.SITE_URL)
    except (smtplib.SMTPException, OSError) as error:
        return _failed(delivery, error, now)
    except Exception as error:  # a bug must not leave the delivery stuck nor lose the rest
        logger.exception("Alert delivery %s could not be written", delivery.pk)
        return _failed(delivery, error, now)
    delivery.status, delivery.sent_at, delivery.last_error = DeliveryStatus.SENT, now, ""
    delivery.save(update_fields=["status", "sent_at", "last_error", "attempts"])
    return None


def _still_followed(subscription, event):
    """Whether the address still follows what the event is about, through any of its
    subscriptions (it may have left the topic, or the project changed lever, since)."""
    if subscription is None:
        return False
    source = source_of(event.item)
    return (
        source is not None
        and Subscription.objects.confirmed()
        .filter(email=subscription.email)
        .filter(source.followers(event.item, event))
        .exists()
    )


def _announce_again_later(events):
    """Items withdrawn (back to draft) before their alert left: when none of their e-mails
    went out, they are to announce again when they are next published."""
    for event in events:
        sent = Delivery.objects.filter(events=event, status=DeliveryStatus.SENT).exists()
        if not sent:
            AlertEvent.objects.filter(pk=event.pk).update(dispatched_at=None)


def _failed(delivery, error, now):
    delays = settings.ALERTS_RETRY_DELAYS
    delivery.last_error = describe(error)[:300]
    if delivery.attempts > len(delays):
        delivery.status = DeliveryStatus.FAILED
        retry_at = None
    else:
        delivery.status = DeliveryStatus.RETRYING
        retry_at = delivery.next_attempt_at = now + timedelta(seconds=delays[delivery.attempts - 1])
    delivery.save(update_fields=["status", "last_error", "attempts", "next_attempt_at"])
    # The delivery's number, never the address: logs are not a place for personal data.
    logger.warning(
        "Alert delivery %s not sent (try %s): %s",
        delivery.pk,
        delivery.attempts,
        delivery.last_error,
    )
    return retry_at


def describe(error):
    """Why sending failed, in French, without the address (SMTP errors may quote it)."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return "Le serveur de courrier a refusé l'adresse du destinataire."
    if isinstance(error, smtplib.SMTPResponseException):
        return (
            f"Le serveur de courrier a répondu {error.smtp_code} : erreur {type(error).__name__}."
        )
    if isinstance(error, ConnectionRefusedError):
        return "Le serveur de courrier ne répond pas (connexion refusée)."
    if isinstance(error, TimeoutError):
        return "Le serveur de courrier n'a pas répondu à temps."
    if isinstance(error, smtplib.SMTPServerDisconnected):
        return "Le serveur de courrier a coupé la connexion."
    if not isinstance(error, (smtplib.SMTPException, OSError)):
        return f"Erreur du site en écrivant le message ({type(error).__name__}) : voir le journal."
    return f"Envoi impossible : {type(error).__name__}."


def waiting_deliveries(now=None):
    return list(Delivery.objects.waiting(now).values_list("pk", flat=True))


def followers_count(event):
    """How many addresses an event will reach if sent now (for the dashboard)."""
    item = event.item
    source = item and source_of(item)
    if source is None:
        return 0
    who = source.followers(item, event)
    return Subscription.objects.confirmed().filter(who).values("email").distinct().count()
