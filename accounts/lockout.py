"""The lock-out after repeated failed logins (django-axes), as editors meet it.

Axes counts failures per user name from one address and locks for AXES_COOLOFF_TIME after
AXES_FAILURE_LIMIT of them. This module gives it the client's real address behind the
proxies, warns before the lock, renders the lock-out page, and unlocks a user whose
password has just been replaced (by e-mail or by an administrator).
"""

from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_client_username, get_cool_off, get_failure_limit
from axes.utils import reset
from django.conf import settings
from django.contrib import admin
from django.db.models import Max
from django.shortcuts import render
from django.utils import timezone
from ipware import get_client_ip

from .durations import in_words

WARN_FROM_FAILURE = 3


def client_ip(request):
    """The client's address (AXES_CLIENT_IP_CALLABLE; also keys the reset limits), read by
    django-ipware.

    Each of the PROXY_COUNT reverse proxies in front appends the address it got the request
    from to X-Forwarded-For, so the client is the PROXY_COUNT-th address from the right;
    anything further left was written by the client and may be forged. (ipware counts the
    proxies listed in the header, which leaves out the last one: hence `- 1`.)
    """
    if settings.PROXY_COUNT:
        address, _routable = get_client_ip(
            request,
            proxy_order="left-most",
            proxy_count=settings.PROXY_COUNT - 1,
            strict=False,
            request_header_order=["HTTP_X_FORWARDED_FOR"],
        )
        if address:
            return address
    return request.META.get("REMOTE_ADDR")


def attempts_left(request, credentials=None):
    """Failed logins left before the lock-out, from the third failure on (else None)."""
    failures = getattr(request, "axes_failures_since_start", None)
    if failures is None or failures < WARN_FROM_FAILURE:
        return None
    left = get_failure_limit(request, credentials) - failures
    return left if left > 0 else None


def cool_off_in_words(request=None):
    return in_words(get_cool_off(request))


def lockout_ends_at(request, credentials=None):
    """When the lock ends: an hour after the last failure counted (later ones don't count)."""
    attempts = AxesProxyHandler.get_implementation().get_user_attempts(request, credentials)
    latest = max(
        filter(
            None, (queryset.aggregate(last=Max("attempt_time"))["last"] for queryset in attempts)
        ),
        default=timezone.now(),
    )
    return latest + get_cool_off(request)


def lockout_response(request, original_response=None, credentials=None):
    """AXES_LOCKOUT_CALLABLE: the French lock-out page, in the admin's look."""
    context = {
        **admin.site.each_context(request),
        "title": "Connexion temporairement bloquée",
        "username": get_client_username(request, credentials) or "",
        "failure_limit": get_failure_limit(request, credentials),
        "cool_off": cool_off_in_words(request),
        "ends_at": timezone.localtime(lockout_ends_at(request, credentials)),
    }
    return render(
        request, "accounts/lockout.html", context, status=settings.AXES_HTTP_RESPONSE_CODE
    )


def unlock(user):
    """Forget the failed logins of this user name, from every address."""
    return reset(username=user.get_username())
