"""The four priority levers, their actions, the projects and the organisations holding them."""

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import cached_property
from simple_history.models import HistoricalRecords

from core.fields import WebAddressField
from core.models import Document, Illustrated
from core.publishing import (
    Publishable,
    PublishableContent,
    PublishableQuerySet,
    SlugNaturalKeyMixin,
    SlugQuerySet,
    published_q,
)
from core.search import Searchable, SearchDocument, SearchSection, plain
from core.text.richtext import RichTextField, RichTextSanitizingMixin


class ProjectCountQuerySet(PublishableQuerySet):
    def with_project_counts(self):
        """Each object with `project_count`: its published projects, in one query."""
        return self.annotate(
            project_count=models.Count("projects", filter=published_q("projects__"))
        )


class PriorityLever(Searchable, PublishableContent):
    """One of the four levers the territory acts on (« Les priorités »)."""

    number = models.PositiveSmallIntegerField("numéro", unique=True)
    title = models.CharField("intitulé", max_length=300)
    short_title = models.CharField(
        "intitulé court", max_length=80, blank=True, help_text="Pour les menus et les badges."
    )
    slug = WebAddressField(max_length=150, unique=True)
    description = models.TextField("présentation", blank=True)

    objects = ProjectCountQuerySet.as_manager()
    search_section = SearchSection("priorites", "Priorités", order=4, linkable=False)

    detail_url_name = "projects:lever_detail"

    class Meta:
        verbose_name = "levier prioritaire"
        verbose_name_plural = "leviers prioritaires"
        ordering = ["number"]

    def __str__(self):
        return f"Levier {self.number} – {self.short_title or self.title}"

    @property
    def label(self):
        return self.short_title or self.title

    heading = label

    def search_document(self):
        actions = " ".join(action.title for action in self.actions.all())
        return SearchDocument(self.title, f"{self.short_title} {actions}", self.description)

    def projects_by_action(self, projects):
        """[(action, its projects)] in action order, then (None, projects with no action)."""
        projects = list(projects)
        groups = [(a, [p for p in projects if p.action_id == a.pk]) for a in self.actions.all()]
        unassigned = [p for p in projects if p.action_id is None]
        return groups + ([(None, unassigned)] if unassigned else [])


class LeverActionManager(models.Manager.from_queryset(SlugQuerySet)):
    def get_queryset(self):
        return super().get_queryset().select_related("lever")


class LeverAction(SlugNaturalKeyMixin, models.Model):
    """A sub-action of a lever, e.g. « Former » under the first lever."""

    lever = models.ForeignKey(
        PriorityLever, verbose_name="levier", on_delete=models.CASCADE, related_name="actions"
    )
    title = models.CharField("intitulé", max_length=200)
    slug = WebAddressField(max_length=150, unique=True)
    description = models.TextField("présentation", blank=True)
    order = models.PositiveSmallIntegerField("ordre", default=0)

    objects = LeverActionManager()

    class Meta:
        verbose_name = "action"
        verbose_name_plural = "actions"
        ordering = ["lever__number", "order"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return self.lever.get_absolute_url() + f"#{self.slug}"

    def search_dependents(self):
        return [self.lever]  # a lever's entry lists its actions


class HolderKind(models.TextChoices):
    SCHOOL = "school", "Établissement d'enseignement"
    EMPLOYMENT_SERVICE = "employment_service", "Service public de l'emploi"
    LOCAL_AUTHORITY = "local_authority", "Collectivité locale"
    ASSOCIATION = "association", "Association"
    COMPANY = "company", "Entreprise"
    PROFESSIONAL_BODY = "professional_body", "Organisation professionnelle"
    OTHER = "other", "Autre"


class ProjectHolder(Illustrated, Searchable, PublishableContent):
    """An organisation that carries one or more projects."""

    name = models.CharField("nom", max_length=200, unique=True)
    slug = WebAddressField(max_length=200, unique=True)
    kind = models.CharField("type de structure", max_length=30, choices=HolderKind.choices)
    description = models.TextField("présentation", blank=True)
    website = models.URLField("site internet", blank=True)
    intercommunality = models.ForeignKey(
        "governance.Intercommunality",
        verbose_name="intercommunalité",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="holders",
    )

    objects = ProjectCountQuerySet.as_manager()
    search_section = SearchSection("porteurs", "Porteurs de projet", order=5)

    detail_url_name = "projects:holder_detail"

    class Meta:
        verbose_name = "porteur de projet"
        verbose_name_plural = "porteurs de projet"
        ordering = ["name"]

    def search_document(self):
        return SearchDocument(self.name, body=self.description)

    def search_dependents(self):
        return self.projects.all()  # a holder's name finds its projects


class ProjectStatus(models.TextChoices):
    PRESENTED = "presented", "Présenté"
    RETAINED = "retained", "Retenu au contrat"
    IN_PROGRESS = "in_progress", "En cours"
    COMPLETED = "completed", "Réalisé"


class ProjectQuerySet(PublishableQuerySet):
    def for_listing(self):
        """What a list of project cards needs, in a constant number of queries."""
        return self.select_related("lever", "action", "intercommunality").prefetch_related(
            models.Prefetch(
                "holders", queryset=ProjectHolder.objects.published(), to_attr="public_holders"
            )
        )

    def in_order(self, pks):
        """These projects, in the order of `pks` (an already sorted list, or a page of it)."""
        by_pk = {project.pk: project for project in self.filter(pk__in=pks)}
        return [by_pk[pk] for pk in pks if pk in by_pk]


class Project(RichTextSanitizingMixin, Illustrated, Searchable, Publishable):
    """A project presented for the Territoire d'industrie contract."""

    title = models.CharField("intitulé", max_length=250)
    slug = WebAddressField(max_length=250, unique=True)
    holders = models.ManyToManyField(
        ProjectHolder, verbose_name="porteurs", related_name="projects", blank=True
    )
    lever = models.ForeignKey(
        PriorityLever,
        verbose_name="levier",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="projects",
        help_text="Laisser vide si le levier n'est pas précisé. Déduit de l'action si elle "
        "est choisie.",
    )
    action = models.ForeignKey(
        LeverAction,
        verbose_name="action",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="projects",
    )
    project_status = models.CharField(
        "état d'avancement",
        max_length=20,
        choices=ProjectStatus.choices,
        default=ProjectStatus.PRESENTED,
    )
    summary = models.CharField("résumé", max_length=300, blank=True)
    description = RichTextField("description")
    location = models.CharField("lieu", max_length=200, blank=True)
    intercommunality = models.ForeignKey(
        "governance.Intercommunality",
        verbose_name="intercommunalité",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="projects",
    )
    sectors = models.ManyToManyField(
        "governance.Sector", verbose_name="secteurs", related_name="projects", blank=True
    )
    order = models.PositiveSmallIntegerField("ordre", default=0)
    documents = GenericRelation(Document)
    history = HistoricalRecords(excluded_fields=["updated_at"], m2m_fields=[holders, sectors])

    objects = ProjectQuerySet.as_manager()
    search_section = SearchSection("projets", "Projets", order=1)

    detail_url_name = "projects:project_detail"

    class Meta:
        verbose_name = "projet"
        verbose_name_plural = "projets"
        ordering = ["order", "title"]

    def search_document(self):
        holders = " ".join(holder.name for holder in self.holders.published())
        summary = " ".join(filter(None, [self.summary, self.location, holders]))
        return SearchDocument(self.title, summary, plain(self.description))

    @cached_property
    def public_holders(self):
        """The published holders (read with the project by `for_listing`, or now)."""
        return list(self.holders.published())

    @property
    def public_lever(self):
        """The lever, unless it is still a draft: visitors never see unpublished content."""
        return self.lever if self.lever and self.lever.is_public else None

    @property
    def public_action(self):
        return self.action if self.public_lever else None

    def clean(self):
        super().clean()
        if self.action_id and self.lever_id and self.action.lever_id != self.lever_id:
            raise ValidationError(
                {"action": "Cette action relève d'un autre levier que celui choisi."}
            )

    def save(self, *args, **kwargs):
        if self.action_id and not self.lever_id:
            self.lever_id = self.action.lever_id
        super().save(*args, **kwargs)
