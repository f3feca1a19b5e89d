"""« À compléter »: the criteria a person checked more than a year ago are to check again."""

from django.urls import reverse

from core.todo import Todo, todo_check

from .grid import evaluation


@todo_check
def stale_accessibility_checks(request):
    if not request.user.is_staff:
        return []
    return [
        Todo(
            f"Accessibilité : le critère RGAA {criterion.id} ({criterion.theme}) a été vérifié "
            f"le {criterion.checked_on:%d/%m/%Y}, il y a plus d'un an : à vérifier de nouveau.",
            reverse("accessibility:grid") + f"#critere-{criterion.id}",
            "Voir le critère",
        )
        for criterion in evaluation().stale_checks()
    ]
