"""Make the renditions of every library image that lacks them (after restoring a backup or
moving the media), so that no visitor ever waits for one."""

from django.core.management.base import BaseCommand

from core.files.renditions import make_renditions
from core.models import Image


class Command(BaseCommand):
    help = "Fabrique les copies allégées manquantes des images de la médiathèque."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Tout refaire.")

    def handle(self, *args, force=False, **options):
        count = 0
        for image in Image.objects.exclude(file="").iterator():
            make_renditions(image, force=force)
            count += 1
        self.stdout.write(self.style.SUCCESS(f"{count} image(s) vérifiée(s)."))
