"""Model fields every content app uses the same way."""

from django.db import models


class WebAddressField(models.SlugField):
    """The end of an item's public address (« /projets/<adresse-web>/ »), filled in from the
    title by the admin and named for editors in plain French. Declared `unique=True` by each
    model (a default here would come back on the history tables' copies)."""

    def __init__(self, *args, max_length=200, **kwargs):
        kwargs.setdefault("verbose_name", "adresse web")
        kwargs.setdefault(
            "help_text",
            "La fin de l'adresse de la page : lettres minuscules, chiffres et tirets, sans "
            "espace. Remplie d'après le titre ; la changer change l'adresse publique.",
        )
        super().__init__(*args, max_length=max_length, **kwargs)

    def deconstruct(self):
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.SlugField", args, kwargs
