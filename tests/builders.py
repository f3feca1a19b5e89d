"""Small builders for test data: only the fields a test cares about, sensible defaults."""

import datetime
import itertools

from django.utils import timezone

from core.publishing import Status
from governance.models import Body, Commune, Intercommunality, TimelineEvent
from pages.models import NewsArticle, Page
from projects.models import LeverAction, PriorityLever, Project, ProjectHolder

_seq = itertools.count(1)


def _slug(prefix):
    return f"{prefix}-{next(_seq)}"


def lever(**kw):
    n = next(_seq)
    kw.setdefault("number", 100 + n)
    kw.setdefault("title", f"Levier d'essai {n}")
    kw.setdefault("slug", f"levier-{n}")
    kw.setdefault("status", Status.PUBLISHED)
    return PriorityLever.objects.create(**kw)


def action(lever, **kw):
    kw.setdefault("slug", _slug("action"))
    kw.setdefault("title", kw["slug"].replace("-", " ").capitalize())
    return LeverAction.objects.create(lever=lever, **kw)


def image(file=None, **kw):
    """A library image (a real photo, renditions made on save)."""
    from core.models import Image

    from . import media_files

    kw.setdefault("alt", "Un atelier de la Métal'Valley")
    return Image.objects.create(file=file or media_files.photo(640, 480), **kw)


def holder(**kw):
    kw.setdefault("slug", _slug("porteur"))
    kw.setdefault("name", f"Porteur {kw['slug']}")
    kw.setdefault("kind", "company")
    kw.setdefault("status", Status.PUBLISHED)
    return ProjectHolder.objects.create(**kw)


def project(holders=(), **kw):
    kw.setdefault("slug", _slug("projet"))
    kw.setdefault("title", f"Projet {kw['slug']}")
    kw.setdefault("status", Status.PUBLISHED)
    obj = Project.objects.create(**kw)
    obj.holders.set(holders)
    return obj


def news(**kw):
    kw.setdefault("slug", _slug("actu"))
    kw.setdefault("title", f"Actualité {kw['slug']}")
    kw.setdefault("status", Status.PUBLISHED)
    kw.setdefault("published_at", timezone.now() - datetime.timedelta(days=1))
    return NewsArticle.objects.create(**kw)


def page(**kw):
    kw.setdefault("slug", _slug("page"))
    kw.setdefault("title", f"Page {kw['slug']}")
    kw.setdefault("status", Status.PUBLISHED)
    return Page.objects.create(**kw)


def body(**kw):
    kw.setdefault("slug", _slug("instance"))
    kw.setdefault("name", f"Instance {kw['slug']}")
    kw.setdefault("level", "local")
    kw.setdefault("status", Status.PUBLISHED)
    return Body.objects.create(**kw)


def event(**kw):
    kw.setdefault("slug", _slug("reunion"))
    kw.setdefault("title", f"Réunion {kw['slug']}")
    kw.setdefault("kind", "meeting")
    kw.setdefault("date", datetime.date(2019, 7, 11))
    kw.setdefault("status", Status.PUBLISHED)
    return TimelineEvent.objects.create(**kw)


def intercommunality(**kw):
    kw.setdefault("slug", _slug("cc"))
    kw.setdefault("name", f"Communauté {kw['slug']}")
    return Intercommunality.objects.create(**kw)


def commune(intercommunality, **kw):
    n = next(_seq)
    kw.setdefault("insee_code", f"{99000 + n % 1000:05d}")
    kw.setdefault("name", f"Commune d'essai {n}")
    kw.setdefault("slug", f"commune-{n}")
    kw.setdefault("population", 100 + n)
    return Commune.objects.create(intercommunality=intercommunality, **kw)


PDF_BYTES = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def document(obj, name="ordre-du-jour.pdf", content=PDF_BYTES, **kw):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from core.models import Document

    kw.setdefault("title", "Ordre du jour")
    return Document.objects.create(content_object=obj, file=SimpleUploadedFile(name, content), **kw)
