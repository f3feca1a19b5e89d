"""Subscribing (no account, no cookie), confirming by the e-mailed link (and a button), and
managing one's subscriptions from the link every message carries. Every page answers the
same whatever the address: nobody learns from the site who is subscribed."""

import logging
import smtplib

from django.db import IntegrityError, transaction
from django.db.models import F
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from accounts import throttle
from accounts.lockout import client_ip

from . import mail
from .dispatch import describe
from .forms import SubscriptionForm, TopicForm, topic_of
from .models import Subscription, Topic

logger = logging.getLogger(__name__)

HOUR = 60 * 60
POSTS_PER_CLIENT_PER_HOUR = 10
MAILS_PER_ADDRESS_PER_HOUR = 3
TOPIC_ORDER = [Topic.NEWS, Topic.MEETINGS, Topic.LEVER, Topic.PROJECT]
ADD_FORM_IDS = "ajout-%s"


def base_url(request):
    return f"{request.scheme}://{request.get_host()}"


# No CSRF token: the token is a cookie, and visitors get none (see the « Données
# personnelles » page); the compact form on the content pages posts here too, from pages
# stored in the page cache and served to everyone, which could not carry a per-visitor token.
# A forged post can only ask for a confirmation e-mail, which the address's owner ignores:
# the double opt-in is the protection, the limits below stop floods.
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
        # Why, in words that never quote the address (an SMTP refusal may).
        logger.warning(
            "Confirmation of subscription %s not sent: %s", subscription.pk, describe(error)
        )
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
    try:
        with transaction.atomic():
            subscription.save(update_fields=["confirmed_at"])
    except IntegrityError:  # the same topic confirmed at this very moment by another request
        subscription.delete()
        return _confirmed(request, subscription, again=True)
    return _confirmed(request, subscription)


def _confirmed(request, subscription, again=False):
    context = {"subscription": subscription, "again": again}
    if not again:
        context["manage_url"] = mail.manage_url(subscription, "")
    return render(request, "alerts/confirmed.html", context)


# Exempt from CSRF: mail programs unsubscribe with a bare POST (RFC 8058
# « List-Unsubscribe=One-Click »), without any token or cookie, and visitors have no cookie
# either. The signed address is the authority: only the subscriber received it, and all it
# allows is changing the subscriptions of that address.
@csrf_exempt
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def manage(request, token):
    """Every subscription of the address the link was sent to: add a topic, remove one,
    delete them all. A POST without a known `action` (the one-click unsubscribe of mail
    programs) deletes the subscription the link names."""
    try:
        subscription = mail.read_manage_token(token)
    except mail.LinkInvalid:
        return _bad_link(request, gone=True)
    email = subscription.email
    action = request.POST.get("action") if request.method == "POST" else None
    done = undo = refused = None
    form = None
    # Erasing the address for good is confirmed by a box first (RGAA 11.12); removing one
    # topic among others can be undone from the next page.
    confirmed = request.POST.get("confirm") == "on"
    if action == "add":
        form = TopicForm(request.POST, followed=_followed(email), auto_id=ADD_FORM_IDS)
        if form.is_valid():
            done = _add(email, form.chosen_topic())
            form = None
    elif action == "remove":
        removed = _own(email, request.POST.get("subscription"))
        last = Subscription.objects.filter(email=email).count() == 1
        if removed is not None and last and not confirmed:
            refused = "Cochez la case pour confirmer : votre adresse sera effacée définitivement."
        elif removed is not None:
            done = f"Vous ne suivez plus : {removed.topic_label}."
            undo = topic_of(removed) if removed.is_confirmed else None
            removed.delete()  # for good: nothing is kept
    elif action == "delete_all":
        if confirmed:
            Subscription.objects.filter(email=email).delete()
            return render(request, "alerts/deleted.html")
        refused = "Cochez la case pour confirmer la suppression de toutes vos données."
    elif request.method == "POST":
        topic = subscription.topic_label
        subscription.delete()  # for good: the address is not kept anywhere
        return render(request, "alerts/unsubscribed.html", {"topic": topic})
    return _manage_page(request, subscription, email, done, form, undo, refused)


def _manage_page(request, subscription, email, done=None, form=None, undo=None, refused=None):
    subscriptions = sorted(
        Subscription.objects.filter(email=email).select_related("lever", "project"),
        key=lambda s: (TOPIC_ORDER.index(s.kind), s.lever.number if s.lever else 0, str(s)),
    )
    if not subscriptions:
        return render(request, "alerts/deleted.html")
    # The link stays usable after its own subscription is removed: the page's forms post
    # to the link of one that remains (every alert mail carries its own).
    anchor = next((s for s in subscriptions if s.pk == subscription.pk), subscriptions[0])
    followed = {topic_of(s) for s in subscriptions if s.is_confirmed}
    return render(
        request,
        "alerts/manage.html",
        {
            "email": email,
            "subscriptions": subscriptions,
            "action_url": mail.manage_url(anchor, ""),
            "done": done,
            "undo": undo,
            "refused": refused,
            "form": form or TopicForm(followed=followed, auto_id=ADD_FORM_IDS),
        },
        status=400 if form or refused else 200,
    )


def _followed(email):
    return {
        topic_of(s)
        for s in Subscription.objects.filter(email=email)
        .confirmed()
        .select_related("lever", "project")
    }


def _own(email, pk):
    pk = str(pk or "")
    if not (pk.isascii() and pk.isdigit() and len(pk) < 19):  # « ² » is a digit to Python
        return None
    return (
        Subscription.objects.filter(email=email, pk=int(pk)).select_related("lever", "project")
    ).first()


def _add(email, topic):
    """Confirmed at once: the signed link proves the address. A waiting request for the same
    topic becomes the confirmed one; a topic already followed stays as it is."""
    with transaction.atomic():
        existing = (
            Subscription.objects.select_for_update()
            .same_topic(email, **topic)
            .order_by(F("confirmed_at").desc(nulls_last=True))
            .first()
        )
        if existing is None:
            try:
                with transaction.atomic():
                    existing = Subscription.objects.create(
                        email=email, confirmed_at=timezone.now(), **topic
                    )
            except IntegrityError:  # added meanwhile by another request
                pass
        elif not existing.is_confirmed:
            existing.confirmed_at = timezone.now()
            existing.save(update_fields=["confirmed_at"])
    label = Subscription.topic_label_of(
        topic["kind"],
        topic["lever"].title if topic["lever"] else None,
        topic["project"].title if topic["project"] else None,
    )
    return f"Abonnement ajouté : {label}."


def _bad_link(request, expired=False, gone=False):
    return render(request, "alerts/bad_link.html", {"expired": expired, "gone": gone}, status=400)
