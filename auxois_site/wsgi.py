"""WSGI entry point, used by Gunicorn: stored pages first, then Django."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "auxois_site.settings")
django_application = get_wsgi_application()

from core.cache import StoredPagesFirst  # noqa: E402 - needs the settings loaded above

application = StoredPagesFirst(django_application)
