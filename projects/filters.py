"""Filters of the project list: combinable, shareable (GET parameters), with counts.

Parameter names are French because they appear in shared addresses:
`/projets/?levier=territoire-numerique-4-0&etat=presented`.
"""

from collections import defaultdict

import django_filters
from django.utils.functional import cached_property

from core.cache import cached
from governance.models import Intercommunality, Sector
from pages.publishing import published_q

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


def slug_choices(objects):
    """[(slug, label)] of `objects()`, read when the form is built (not at import)."""
    return lambda: [(o.slug, str(o)) for o in objects()]


class ProjectFilter(django_filters.FilterSet):
    levier = django_filters.ChoiceFilter(
        label="Levier",
        field_name="lever__slug",
        choices=slug_choices(PriorityLever.objects.published),
        empty_label="Tous les leviers",
        null_label="Levier non précisé",
        null_value=NO_LEVER,
    )
    action = django_filters.ChoiceFilter(
        label="Action",
        field_name="action__slug",
        choices=slug_choices(lambda: LeverAction.objects.filter(published_q("lever__"))),
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
        choices=slug_choices(Intercommunality.objects.all),
        empty_label="Toutes les intercommunalités",
    )
    secteur = django_filters.ChoiceFilter(
        label="Secteur",
        field_name="sectors__slug",
        choices=slug_choices(Sector.objects.all),
        empty_label="Tous les secteurs",
        distinct=True,
    )

    # Checks the GET parameters (a French error for an unknown value); matching and
    # counting then use the published projects' facets (see `published_facets`).

    class Meta:
        model = Project
        fields = ()

    @property
    def active(self):
        return {name: value for name, value in self.data.items() if name in self.filters and value}

    @cached_property
    def selected(self):
        """{filter name: chosen value as it appears in the address} (valid form required)."""
        return {
            name: getattr(value, "slug", value)
            for name, value in self.form.cleaned_data.items()
            if value not in (None, "")
        }

    @cached_property
    def facets(self):
        return cached("project-facets", published_facets)

    def _matching(self, skipped=None):
        """The set of projects matching every chosen filter but `skipped`."""
        pks, facets = self.facets
        matching = set(pks)
        for name, value in self.selected.items():
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
        """[(name, label, [(value, text, count, selected)])] for the filter form."""
        counts = self.counts()
        form = self.form
        rows = []
        for name in FILTER_NAMES:
            field = form.fields[name]
            current = self.data.get(name, "")
            choices = []
            for value, text in field.choices:
                value = str(getattr(value, "value", value))
                if value == "":
                    choices.append(("", text, None, current == ""))
                else:
                    choices.append((value, text, counts[name].get(value, 0), current == value))
            rows.append((name, field.label, choices))
        return rows
