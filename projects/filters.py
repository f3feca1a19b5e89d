"""Filters of the project list: combinable, shareable (GET parameters), with counts.

Parameter names are French because they appear in shared addresses:
`/projets/?levier=territoire-numerique-4-0&etat=presented`.
"""

from collections import defaultdict

import django_filters
from django.utils.functional import cached_property

from governance.models import Intercommunality, Sector
from pages.cache import remember
from pages.publishing import published_q

from .models import HolderKind, LeverAction, PriorityLever, Project, ProjectStatus

NO_LEVER = "non-precise"
# The filter names, in the order of the form, and those a project has one value for.
FILTER_NAMES = ("levier", "action", "etat", "porteur", "intercommunalite", "secteur")
SINGLE_VALUED = ("levier", "action", "etat", "intercommunalite")


def published_facets():
    """(published project pks in list order, {filter name: {value: bit mask of projects}}).

    Three queries whatever the filters. Bit `i` of a mask stands for `pks[i]`: matching the
    chosen filters and counting every option are then a few integer operations.
    """
    pks, bits = [], {}
    masks = {name: defaultdict(int) for name in FILTER_NAMES}
    rows = Project.objects.published().values_list(
        "pk", "lever__slug", "action__slug", "project_status", "intercommunality__slug"
    )
    for index, (pk, *values) in enumerate(rows):
        bit = bits[pk] = 1 << index
        pks.append(pk)
        for name, value in zip(SINGLE_VALUED, values, strict=True):
            masks[name][value] |= bit
    masks["levier"][NO_LEVER] = masks["levier"].pop(None, 0)
    through = (
        ("porteur", Project.holders.through.objects.values_list("project", "projectholder__kind")),
        ("secteur", Project.sectors.through.objects.values_list("project", "sector__slug")),
    )
    for name, pairs in through:
        for pk, value in pairs:
            masks[name][value] |= bits.get(pk, 0)
    return pks, {name: dict(values) for name, values in masks.items()}


def slug_choices(name, objects):
    """[(slug, label)] of `objects()` (read now, not at import), kept until content changes:
    checking a parameter then needs no query."""
    return lambda: remember(f"filter-choices:{name}", lambda: [(o.slug, str(o)) for o in objects()])


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
        return remember("project-facets", published_facets)

    def _mask(self, skipped=None):
        """The projects matching every chosen filter but `skipped`, as a bit mask."""
        pks, masks = self.facets
        mask = (1 << len(pks)) - 1
        for name, value in self.selected.items():
            if name != skipped:
                mask &= masks[name].get(value, 0)
        return mask

    def matching_pks(self):
        """The primary keys of the projects matching every chosen filter, in list order."""
        pks, _masks = self.facets
        bits = format(self._mask(), "b")[::-1]  # bits[i] == "1": pks[i] matches
        return [pk for pk, bit in zip(pks, bits, strict=False) if bit == "1"]

    def counts(self):
        """{filter name: {option value: number of projects}}, the other filters applied."""
        _pks, masks = self.facets
        result = {}
        for name in FILTER_NAMES:
            others = self._mask(skipped=name)
            result[name] = {
                value: (mask & others).bit_count() for value, mask in masks[name].items()
            }
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
