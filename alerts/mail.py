"""Signed links and the one function that sends a message to a subscriber (synchronous
for now; the task worker will call the same function)."""

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse

from .models import CONFIRMATION_DAYS, Subscription

CONFIRM_SALT = "alerts.confirm"
MANAGE_SALT = "alerts.manage"
CONFIRMATION_MAX_AGE = timedelta(days=CONFIRMATION_DAYS)


class LinkExpired(Exception):
    pass


class LinkInvalid(Exception):
    pass


def confirm_token(subscription):
    return signing.TimestampSigner(salt=CONFIRM_SALT).sign(subscription.reference())


def manage_token(subscription):
    """Valid as long as the subscription exists: every alert carries it."""
    return signing.Signer(salt=MANAGE_SALT).sign(subscription.reference())


def read_confirm_token(token):
    """The subscription the confirmation link names; LinkExpired or LinkInvalid otherwise
    (LinkInvalid too when the subscription is gone, e.g. purged)."""
    try:
        reference = signing.TimestampSigner(salt=CONFIRM_SALT).unsign(
            token, max_age=CONFIRMATION_MAX_AGE
        )
    except signing.SignatureExpired as error:
        raise LinkExpired from error
    except signing.BadSignature as error:
        raise LinkInvalid from error
    return Subscription.from_reference(reference) or _raise(LinkInvalid)


def read_manage_token(token):
    try:
        reference = signing.Signer(salt=MANAGE_SALT).unsign(token)
    except signing.BadSignature as error:
        raise LinkInvalid from error
    return Subscription.from_reference(reference) or _raise(LinkInvalid)


def _raise(error):
    raise error


def manage_url(subscription, base_url):
    return base_url + reverse("alerts:manage", args=[manage_token(subscription)])


def send_to_subscriber(subscription, template, context, base_url):
    """Send `alerts/email/<template>.txt` and `.html` (first line of the text: the subject)
    to the subscriber, with RFC 8058 one-click unsubscribe headers.

    `base_url` (« https://host ») makes the links absolute: from a request now, from the
    worker's setting later."""
    unsubscribe = manage_url(subscription, base_url)
    context = {
        **context,
        "subscription": subscription,
        "manage_url": unsubscribe,
        "site_name": settings.SITE_NAME,
        "base_url": base_url,
    }
    subject, _, text = render_to_string(f"alerts/email/{template}.txt", context).partition("\n")
    message = EmailMultiAlternatives(
        subject=subject.strip(),
        body=text.lstrip("\n"),
        to=[subscription.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Auto-Submitted": "auto-generated",
        },
    )
    message.attach_alternative(
        render_to_string(f"alerts/email/{template}.html", context), "text/html"
    )
    message.send()


def send_alert(subscription, entries, base_url):
    """One e-mail about [(event, item)]: one section per item, with its address."""
    from .sources import source_of

    items = [
        {
            "headline": source_of(item).headline(item, event),
            "title": item.heading,
            "when": getattr(item, "date_label", ""),
            "summary": getattr(item, "summary", ""),
            "url": base_url + item.get_absolute_url(),
        }
        for event, item in entries
    ]
    send_to_subscriber(subscription, "alert", {"items": items}, base_url)


def send_confirmation(subscription, base_url):
    confirm = base_url + reverse("alerts:confirm", args=[confirm_token(subscription)])
    send_to_subscriber(
        subscription,
        "confirm",
        {"confirm_url": confirm, "valid_days": CONFIRMATION_DAYS},
        base_url,
    )
