"""Filters of the project list: combinable, shareable (GET parameters), with counts.

Parameter names are French because they appear in shared addresses:
`/projets/?levier=territoire-numerique-4-0&etat=presented`.
"""

import django_filters
from django.db.models import Count

from governance.models import Intercommunality, Sector
from pages.publishing import published_q

from .models import HolderKind, LeverAction, PriorityLever, ProjectStatus

NO_LEVER = "non-precise"


class ProjectFilter(django_filters.FilterSet):
    levier = django_filters.ModelChoiceFilter(
        label="Levier",
        field_name="lever",
        to_field_name="slug",
        queryset=lambda request: PriorityLever.objects.published(),  # now, not at import
        empty_label="Tous les leviers",
        null_label="Levier non précisé",
        null_value=NO_LEVER,
    )
    action = django_filters.ModelChoiceFilter(
        label="Action",
        field_name="action",
        to_field_name="slug",
        queryset=lambda request: LeverAction.objects.filter(published_q("lever__")),
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
    intercommunalite = django_filters.ModelChoiceFilter(
        label="Intercommunalité",
        field_name="intercommunality",
        to_field_name="slug",
        queryset=Intercommunality.objects.all(),
        empty_label="Toutes les intercommunalités",
    )
    secteur = django_filters.ModelChoiceFilter(
        label="Secteur",
        field_name="sectors",
        to_field_name="slug",
        queryset=Sector.objects.all(),
        empty_label="Tous les secteurs",
        distinct=True,
    )

    # filter name → the value a project has for it, to count projects per option
    COUNTED = {
        "levier": "lever__slug",
        "action": "action__slug",
        "etat": "project_status",
        "porteur": "holders__kind",
        "intercommunalite": "intercommunality__slug",
        "secteur": "sectors__slug",
    }

    @property
    def active(self):
        return {name: value for name, value in self.data.items() if name in self.filters and value}

    def queryset_without(self, skipped):
        """The projects matching every active filter but one (valid form required)."""
        queryset = self.queryset
        for name, value in self.form.cleaned_data.items():
            if name != skipped:
                queryset = self.filters[name].filter(queryset, value)
        return queryset

    def counts(self):
        """{filter name: {option value: number of projects}}, other filters applied."""
        result = {}
        for name, path in self.COUNTED.items():
            queryset = self.queryset_without(name)
            rows = queryset.order_by().values(path).annotate(n=Count("pk", distinct=True))
            result[name] = {
                (NO_LEVER if row[path] is None and name == "levier" else row[path]): row["n"]
                for row in rows
            }
        return result

    def options(self):
        """[(name, label, [(value, text, count, selected)])] for the filter form."""
        counts = self.counts()
        form = self.form
        rows = []
        for name in self.COUNTED:
            field = form.fields[name]
            current = self.data.get(name, "")
            choices = []
            for value, text in field.choices:
                value = str(getattr(value, "value", value))
                if value == "":
                    choices.append(("", text, None, current == ""))
                else:
                    count = counts[name].get(value, 0)
                    choices.append((value, text, count, current == value))
            rows.append((name, field.label, choices))
        return rows
