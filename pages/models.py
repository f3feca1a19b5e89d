"""Editable programme pages, news articles and the navigation menu."""

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

from core import metadata, site
from core.fields import WebAddressField
from core.models import Document, Illustrated
from core.publishing import PublishableContent, PublishableQuerySet
from core.search import Searchable, SearchDocument, SearchSection, plain
from core.text.richtext import RichTextField, RichTextSanitizingMixin


class PageQuerySet(PublishableQuerySet):
    def standalone(self):
        return self.filter(section="")

    def for_section(self, section):
        """The published introduction of a section, or None."""
        return self.published().filter(section=section).first()

    def in_footer(self):
        return self.published().filter(in_footer=True)

    def programme(self):
        """The published pages about the programme: standalone, not the footer's."""
        return self.published().standalone().filter(in_footer=False)


class PageKind(models.TextChoices):
    STANDARD = "standard", "Page simple"
    PARTICIPATE = "participate", "Participer / porter un projet"


class Page(RichTextSanitizingMixin, Illustrated, Searchable, PublishableContent):
    """A programme page, or — when `section` is set — the introduction of a site section."""

    title = models.CharField("titre", max_length=200)
    slug = WebAddressField(max_length=200, unique=True)
    summary = models.CharField(
        "résumé",
        max_length=300,
        blank=True,
        help_text="Une ou deux phrases : chapô et description pour les moteurs de recherche.",
    )
    section = models.CharField(
        "introduction de la rubrique",
        max_length=20,
        blank=True,  # one of core.site.introduced_sections(), which the apps register
        help_text="Si renseigné, le texte s'affiche en tête de cette rubrique.",
    )
    body = RichTextField("texte")
    kind = models.CharField(
        "type de page",
        max_length=20,
        choices=PageKind.choices,
        default=PageKind.STANDARD,
        help_text="« Participer / porter un projet » affiche sous le texte les coordonnées "
        "de l'équipe (fiche « Identité du site ») et une invitation à la contacter. Pour la "
        "mettre dans le menu : « Menu principal », ajouter une entrée qui choisit cette page.",
    )
    in_footer = models.BooleanField("lien en pied de page", default=False)
    order = models.PositiveSmallIntegerField("ordre", default=0)
    documents = GenericRelation(Document)

    objects = PageQuerySet.as_manager()
    search_section = SearchSection("pages", "Pages", order=6)

    class Meta:
        verbose_name = "page"
        verbose_name_plural = "pages"
        ordering = ["order", "title"]
        constraints = [
            models.UniqueConstraint(
                fields=["section"],
                condition=~models.Q(section=""),
                name="one_introduction_per_section",
                violation_error_message="Cette rubrique a déjà une page d'introduction.",
            )
        ]

    def get_absolute_url(self):
        if self.section in site.sections:
            return reverse(site.sections[self.section].url_name)
        return reverse("pages:page_detail", kwargs={"slug": self.slug})

    @property
    def section_label(self):
        return dict(site.introduced_sections()).get(self.section, self.section)

    def clean(self):
        super().clean()
        if self.section and self.section not in dict(site.introduced_sections()):
            raise ValidationError({"section": "Cette rubrique n'existe pas."})

    def search_document(self):
        return SearchDocument(self.title, self.summary, plain(self.body))


class NewsQuerySet(PublishableQuerySet):
    def latest_first(self):
        return self.order_by("-published_at", "-pk")


class NewsArticle(RichTextSanitizingMixin, Illustrated, Searchable, PublishableContent):
    """An item of « Actualités du projet »."""

    title = models.CharField("titre", max_length=250)
    slug = WebAddressField(max_length=250, unique=True)
    published_at = models.DateTimeField("date de publication", default=timezone.now)
    summary = models.CharField("résumé", max_length=300, blank=True)
    body = RichTextField("texte")
    documents = GenericRelation(Document)

    objects = NewsQuerySet.as_manager()
    search_section = SearchSection("actualites", "Actualités", order=2)

    detail_url_name = "pages:news_detail"

    class Meta:
        verbose_name = "actualité"
        verbose_name_plural = "actualités"
        ordering = ["-published_at", "-pk"]

    def search_document(self):
        return SearchDocument(self.title, self.summary, plain(self.body))

    def structured_data(self, request):
        """schema.org NewsArticle."""
        data = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": self.title,
            "datePublished": timezone.localdate(self.published_at).isoformat(),
            "dateModified": (
                self.updated_at.isoformat()
                if self.updated_at
                else timezone.localdate(self.published_at).isoformat()
            ),
            "inLanguage": "fr",
            "url": request.build_absolute_uri(self.get_absolute_url()),
            "author": metadata.author(request),
            "publisher": metadata.organization(request),
            "image": [metadata.image_url(request, self) or metadata.logo_url(request)],
        }
        if self.summary:
            data["description"] = self.summary
        return data


class MenuItemQuerySet(models.QuerySet):
    def visible(self):
        """Menu entries to show: visible, and pointing at a published page if at a page."""
        return (
            self.filter(is_visible=True)
            .filter(models.Q(page__isnull=True) | models.Q(page__in=Page.objects.published()))
            .select_related("page")
        )


class MenuItemManager(models.Manager.from_queryset(MenuItemQuerySet)):
    def get_by_natural_key(self, label):
        return self.get(label=label)


class MenuItem(models.Model):
    """An entry of the main navigation, ordered by editors."""

    label = models.CharField("intitulé", max_length=60, unique=True)
    page = models.ForeignKey(
        Page,
        verbose_name="page",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        help_text="Une page du site…",
    )
    path = models.CharField(
        "ou adresse interne",
        max_length=200,
        blank=True,
        help_text="…ou une adresse du site commençant par « / », par exemple /projets/.",
    )
    order = models.PositiveSmallIntegerField("ordre", default=0)
    is_visible = models.BooleanField("affiché", default=True)

    objects = MenuItemManager()

    class Meta:
        verbose_name = "entrée du menu"
        verbose_name_plural = "menu principal"
        ordering = ["order", "label"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    (models.Q(page__isnull=False) & models.Q(path=""))
                    | (models.Q(page__isnull=True) & ~models.Q(path=""))
                ),
                name="menu_item_page_xor_path",
                violation_error_message="Choisissez soit une page, soit une adresse interne.",
            )
        ]

    def __str__(self):
        return self.label

    def natural_key(self):
        return (self.label,)

    natural_key.dependencies = ["pages.page"]

    @property
    def url(self):
        return self.page.get_absolute_url() if self.page_id else self.path

    def clean(self):
        if self.path and not self.path.startswith("/"):
            raise ValidationError({"path": "L'adresse interne doit commencer par « / »."})


class SiteIdentity(models.Model):
    """Who publishes and hosts the site, and whom to contact: one row, edited by staff (the
    accessibility statement's results come from the RGAA grid, accessibility/grid.toml).

    Nothing here has a made-up default: an empty field is shown as « non renseigné ».
    """

    publisher = models.CharField("éditeur du site", max_length=200, blank=True)
    publisher_address = models.TextField("adresse de l'éditeur", blank=True)
    publication_director = models.CharField(
        "directeur ou directrice de la publication", max_length=200, blank=True
    )
    host = models.CharField("hébergeur", max_length=200, blank=True)
    host_address = models.TextField("adresse de l'hébergeur", blank=True)
    contact_email = models.EmailField("adresse de contact", blank=True)
    contact_name = models.CharField(
        "service ou personne à contacter",
        max_length=200,
        blank=True,
        help_text="Par exemple le service ou la fonction de l'interlocuteur de l'équipe.",
    )
    contact_phone = models.CharField(
        "téléphone de contact",
        max_length=30,
        blank=True,
        validators=[
            RegexValidator(
                r"^\+?[0-9][0-9 .()-]{5,}$",
                "Un numéro de téléphone : chiffres, espaces, points ou tirets, par exemple "
                "« 03 80 00 00 00 » ou « +33 3 80 00 00 00 ».",
            )
        ],
    )
    contact_address = models.TextField("adresse postale de contact", blank=True)

    CONTACT_FIELDS = ("contact_name", "contact_address", "contact_phone", "contact_email")
    LEGAL_NOTICE_FIELDS = (
        "publisher",
        "publisher_address",
        "publication_director",
        "host",
        "host_address",
        "contact_email",
    )

    class Meta:
        verbose_name = "identité du site"
        verbose_name_plural = "identité du site (mentions légales, accessibilité)"

    def __str__(self):
        return "Identité du site"

    def save(self, *args, **kwargs):
        self.pk = 1
        super().save(*args, **kwargs)

    @property
    def has_contact(self):
        return any(getattr(self, name) for name in self.CONTACT_FIELDS)

    @property
    def contact_phone_uri(self):
        """« tel:+33380000000 » for « 03 80 00 00 00 » (a French number without its
        country code is given the French one)."""
        # « +33 (0)3 80 … »: the bracketed 0 is dialled only from within France.
        digits = "".join(c for c in self.contact_phone.replace("(0)", "") if c.isdigit())
        if not digits:
            return ""
        if self.contact_phone.strip().startswith("+"):
            return f"tel:+{digits}"
        if len(digits) == 10 and digits.startswith("0"):
            return f"tel:+33{digits[1:]}"
        return f"tel:{digits}"

    @classmethod
    def load(cls):
        """The row, or an empty unsaved one: reading a page never writes to the database."""
        return cls.objects.filter(pk=1).first() or cls(pk=1)


class GlossaryQuerySet(models.QuerySet):
    def expansions(self):
        """{acronym: expansion} of every entry."""
        return dict(self.values_list("acronym", "expansion"))


class GlossaryManager(models.Manager.from_queryset(GlossaryQuerySet)):
    def get_by_natural_key(self, acronym):
        return self.get(acronym=acronym)


class GlossaryEntry(models.Model):
    """An acronym used on the site, explained on the glossary page and, at its first
    occurrence in each page, by `<abbr title="…">` (see `core.text.abbreviations`)."""

    acronym = models.CharField(
        "sigle",
        max_length=30,
        unique=True,
        help_text="Tel qu'il est écrit dans les textes, majuscules comprises (« CCI », "
        "« Greta ») : il est reconnu seulement sous cette forme, en mot entier.",
    )
    expansion = models.CharField(
        "forme développée",
        max_length=200,
        help_text="Ce que le sigle veut dire, par exemple « Chambre de commerce et "
        "d'industrie ». Affiché au survol du sigle et dans le glossaire.",
    )
    explanation = models.TextField(
        "explication",
        blank=True,
        help_text="Facultatif : quelques phrases pour le glossaire.",
    )

    objects = GlossaryManager()

    class Meta:
        verbose_name = "sigle du glossaire"
        verbose_name_plural = "glossaire"
        ordering = ["acronym"]

    def __str__(self):
        return f"{self.acronym} — {self.expansion}"

    def get_absolute_url(self):
        return reverse("pages:glossary") + "#" + self.anchor

    def natural_key(self):
        return (self.acronym,)

    @property
    def anchor(self):
        """The entry's fragment identifier on the glossary page (« #sigle-cci »)."""
        return "sigle-" + (slugify(self.acronym) or str(self.pk))
