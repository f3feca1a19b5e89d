"""Rebuild the site search's index from the content (after bulk writes or a restore)."""

from django.core.management.base import BaseCommand

from core import search


class Command(BaseCommand):
    help = "Reconstruit l'index de la recherche du site à partir des contenus."

    def handle(self, *args, **options):
        count = search.rebuild()
        self.stdout.write(self.style.SUCCESS(f"{count} contenu(s) indexé(s)."))
