"""`/sante/`: what a load balancer asks before sending visitors to this host.

200 while the database answers (the site works without its cache, so a lost cache is reported
but does not fail the check); 503 when the database does not. No version, no host name, no
setting: nothing an attacker could use.
"""

import time

from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache


def _database():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return "ok"
    except DatabaseError:
        return "indisponible"


def _cache():
    key = "sante:sonde"
    cache.set(key, time.time_ns(), 10)
    return "ok" if cache.get(key) is not None else "indisponible"


@never_cache
def health(request):
    report = {"base_de_donnees": _database(), "cache": _cache()}
    response = JsonResponse(report, status=200 if report["base_de_donnees"] == "ok" else 503)
    response.page_cache = False
    return response
