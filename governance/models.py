"""Who steers the programme, where, and when: bodies, territory, timeline."""

import datetime
import re
import zoneinfo

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from core import dates, metadata
from core.dates import DatePrecision, french_date, french_time
from core.fields import WebAddressField
from core.models import Document
from core.publishing import (
    NamedSlugModel,
    PublishableContent,
    PublishableQuerySet,
    SlugQuerySet,
)
from core.search import Searchable, SearchDocument, SearchSection


class TerritoryEntry(NamedSlugModel):
    """An entry of the « Territoire » page, which it links to."""

    class Meta(NamedSlugModel.Meta):
        abstract = True

    def get_absolute_url(self):
        return reverse("governance:territory") + f"#{self.slug}"


class IntercommunalityQuerySet(SlugQuerySet):
    def with_figures(self):
        """Each with `commune_count` and `population` (the sum of its communes', stated only
        when every commune's population is known: a partial sum would be a false figure)."""
        return self.annotate(
            commune_count=models.Count("communes"),
            known_populations=models.Count("communes__population"),
            population_sum=models.Sum("communes__population"),
        ).order_by("order", "name")  # Meta.ordering does not apply to aggregating queries


def _same_name(a, b):
    """« CC des Terres d'Auxois » and « Communauté de communes des Terres d’Auxois » are one
    name: the official list abbreviates, the 2019 text has typographic apostrophes."""

    def canonical(name):
        name = name.replace("’", "'").strip()
        if name.startswith("CC "):
            name = "Communauté de communes " + name[3:]
        return name.casefold()

    return canonical(a) == canonical(b)


class Intercommunality(TerritoryEntry):
    """One of the communautés de communes that make up the territory.

    `name` is the name the programme used in 2019; `official_name` is the current name in
    the official list of EPCI (DGCL), written by `manage.py import_communes`."""

    website = models.URLField("site internet", blank=True)
    siren = models.CharField(
        "numéro SIREN",
        max_length=9,
        blank=True,
        validators=[RegexValidator(r"^\d{9}$", "Le numéro SIREN compte 9 chiffres.")],
        help_text="Le numéro de l'EPCI dans la liste officielle (9 chiffres).",
    )
    official_name = models.CharField(
        "nom officiel actuel",
        max_length=200,
        blank=True,
        help_text="Tel que le publie la liste officielle des EPCI ; affiché à côté du nom de "
        "2019 quand il en diffère.",
    )
    data_source = models.CharField(
        "source des communes et des populations",
        max_length=300,
        blank=True,
        help_text="Rempli par l'import des communes (manage.py import_communes).",
    )

    objects = IntercommunalityQuerySet.as_manager()

    class Meta(TerritoryEntry.Meta):
        verbose_name = "intercommunalité"
        verbose_name_plural = "intercommunalités"
        constraints = [
            models.UniqueConstraint(
                fields=["siren"], condition=~models.Q(siren=""), name="unique_epci_siren"
            )
        ]

    is_public = True  # not a publishable content: always shown

    def get_absolute_url(self):
        return reverse("governance:intercommunality_detail", kwargs={"slug": self.slug})

    @property
    def heading(self):
        return self.name

    def search_dependents(self):
        """Its communes, whose results name it and lead to its page."""
        return list(self.communes.select_related("intercommunality")) if self.pk else []

    @property
    def population(self):
        """The population of its communes (read `with_figures()`), or None if one is unknown."""
        known, count = getattr(self, "known_populations", 0), getattr(self, "commune_count", 1)
        return self.population_sum if known == count else None

    @property
    def renamed(self):
        """Whether the current official name differs from the 2019 one."""
        return bool(self.official_name) and not _same_name(self.name, self.official_name)


class CommuneManager(models.Manager):
    def get_by_natural_key(self, insee_code):
        return self.get(insee_code=insee_code)


class Commune(Searchable, models.Model):
    """A commune of the territory, from the official administrative data (see
    `manage.py import_communes`): a resident finds it by name in the search."""

    name = models.CharField("nom", max_length=150)
    slug = WebAddressField(max_length=150, unique=True)
    insee_code = models.CharField(
        "code INSEE",
        max_length=5,
        unique=True,
        validators=[RegexValidator(r"^\d[\dAB]\d{3}$", "Le code INSEE compte 5 caractères.")],
    )
    population = models.PositiveIntegerField(
        "population municipale", null=True, blank=True, help_text="Population légale de l'Insee."
    )
    postal_codes = models.CharField(
        "codes postaux", max_length=100, blank=True, help_text="Séparés par des virgules."
    )
    intercommunality = models.ForeignKey(
        Intercommunality,
        verbose_name="intercommunalité",
        on_delete=models.CASCADE,
        related_name="communes",
    )

    objects = CommuneManager()
    search_section = SearchSection("communes", "Communes", order=7, linkable=False)

    class Meta:
        verbose_name = "commune"
        verbose_name_plural = "communes"
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        """Its row in the list of its intercommunality's communes."""
        return f"{self.intercommunality.get_absolute_url()}#{self.anchor}"

    def natural_key(self):
        return (self.insee_code,)

    @property
    def anchor(self):
        return f"commune-{self.insee_code}"

    def search_document(self):
        return SearchDocument(
            self.name,
            f"Commune de la {self.intercommunality.name} (code INSEE {self.insee_code}).",
            self.postal_codes,
        )


class Sector(TerritoryEntry):
    """A dominant industrial sector of the territory."""

    name = models.CharField("secteur", max_length=150, unique=True)
    cluster = models.CharField(
        "pôle ou filière associé", max_length=150, blank=True, help_text="Ex. : la Métal'Valley."
    )

    class Meta(TerritoryEntry.Meta):
        verbose_name = "secteur dominant"
        verbose_name_plural = "secteurs dominants"


class BodyLevel(models.TextChoices):
    REGIONAL = "regional", "Régional"
    LOCAL = "local", "Local"
    WORKING_GROUP = "working_group", "Groupe de travail"


class Body(PublishableContent):
    """A governance body: steering committee, project committee, working group."""

    name = models.CharField("nom", max_length=200)
    slug = WebAddressField(max_length=200, unique=True)
    level = models.CharField("niveau", max_length=20, choices=BodyLevel.choices)
    chair = models.CharField(
        "présidence", max_length=250, blank=True, help_text="Qui préside, tel que publié."
    )
    role = models.TextField("rôle", blank=True)
    members_note = models.CharField(
        "précision sur la composition",
        max_length=250,
        blank=True,
        help_text="Ex. : « liste non exhaustive ».",
    )
    order = models.PositiveSmallIntegerField("ordre", default=0)

    detail_url_name = "governance:body_detail"

    class Meta:
        verbose_name = "instance"
        verbose_name_plural = "instances"
        ordering = ["order", "name"]


class BodyMemberManager(models.Manager):
    def get_by_natural_key(self, body_slug, name):
        return self.get(body__slug=body_slug, name=name)


class BodyMember(models.Model):
    """A member (organisation or office) of a body, as published."""

    body = models.ForeignKey(
        Body, verbose_name="instance", on_delete=models.CASCADE, related_name="members"
    )
    name = models.CharField("membre", max_length=200)
    order = models.PositiveSmallIntegerField("ordre", default=0)

    objects = BodyMemberManager()

    class Meta:
        verbose_name = "membre"
        verbose_name_plural = "membres"
        ordering = ["order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["body", "name"], name="unique_member_per_body")
        ]

    def __str__(self):
        return self.name

    def natural_key(self):
        return (*self.body.natural_key(), self.name)

    natural_key.dependencies = ["governance.body"]


# « 2 rue de la Paix, 21500 Montbard »: what comes before a French postal code is the street.
POSTAL_CODE_AND_TOWN = re.compile(
    r"^(?:(?P<street>.*?)[\s,]+)?(?P<code>\d{5})\s+(?P<town>[^,\d][^,]*)$"
)

# Meetings take place in the territory: their times are wall-clock times there, whatever
# the server or the reader's calendar is set to.
LOCAL_TIME_ZONE = zoneinfo.ZoneInfo("Europe/Paris")


class EventKind(models.TextChoices):
    MEETING = "meeting", "Réunion"
    MILESTONE = "milestone", "Étape"
    EVENT = "event", "Événement"


class TimelineEventQuerySet(PublishableQuerySet):
    def meetings(self):
        return self.filter(kind=EventKind.MEETING)

    def upcoming(self):
        return self.filter(date__gte=timezone.localdate()).order_by("date", "order")

    def past(self):
        return self.filter(date__lt=timezone.localdate()).order_by("-date", "-order")

    def reached(self):
        """Steps that took place: not forecasts, before today; the latest first."""
        return self.filter(is_forecast=False).past()

    def expected(self):
        """Steps still to come: forecasts (even overdue ones, until an editor records what
        happened) and anything dated from today on; the nearest first."""
        today = timezone.localdate()
        return self.filter(models.Q(is_forecast=True) | models.Q(date__gte=today)).order_by(
            "date", "order"
        )

    def chronological(self):
        """By day, then by time (an untimed entry first, on every database), then by order."""
        return self.select_related("body").order_by(
            "date", models.F("start_time").asc(nulls_first=True), "order"
        )


class TimelineEvent(dates.ApproximatelyDated, Searchable, PublishableContent):
    """A meeting or a milestone of the programme, on one timeline.

    `date` is the first day of the known period and serves for ordering only; the site
    shows it no more precisely than `date_precision` says (« 2e semestre 2020 »).
    """

    title = models.CharField("intitulé", max_length=250)
    slug = WebAddressField(max_length=250, unique=True)
    kind = models.CharField("type", max_length=20, choices=EventKind.choices)
    body = models.ForeignKey(
        Body,
        verbose_name="instance",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
    )
    date = models.DateField(
        "date", help_text="Pour une date approximative, le premier jour de la période."
    )
    date_precision = models.CharField(
        "précision de la date",
        max_length=10,
        choices=DatePrecision.choices,
        default="day",
        help_text="Ce que l'on sait de la date. Remplissez ensuite seulement le champ qui lui "
        "correspond : la date exacte pour « Jour », l'année et le mois pour « Mois », l'année "
        "et le semestre pour « Semestre », l'année seule pour « Année ».",
    )
    start_time = models.TimeField(
        "heure de début",
        null=True,
        blank=True,
        help_text="Facultatif, seulement pour un jour précis (précision « Jour »). Heure de "
        "Paris, par ex. 14:00 ou 14 h.",
    )
    end_time = models.TimeField(
        "heure de fin",
        null=True,
        blank=True,
        help_text="Facultatif, et seulement avec une heure de début ; par ex. 16:30 ou 16 h 30.",
    )
    is_forecast = models.BooleanField(
        "prévisionnel", default=False, help_text="Cocher si l'étape est annoncée, pas encore faite."
    )
    location = models.CharField(
        "lieu",
        max_length=200,
        blank=True,
        help_text="Le nom du lieu (salle, bâtiment, commune), tel qu'il est annoncé.",
    )
    address = models.CharField(
        "adresse",
        max_length=250,
        blank=True,
        help_text="Facultatif : l'adresse postale du lieu, sur une ligne, par ex. « numéro et "
        "rue, code postal commune ».",
    )
    summary = models.TextField("résumé", blank=True)
    order = models.PositiveSmallIntegerField(
        "ordre dans la journée", default=0, help_text="Départage deux dates identiques."
    )
    documents = GenericRelation(Document)

    objects = TimelineEventQuerySet.as_manager()
    search_section = SearchSection("reunions", "Réunions et étapes", order=3)

    detail_url_name = "governance:event_detail"

    class Meta:
        verbose_name = "réunion ou étape"
        verbose_name_plural = "calendrier (réunions et étapes)"
        ordering = ["date", "order"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(date_precision=DatePrecision.DAY)
                | models.Q(start_time__isnull=True, end_time__isnull=True),
                name="event_times_only_for_a_known_day",
                violation_error_message="Une heure ne s'indique que pour un jour précis.",
            ),
            models.CheckConstraint(
                condition=models.Q(end_time__isnull=True)
                | models.Q(start_time__isnull=False, end_time__gt=models.F("start_time")),
                name="event_end_time_after_start_time",
                violation_error_message="L'heure de fin doit suivre une heure de début.",
            ),
        ]

    def __str__(self):
        return f"{self.title} ({self.date_label})"

    def clean(self):
        """Times make sense only for a known day, and an end only after a start."""
        errors = {}
        if self.date_precision != DatePrecision.DAY:
            message = (
                "Une heure ne s'indique que pour un jour précis : choisissez la précision "
                "« Jour » ou videz ce champ."
            )
            for name in ("start_time", "end_time"):
                if getattr(self, name) is not None:
                    errors[name] = message
        elif self.end_time is not None:
            if self.start_time is None:
                errors["end_time"] = (
                    "Indiquez aussi l'heure de début : une heure de fin seule ne suffit pas."
                )
            elif self.end_time <= self.start_time:
                errors["end_time"] = "L'heure de fin doit être après l'heure de début."
        if errors:
            raise ValidationError(errors)

    @property
    def semester(self):
        return dates.semester_of(self.date)

    def search_document(self):
        return SearchDocument(self.title, self.summary, self.location)

    def structured_data(self, request):
        """An Event, only when the day is known (schema.org needs a start date); times carry
        their offset (« 2019-07-11T14:00:00+02:00 »), and no end time is invented."""
        if not self.date_machine or self.date_precision != "day":
            return None
        start, end = self.start_datetime, self.end_datetime
        data = {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": self.title,
            "startDate": (start or self.date).isoformat(),
            "endDate": (end or self.date).isoformat(),
            "eventStatus": "https://schema.org/EventScheduled",
            "url": request.build_absolute_uri(self.get_absolute_url()),
            "organizer": metadata.organization(request),
            "inLanguage": "fr",
        }
        if self.summary:
            data["description"] = self.summary
        if self.location or self.address:
            place = {"@type": "Place"}
            if self.location:
                place["name"] = self.location
            if self.address:
                place["address"] = {
                    "@type": "PostalAddress",
                    **self.postal_address_parts,
                    "addressCountry": "FR",
                }
            data["location"] = place
        return data

    @property
    def public_body(self):
        """The body, unless it is still a draft."""
        return self.body if self.body and self.body.is_public else None

    @property
    def day_label(self):
        """The date with its weekday when the day is known: « jeudi 11 juillet 2019 »."""
        if self.date_precision != DatePrecision.DAY:
            return self.date_label
        return f"{date_format(self.date, 'l')} {french_date(self.date)}"

    @property
    def start_datetime(self):
        """Aware start, in Paris time, or None when no time is known."""
        if self.date_precision != DatePrecision.DAY or self.start_time is None:
            return None
        return datetime.datetime.combine(self.date, self.start_time, tzinfo=LOCAL_TIME_ZONE)

    @property
    def end_datetime(self):
        if self.start_datetime is None or self.end_time is None:
            return None
        return datetime.datetime.combine(self.date, self.end_time, tzinfo=LOCAL_TIME_ZONE)

    @property
    def start_time_label(self):
        return french_time(self.start_time)

    @property
    def end_time_label(self):
        return french_time(self.end_time)

    @property
    def full_location(self):
        """Place and address on one line, as calendars show a location."""
        return ", ".join(part for part in (self.location, self.address) if part)

    @property
    def postal_address_parts(self):
        """The address as schema.org `PostalAddress` properties, split when it ends with a
        postal code and a town, as French addresses do; otherwise kept whole."""
        address = self.address.strip()
        match = POSTAL_CODE_AND_TOWN.match(address)
        if not match:
            return {"streetAddress": address} if address else {}
        parts = {"postalCode": match["code"], "addressLocality": match["town"].strip()}
        if match["street"]:
            parts["streetAddress"] = match["street"].strip()
        return parts

    @property
    def is_overdue_forecast(self):
        """A forecast whose whole period has passed: shown as past and « à confirmer »."""
        return self.is_forecast and self.period_is_over
