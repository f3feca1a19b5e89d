"""What the site search finds: content with a stored, weighted French search vector."""

from django.contrib.postgres.search import SearchVectorField
from django.db import models


class Searchable(models.Model):
    """On PostgreSQL a trigger keeps `search_vector` up to date on every insert and update,
    bulk ones included: the weighted French text of the fields listed for the model in
    `pages.search.SOURCES` (migration pages/0008). Unused on SQLite."""

    search_vector = SearchVectorField(null=True, editable=False, serialize=False)

    class Meta:
        abstract = True
