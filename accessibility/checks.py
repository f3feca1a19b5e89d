"""« À compléter »: what makes the accessibility evaluation out of date.

- a criterion a person checked more than a year ago;
- a criterion judged « non applicable » because the sample had no such content, once the
  team has published some (a document to download, an image).
"""

from django.urls import reverse

from core.models import Document, Image
from core.todo import Todo, todo_check

from .grid import evaluation

# Criteria found « non applicable » for want of some content, and what makes them apply.
APPLY_WHEN_PUBLISHED = {
    "13.3": (Document, "des documents sont joints au contenu"),
    "1.6": (Image, "la médiathèque contient des images"),
    "1.8": (Image, "la médiathèque contient des images"),
}


def _url(criterion):
    return reverse("accessibility:grid") + f"#critere-{criterion.id}"


@todo_check
def accessibility_evaluation_to_update(request):
    if not request.user.is_staff:
        return []
    grid = evaluation()
    todos = [
        Todo(
            f"Accessibilité : le critère RGAA {criterion.id} ({criterion.theme}) a été vérifié "
            f"le {criterion.checked_on:%d/%m/%Y}, il y a plus d'un an : à vérifier de nouveau.",
            _url(criterion),
            "Voir le critère",
        )
        for criterion in grid.stale_checks()
    ]
    for criterion in grid.not_applicable:
        model, why = APPLY_WHEN_PUBLISHED.get(criterion.id, (None, ""))
        if model is not None and model.objects.exists():
            todos.append(
                Todo(
                    f"Accessibilité : le critère RGAA {criterion.id} ({criterion.theme}) est "
                    f"noté non applicable, mais {why} : à évaluer.",
                    _url(criterion),
                    "Voir le critère",
                )
            )
    return todos
