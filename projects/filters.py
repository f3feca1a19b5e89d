"""Filters of the project list: combinable, shareable (GET parameters), with counts.

Parameter names are French because they appear in shared addresses:
`/projets/?levier=territoire-numerique-4-0&etat=presented`.
"""

from collections import defaultdict

import django_filters
from django.utils.functional import cached_property

from core.cache import cached
from core.publishing import published_q
from governance.models import Intercommunality, Sector

from .models import HolderKind, LeverAction, PriorityLever, Project, ProjectStatus

NO_LEVER = "non-precise"
# The filter names, in the order of the form, and those a project has one value for.
FILTER_NAMES = ("levier", "action", "etat", "porteur", "intercommunalite", "secteur")
SINGLE_VALUED = ("levier", "action", "etat", "intercommunalite")


def published_facets():
    """(published project pks in list order, {filter name: {value: set of pks}}).

    Three queries whatever the filters; matching the chosen filters and counting every option
    are then set operations. Shared by all workers until content changes (`core.cache`).
    """
    pks = []
    facets = {name: defaultdict(set) for name in FILTER_NAMES}
    rows = Project.objects.published().values_list(
        "pk", "lever__slug", "action__slug", "project_status", "intercommunality__slug"
    )
    for pk, *values in rows:
        pks.append(pk)
        for name, value in zip(SINGLE_VALUED, values, strict=True):
            facets[name][value].add(pk)
    facets["levier"][NO_LEVER] = facets["levier"].pop(None, set())
    through = (
        ("porteur", Project.holders.through.objects.values_list("project", "projectholder__kind")),
        ("secteur", Project.sectors.through.objects.values_list("project", "sector__slug")),
    )
    published = set(pks)
    for name, pairs in through:
        for pk, value in pairs:
            if pk in published:
                facets[name][value].add(pk)
    return pks, {name: dict(values) for name, values in facets.items()}


def slug_choices(name, objects):
    """[(slug, label)] of `objects()`, read when the form is built (not at import) and kept
    until content changes: checking a parameter then needs no query."""
    return lambda: cached(f"filter-choices:{name}", lambda: [(o.slug, str(o)) for o in objects()])


class ProjectFilter(django_filters.FilterSet):
    levier = django_filters.ChoiceFilter(
        label="Levier",
        field_name="lever__slug",
        choices=slug_choices("levier", PriorityLever.objects.published),
        empty_label="Tous les leviers",
        null_label="Levier non précisé",
        null_value=NO_LEVER,
    )
    action = django_filters.ChoiceFilter(
        label="Action",
        field_name="action__slug",
        choices=slug_choices("action", lambda: LeverAction.objects.filter(published_q("lever__"))),
        empty_label="Toutes les actions",
    )
    etat = django_filters.ChoiceFilter(
        label="État d'avancement",
        field_name="project_status",
        choices=ProjectStatus.choices,
        empty_label="Tous les états",
    )
    porteur = django_filters.ChoiceFilter(
        label="Type de porteur",
        field_name="holders__kind",
        choices=HolderKind.choices,
        empty_label="Tous les types",
        distinct=True,
    )
    intercommunalite = django_filters.ChoiceFilter(
        label="Intercommunalité",
        field_name="intercommunality__slug",
        choices=slug_choices("intercommunalite", Intercommunality.objects.all),
        empty_label="Toutes les intercommunalités",
    )
    secteur = django_filters.ChoiceFilter(
        label="Secteur",
        field_name="sectors__slug",
        choices=slug_choices("secteur", Sector.objects.all),
        empty_label="Tous les secteurs",
        distinct=True,
    )

    """The filter form: its fields, labels and choices, and the French errors of a bad
    value. Matching and counting are `ProjectSelection`'s, without forms or queries."""

    class Meta:
        model = Project
        fields = ()

    def options(self, selection):
        """[(name, label, [(value, text, count, selected)])] for the filter form.

        An option that would give no project, the other filters applied, is left out: it
        would only lead to an empty list. The option chosen stays, even at 0, so the form
        shows what the address asks for."""
        counts = selection.counts()
        rows = []
        for name in FILTER_NAMES:
            field = self.form.fields[name]
            current = selection.active.get(name, "")
            choices = []
            for value, text in field.choices:
                value = str(getattr(value, "value", value))
                if value == "":
                    choices.append(("", text, None, current == ""))
                    continue
                count = counts[name].get(value, 0)
                if count or current == value:
                    choices.append((value, text, count, current == value))
            rows.append((name, field.label, choices))
        return rows


def allowed_values():
    """{filter name: the values an address may give it}, kept until content changes."""

    def read():
        form = ProjectFilter().form
        return {
            name: {str(getattr(v, "value", v)) for v, _ in form.fields[name].choices} - {""}
            for name in FILTER_NAMES
        }

    return cached("project-filter-values", read)


class ProjectSelection:
    """The filters chosen in the address (`?levier=…&etat=…`), checked against the allowed
    values, and the projects they select: set operations on the published projects' facets
    (`published_facets`), no form and no query once those are kept."""

    def __init__(self, params):
        self.params = params
        self.active = {name: params[name] for name in FILTER_NAMES if params.get(name)}
        allowed = allowed_values()
        self.valid = all(value in allowed[name] for name, value in self.active.items())

    @cached_property
    def filterset(self):
        """The form, for its options and, when a value is bad, its French errors."""
        filterset = ProjectFilter(self.params)
        filterset.is_valid()
        return filterset

    @cached_property
    def facets(self):
        return cached("project-facets", published_facets)

    def _matching(self, skipped=None):
        """The set of projects matching every chosen filter but `skipped`."""
        pks, facets = self.facets
        matching = set(pks)
        for name, value in self.active.items():
            if name != skipped:
                matching &= facets[name].get(value, set())
        return matching

    def matching_pks(self):
        """The primary keys of the projects matching every chosen filter, in list order."""
        pks, _facets = self.facets
        matching = self._matching()
        return [pk for pk in pks if pk in matching]

    def counts(self):
        """{filter name: {option value: number of projects}}, the other filters applied."""
        _pks, facets = self.facets
        result = {}
        for name in FILTER_NAMES:
            others = self._matching(skipped=name)
            result[name] = {value: len(pks & others) for value, pks in facets[name].items()}
        return result

    def options(self):
        return self.filterset.options(self)

    def errors(self):
        """[(field label, its French error)] when a value is bad."""
        form = self.filterset.form
        return [
            (form.fields[name].label, " ".join(errors))
            for name, errors in self.filterset.errors.items()
        ]
