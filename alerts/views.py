"""Subscribing (no account, no cookie), confirming by the e-mailed link (and a button), and
unsubscribing from the link every message carries. Every page answers the same whatever the
address: nobody learns from the site who is subscribed."""

import logging
import smtplib

from django.db.models import F
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from accounts import throttle
from accounts.lockout import client_ip

from . import mail
from .forms import SubscriptionForm
from .models import Subscription

logger = logging.getLogger(__name__)

HOUR = 60 * 60
POSTS_PER_CLIENT_PER_HOUR = 10
MAILS_PER_ADDRESS_PER_HOUR = 3


def base_url(request):
    return f"{request.scheme}://{request.get_host()}"


# No CSRF token: the token is a cookie, and visitors get none (see the « Données
# personnelles » page). A forged post can only ask for a confirmation e-mail, which the
# address's owner ignores: the double opt-in is the protection, the limits below stop floods.
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def subscribe(request):
    if request.method != "POST":
        return render(request, "alerts/subscribe.html", {"form": SubscriptionForm()})

    form = SubscriptionForm(request.POST)
    # Counted before validation: bad input must not be a way around the limit.
    if not throttle.allow("alerts-client", client_ip(request), POSTS_PER_CLIENT_PER_HOUR, HOUR):
        form.is_valid()
        form.add_error(
            None,
            "Trop de demandes d'abonnement depuis votre connexion. Réessayez dans une heure.",
        )
        return render(request, "alerts/subscribe.html", {"form": form}, status=429)
    if form.is_robot:
        return _check_your_inbox(request)  # robots get the usual answer, and nothing happens
    if not form.is_valid():
        return render(request, "alerts/subscribe.html", {"form": form}, status=400)

    email = form.cleaned_data["email"]
    if not throttle.allow("alerts-address", email.casefold(), MAILS_PER_ADDRESS_PER_HOUR, HOUR):
        return _check_your_inbox(request)  # the same answer: nothing to learn, nothing sent
    topic = form.chosen_topic()
    existing = (
        Subscription.objects.same_topic(email, **topic)
        .order_by(F("confirmed_at").desc(nulls_last=True))
        .first()
    )
    if existing and existing.is_confirmed:
        return _check_your_inbox(request)  # already subscribed: nothing to confirm again
    subscription = existing or Subscription.objects.create(email=email, **topic)
    try:
        mail.send_confirmation(subscription, base_url(request))
    except (smtplib.SMTPException, OSError) as error:
        logger.warning("Confirmation of subscription %s not sent: %r", subscription.pk, error)
        if existing is None:
            subscription.delete()
        form.add_error(
            None,
            "Le message de confirmation n'a pas pu être envoyé : le serveur de courrier ne "
            "répond pas. Réessayez dans quelques minutes.",
        )
        return render(request, "alerts/subscribe.html", {"form": form}, status=503)
    return _check_your_inbox(request)


def _check_your_inbox(request):
    return render(request, "alerts/check_inbox.html")


# Exempt from CSRF: visitors have no cookie to carry a token. The signed token in the address
# is the authority (only the address's owner received it). The GET shows a button and
# changes nothing: mail scanners that open every link must not confirm for the person.
@csrf_exempt
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request, token):
    try:
        subscription = mail.read_confirm_token(token)
    except mail.LinkExpired:
        return _bad_link(request, expired=True)
    except mail.LinkInvalid:
        return _bad_link(request)
    if subscription.is_confirmed:
        return _confirmed(request, subscription, again=True)
    if request.method != "POST":
        return render(request, "alerts/confirm.html", {"subscription": subscription})
    duplicate = (
        Subscription.objects.same_topic(
            subscription.email, subscription.kind, subscription.lever, subscription.project
        )
        .confirmed()
        .exists()
    )
    if duplicate:  # confirmed meanwhile through another request: keep that one only
        subscription.delete()
        return _confirmed(request, subscription, again=True)
    subscription.confirmed_at = timezone.now()
    subscription.save(update_fields=["confirmed_at"])
    return _confirmed(request, subscription)


def _confirmed(request, subscription, again=False):
    context = {"subscription": subscription, "again": again}
    if not again:
        context["manage_url"] = mail.manage_url(subscription, "")
    return render(request, "alerts/confirmed.html", context)


# Exempt from CSRF: mail programs unsubscribe with a bare POST (RFC 8058
# « List-Unsubscribe=One-Click »), without any token or cookie. The signed address is the
# authority: only the subscriber received it, and all it allows is deleting this subscription.
@csrf_exempt
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def manage(request, token):
    try:
        subscription = mail.read_manage_token(token)
    except mail.LinkInvalid:
        return _bad_link(request, gone=True)
    if request.method == "POST":
        topic = subscription.topic_label
        subscription.delete()  # for good: the address is not kept anywhere
        return render(request, "alerts/unsubscribed.html", {"topic": topic})
    return render(request, "alerts/manage.html", {"subscription": subscription})


def _bad_link(request, expired=False, gone=False):
    return render(request, "alerts/bad_link.html", {"expired": expired, "gone": gone}, status=400)
