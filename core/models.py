"""Files shared by all content: the image library (an image is uploaded once, described once,
and chosen by any item) and the documents attached to any item (agenda, minutes…)."""

import uuid
from pathlib import Path

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

from .files.renditions import make_renditions
from .files.uploads import (
    ACCEPTED_IMAGES_LABEL,
    file_format,
    is_new_upload,
    prepared_image,
    validate_document_file,
    validate_image_file,
)
from .search import SearchEntry  # noqa: F401 - the search index is one of this app's models


class ImageQuerySet(models.QuerySet):
    def without_alt_text(self):
        """Images that say nothing to someone who can't see them (and aren't decorative)."""
        return self.filter(alt="", decorative=False)


class ImageManager(models.Manager.from_queryset(ImageQuerySet)):
    def get_by_natural_key(self, file):
        return self.get(file=file)


class Image(models.Model):
    """A picture of the library, with the text alternative the RGAA requires (or
    « décorative »). Items point at it: replacing an item's image never deletes a file, and
    every version of an item or of an image keeps its picture (see `clean_media`)."""

    title = models.CharField(
        "nom",
        max_length=200,
        blank=True,
        help_text="Pour retrouver l'image dans la médiathèque. Par défaut, le nom du fichier.",
    )
    file = models.ImageField(
        "fichier",
        upload_to="images/%Y/%m/",
        width_field="width",
        height_field="height",
        help_text=f"{ACCEPTED_IMAGES_LABEL} ; 10 Mo et 40 millions de pixels au plus. "
        "La photo est redressée et ses métadonnées (lieu de prise de vue…) retirées ; le site "
        "en sert des copies allégées.",
    )
    width = models.PositiveIntegerField("largeur (px)", null=True, editable=False)
    height = models.PositiveIntegerField("hauteur (px)", null=True, editable=False)
    alt = models.CharField(
        "texte alternatif",
        max_length=250,
        blank=True,
        help_text="Ce que montre l'image, pour qui ne la voit pas (lu par les lecteurs "
        "d'écran). Ex. : « Atelier d'usinage, deux techniciens devant une presse ».",
    )
    decorative = models.BooleanField(
        "image décorative",
        default=False,
        help_text="Cocher si l'image n'apporte aucune information : les lecteurs d'écran "
        "l'ignoreront.",
    )
    credit = models.CharField(
        "crédit",
        max_length=200,
        blank=True,
        help_text="Auteur ou source, affiché avec l'image. Ex. : « Photo : CC du Montbardois ».",
    )
    created_at = models.DateTimeField("ajoutée le", auto_now_add=True)
    updated_at = models.DateTimeField("dernière modification", auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    objects = ImageManager()

    class Meta:
        verbose_name = "image"
        verbose_name_plural = "médiathèque (images)"
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.title or Path(self.file.name).name

    def save(self, *args, **kwargs):
        if is_new_upload(self.file):
            sent_as = Path(self.file.name).stem
            self.title = self.title or sent_as.replace("_", " ").replace("-", " ")[:200]
            # An unguessable name: the address of an original reveals nothing.
            self.file = prepared_image(self.file, uuid.uuid4().hex)
        super().save(*args, **kwargs)
        make_renditions(self)

    def natural_key(self):
        return (self.file.name,)

    @property
    def alt_text(self):
        return "" if self.decorative else self.alt

    def clean(self):
        super().clean()
        if is_new_upload(self.file):
            try:
                validate_image_file(self.file)  # checks belong to code, not to migrations
            except ValidationError as error:
                raise ValidationError({"file": error}) from None
        if not self.alt.strip() and not self.decorative:
            raise ValidationError(
                {
                    "alt": "Décrivez l'image, ou cochez « image décorative » si elle "
                    "n'apporte aucune information."
                }
            )

    def uses(self):
        """[(item, its kind)] of every item showing this image, whatever its app."""
        found = []
        for relation in self._meta.related_objects:
            model = relation.related_model
            for item in model._default_manager.filter(**{relation.field.name: self}):
                found.append((item, model._meta.verbose_name))
        return found


class Illustrated(models.Model):
    """An item with an optional image chosen from the library."""

    image = models.ForeignKey(
        Image,
        verbose_name="image",
        on_delete=models.PROTECT,  # an image in use can't be deleted
        null=True,
        blank=True,
        help_text="Tapez pour chercher dans la médiathèque, ou ajoutez une image avec « + ».",
    )

    class Meta:
        abstract = True


class DocumentKind(models.TextChoices):
    AGENDA = "agenda", "Ordre du jour"
    MINUTES = "minutes", "Compte rendu"
    PRESENTATION = "presentation", "Présentation"
    OTHER = "other", "Autre document"


class Document(models.Model):
    """A file attached to a page, a news item, a project or a meeting (agenda, minutes…)."""

    title = models.CharField("titre", max_length=200)
    kind = models.CharField(
        "type", max_length=20, choices=DocumentKind.choices, default=DocumentKind.OTHER
    )
    file = models.FileField(
        "fichier",
        upload_to="documents/",
        max_length=200,
        help_text="PDF ou bureautique (OpenDocument, Word, Excel, PowerPoint), 20 Mo au plus.",
    )
    file_size = models.PositiveBigIntegerField("taille (octets)", default=0, editable=False)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    content_object = GenericForeignKey("content_type", "object_id")
    order = models.PositiveSmallIntegerField("ordre", default=0)

    class Meta:
        db_table = "pages_document"  # created by the pages app, moved here unchanged
        verbose_name = "document"
        verbose_name_plural = "documents"
        ordering = ["order", "title"]
        indexes = [
            models.Index(
                fields=["content_type", "object_id"], name="pages_docum_content_2f9801_idx"
            )
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if is_new_upload(self.file):
            self.file_size = self.file.size
            # `documents/<random>/<name as sent>`: downloads keep their name, addresses
            # can't be guessed.
            self.file.name = f"{uuid.uuid4().hex}/{Path(self.file.name).name}"
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if is_new_upload(self.file):
            try:
                validate_document_file(self.file)
            except ValidationError as error:
                raise ValidationError({"file": error}) from None

    @property
    def kind_label(self):
        """« PDF », « Word »… for the link text."""
        fmt = file_format(self.file.name)
        return fmt.label if fmt else "Fichier"


class ContentLoad(models.Model):
    """When `load_initial_data` last wrote the 2019 content into this database: the only date
    the site can give, in its open data, for a record nobody has changed since (the source
    page carries none)."""

    loaded_at = models.DateTimeField("chargé le")

    class Meta:
        verbose_name = "chargement du contenu initial"
        verbose_name_plural = "chargements du contenu initial"

    def __str__(self):
        return f"Contenu initial chargé le {self.loaded_at:%d/%m/%Y %H:%M}"

    @classmethod
    def record(cls, moment):
        cls.objects.update_or_create(pk=1, defaults={"loaded_at": moment})

    @classmethod
    def last(cls):
        return cls.objects.values_list("loaded_at", flat=True).first()
