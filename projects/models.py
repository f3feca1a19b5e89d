"""The four priority levers, their actions, the projects and the organisations holding them."""

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from simple_history.models import HistoricalRecords

from core import dates
from core.dates import DatePrecision
from core.fields import WebAddressField
from core.models import Document, Illustrated
from core.money import amount_field
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
    working_group = models.ForeignKey(
        "governance.Body",
        verbose_name="groupe de travail associé",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="levers",
        help_text="Facultatif : l'instance qui travaille sur ce levier ; sa page est indiquée "
        "sur celle du levier.",
    )

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

    @property
    def public_working_group(self):
        """The working group, unless it is still a draft."""
        group = self.working_group
        return group if group and group.is_public else None

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

    def count_label(self, count):
        """« 1 projet présenté », « 9 projets retenus au contrat »: agreed with the count."""
        if count == 1:
            return f"1 projet {self.label.lower()}"
        plural = {"in_progress": "en cours", "retained": "retenus au contrat"}
        return f"{count} projets {plural.get(self.value, self.label.lower() + 's')}"


class ProjectQuerySet(PublishableQuerySet):
    def count_by_status(self):
        """[(status, number of projects, « 9 projets présentés »)] in the order of the
        statuses, leaving out those with no project; one query."""
        counts = dict(self.order_by().values_list("project_status").annotate(n=models.Count("pk")))
        return [
            (status, counts[status], status.count_label(counts[status]))
            for status in ProjectStatus
            if counts.get(status)
        ]

    def without_lever(self):
        """The projects the list shows under « Levier non précisé » (`levier=non-precise`)."""
        return self.filter(lever__isnull=True)

    def count_without_lever(self):
        """How many published projects wait for their lever (the link from a lever without
        projects, the lever list and the home page)."""
        return self.published().without_lever().count()

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
    total_cost = amount_field(
        "coût total (€)",
        "Facultatif : le coût total du projet en euros, tel qu'il est annoncé.",
    )
    meetings = models.ManyToManyField(
        "governance.TimelineEvent",
        verbose_name="réunions qui ont examiné le projet",
        limit_choices_to={"kind": "meeting"},
        related_name="examined_projects",
        blank=True,
        help_text="Les réunions (comités de projet…) où le projet a été présenté ou examiné.",
    )
    order = models.PositiveSmallIntegerField("ordre", default=0)
    documents = GenericRelation(Document)
    history = HistoricalRecords(
        excluded_fields=["updated_at"], m2m_fields=[holders, sectors, meetings]
    )

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

    def public_meetings(self):
        """The published meetings that examined the project, in date order."""
        return self.meetings.published().chronological()

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


# The link's model, made by Django: the meeting's admin screen names each link by its project.
Project.meetings.through.__str__ = lambda link: str(link.project)


class MilestoneState(models.TextChoices):
    DONE = "done", "Réalisée"
    EXPECTED = "expected", "Prévue"


class ProjectMilestone(dates.ApproximatelyDated, models.Model):
    """A step of a project (« ouverture du tiers-lieu »), done or expected, dated as precisely
    as it is known."""

    project = models.ForeignKey(
        Project, verbose_name="projet", on_delete=models.CASCADE, related_name="milestones"
    )
    label = models.CharField("étape", max_length=250)
    date = models.DateField(
        "date", help_text="Pour une date approximative, le premier jour de la période."
    )
    date_precision = models.CharField(
        "précision de la date",
        max_length=10,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
    )
    state = models.CharField(
        "état", max_length=10, choices=MilestoneState.choices, default=MilestoneState.EXPECTED
    )
    order = models.PositiveSmallIntegerField(
        "ordre", default=0, help_text="Départage deux étapes de même date."
    )

    class Meta:
        verbose_name = "étape du projet"
        verbose_name_plural = "étapes du projet"
        ordering = ["date", "order", "pk"]

    def __str__(self):
        return f"{self.label} ({self.date_label})"

    def clean(self):
        """A step already done cannot lie wholly in the future."""
        super().clean()
        if self.date and self.state == MilestoneState.DONE and self.date > timezone.localdate():
            raise ValidationError(
                {"state": "Une étape réalisée ne peut pas être datée dans le futur : "
                 "choisissez « Prévue » ou corrigez la date."}
            )  # fmt: skip

    @property
    def is_overdue(self):
        """Expected, but its whole period is over: past, and to be confirmed."""
        return self.state == MilestoneState.EXPECTED and self.period_is_over

    @property
    def is_past(self):
        return self.state == MilestoneState.DONE or self.is_overdue

    @property
    def state_label(self):
        """« réalisée », « prévue », or « date dépassée, à confirmer » — never a past date
        presented as still to come."""
        if self.is_overdue:
            return "date dépassée, à confirmer"
        return self.get_state_display().lower()


class ProjectFunder(models.Model):
    """Who funds a project, and how much when it is known."""

    project = models.ForeignKey(
        Project, verbose_name="projet", on_delete=models.CASCADE, related_name="funders"
    )
    name = models.CharField(
        "financeur", max_length=200, help_text="Ex. : État, Région Bourgogne-Franche-Comté."
    )
    amount = amount_field("montant (€)", "Facultatif : laisser vide si le montant n'est pas connu.")
    order = models.PositiveSmallIntegerField("ordre", default=0)

    class Meta:
        verbose_name = "financeur"
        verbose_name_plural = "financeurs"
        ordering = ["order", "pk"]

    def __str__(self):
        return self.name
