"""Error pages.

The 500 and 503 never touch the database, so they work when it is down: an outage
becomes a styled 503 « service momentanément indisponible » with Retry-After; Django
reconnects by itself on the next request once the database is back.

Refusals (403, and a form sent without its CSRF token) are in French, in the admin's look
under the admin's address and in the site's look elsewhere, with a way back.
"""

import sys

from django.contrib import admin
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme


def server_error(request):
    error = sys.exc_info()[1]
    if isinstance(error, (OperationalError, InterfaceError)):
        response = HttpResponse(loader.render_to_string("503.html"), status=503)
        response["Retry-After"] = "30"
        return response
    return HttpResponseServerError(loader.render_to_string("500.html"))


def _is_admin(request):
    return request.path.startswith(reverse("admin:index"))


def _refusal(request, template, status):
    """Render a refusal in the admin's look under the admin's address, else the site's."""
    context = {"previous_url": _previous_url(request)}
    if _is_admin(request):
        context |= admin.site.each_context(request)
        context["is_nav_sidebar_enabled"] = context["has_permission"]  # not for visitors
        template = f"admin/{template}"
    return render(request, template, context, status=status)


def _previous_url(request):
    """The page the visitor came from, when it is one of this site's (for a refused form,
    often the form itself: the page to reload)."""
    referer = request.META.get("HTTP_REFERER", "")
    same_site = url_has_allowed_host_and_scheme(
        referer, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    itself = request.method == "GET" and referer == request.build_absolute_uri()
    return referer if same_site and not itself else ""


def permission_denied(request, exception=None):
    return _refusal(request, "403.html", status=403)


def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: the form was sent without a valid security token."""
    return _refusal(request, "403_csrf.html", status=403)
