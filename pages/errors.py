"""Error pages that never touch the database, so they work when it is down.

A database outage becomes a styled 503 « service momentanément indisponible » with
Retry-After; Django reconnects by itself on the next request once the database is back.
"""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseServerError
from django.template import loader


def server_error(request):
    error = sys.exc_info()[1]
    if isinstance(error, (OperationalError, InterfaceError)):
        response = HttpResponse(loader.render_to_string("503.html"), status=503)
        response["Retry-After"] = "30"
        return response
    return HttpResponseServerError(loader.render_to_string("500.html"))
