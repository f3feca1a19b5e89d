"""Admin forms of a project's milestones, funders and meetings, edited on the project's screen
(and, for meetings, on the meeting's)."""

from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet

from core.forms import DATE_FIELDS, ApproximateDateForm
from core.money import euros
from governance.models import EventKind

from .models import ProjectMilestone


class MilestoneForm(ApproximateDateForm):
    class Meta:
        model = ProjectMilestone
        fields = ["order", "label", "state", "date_precision", *DATE_FIELDS]


class FunderFormSet(BaseInlineFormSet):
    """The funders' recorded amounts cannot add up to more than the project's total cost."""

    def clean(self):
        super().clean()
        total_cost = self.instance.total_cost
        if total_cost is None:
            return
        recorded = sum(
            form.cleaned_data.get("amount") or 0
            for form in self.forms
            if form.cleaned_data and not self._should_delete_form(form)
        )
        if recorded > total_cost:
            raise ValidationError(
                f"Les montants des financeurs ({euros(recorded)} au total) dépassent le coût "
                f"total du projet ({euros(total_cost)}) : corrigez un montant ou le coût total."
            )


class ExaminedProjectFormSet(BaseInlineFormSet):
    """Only a meeting examines projects (a milestone or an event does not)."""

    def clean(self):
        super().clean()
        linked = [
            form
            for form in self.forms
            if form.cleaned_data.get("project") and not self._should_delete_form(form)
        ]
        if linked and self.instance.kind != EventKind.MEETING:
            raise ValidationError(
                "Seule une réunion examine des projets : choisissez le type « Réunion » ou "
                "retirez les projets examinés."
            )
