"""What every public model shares: a publication status, natural keys by slug, a history.

The rule « visible to the public » is written once, in `PublishableQuerySet.published()`:
views, menus, sitemaps and feeds all go through it.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.db import models
from django.dispatch import Signal
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from .fields import WebAddressField

# Sent by the bulk « Publier » action, which saves nothing one by one: `sender` is the model,
# `pks` the items that were not public before and are now (the alerts app listens).
published_in_bulk = Signal()

# Saves made inside `quietly()` are corrections: whoever follows the content is not told
# (the « Publier sans alerte » box of the admin). Read with `is_quiet()`.
_quiet = ContextVar("quiet_publication", default=False)


@contextmanager
def quietly():
    token = _quiet.set(True)
    try:
        yield
    finally:
        _quiet.reset(token)


def is_quiet():
    return _quiet.get()


# The models whose publication someone may be told about (registered by the app that tells):
# their admin screen offers « Publier sans alerte ».
announced_models: set[str] = set()


class Status(models.TextChoices):
    DRAFT = "draft", "Brouillon"
    PUBLISHED = "published", "Publié"


def published_q(prefix="", now=None):
    """The publication rule as a Q object, optionally through a relation (`"projects__"`).

    `now` defaults to this instant; the database's clock (`Now()`) makes the query reusable.
    """
    return models.Q(**{f"{prefix}status": Status.PUBLISHED}) & (
        models.Q(**{f"{prefix}published_at__isnull": True})
        | models.Q(**{f"{prefix}published_at__lte": timezone.now() if now is None else now})
    )


class SlugQuerySet(models.QuerySet):
    """Natural keys by slug, so fixtures load into any database without primary keys."""

    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class PublishableQuerySet(SlugQuerySet):
    def published(self, now=None):
        return self.filter(published_q(now=now))

    def scheduled_after(self, moment):
        """Publication dates of the items programmed to go live after `moment`, soonest
        first."""
        return (
            self.filter(status=Status.PUBLISHED, published_at__gt=moment)
            .order_by("published_at")
            .values_list("published_at", flat=True)
        )

    def visible_to(self, user):
        """Staff may open unpublished content (with a banner); the public may not."""
        return self.all() if user.is_staff else self.published()


class SlugNaturalKeyMixin:
    def natural_key(self):
        return (self.slug,)


class NamedSlugModel(SlugNaturalKeyMixin, models.Model):
    """An entry of a short list addressed by slug (an intercommunality, a sector…)."""

    name = models.CharField("nom", max_length=150, unique=True)
    slug = WebAddressField(max_length=150, unique=True)
    description = models.TextField("présentation", blank=True)
    order = models.PositiveSmallIntegerField("ordre", default=0)

    objects = SlugQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["order", "name"]

    def __str__(self):
        return self.name


class Publishable(SlugNaturalKeyMixin, models.Model):
    status = models.CharField(
        "statut de publication", max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    published_at = models.DateTimeField(
        "publication à partir du",
        null=True,
        blank=True,
        help_text="Laisser vide pour publier dès l'enregistrement ; une date future programme "
        "la mise en ligne.",
    )
    updated_at = models.DateTimeField("dernière modification", auto_now=True, null=True)

    objects = PublishableQuerySet.as_manager()
    detail_url_name = None  # the URL name of one item's page ("app:model_detail")

    class Meta:
        abstract = True

    def __str__(self):
        return self.heading

    def get_absolute_url(self):
        return reverse(self.detail_url_name, kwargs={"slug": self.slug})

    @property
    def heading(self):
        """The item's title on its page and in breadcrumbs."""
        return getattr(self, "title", None) or getattr(self, "name", "")

    @property
    def is_public(self):
        return self.status == Status.PUBLISHED and (
            self.published_at is None or self.published_at <= timezone.now()
        )


class PublishableContent(Publishable):
    """Publishable content whose versions are kept: editors compare and restore them."""

    history = HistoricalRecords(inherit=True, excluded_fields=["updated_at"])

    class Meta:
        abstract = True


def latest_change():
    """When published content was last changed, as recorded (None when nothing says).

    Content loaded from the 2019 fixtures has no change date: the site does not pretend
    to know one. One query per kind of content; callers cache it until content changes.
    """
    from django.apps import apps

    changes = [
        model.objects.published().aggregate(latest=models.Max("updated_at"))["latest"]
        for model in apps.get_models()
        if issubclass(model, Publishable)
    ]
    return max(filter(None, changes), default=None)
