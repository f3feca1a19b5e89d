"""Step 1 of docs/architecture.md « Ajouter un type de contenu »: the model says what it shares."""

from django.db import models

from core.fields import WebAddressField
from core.publishing import PublishableContent
from core.search import Searchable, SearchDocument, SearchSection


class Workshop(Searchable, PublishableContent):
    title = models.CharField("titre", max_length=200)
    slug = WebAddressField(max_length=200, unique=True)
    summary = models.CharField("résumé", max_length=300, blank=True)

    search_section = SearchSection("ateliers", "Ateliers", order=9)
    detail_url_name = "throwaway:workshop_detail"

    class Meta:
        verbose_name = "atelier"
        ordering = ["title"]

    def search_document(self):
        return SearchDocument(self.title, self.summary)
