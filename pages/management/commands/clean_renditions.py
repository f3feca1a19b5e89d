"""Delete image renditions whose original upload no longer exists.

django-cleanup removes an original when it is replaced or its object deleted; its renditions
(under MEDIA_ROOT/<IMAGEKIT_CACHEFILE_DIR>/<original path without extension>/) are removed
here. Safe to run at any time: a missing rendition is generated again on first use.
"""

import shutil
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Supprime les copies d'images dont l'original n'existe plus."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Lister sans supprimer.")

    def handle(self, *args, dry_run=False, **options):
        media = Path(settings.MEDIA_ROOT)
        root = media / settings.IMAGEKIT_CACHEFILE_DIR
        removed = 0
        for folder in sorted(p for p in root.rglob("*") if p.is_dir()) if root.exists() else []:
            if not any(child.is_file() for child in folder.iterdir()):
                continue
            source_stem = media / folder.relative_to(root)
            if not any(source_stem.parent.glob(f"{source_stem.name}.*")):
                removed += 1
                self.stdout.write(f"{'À supprimer' if dry_run else 'Supprimé'} : {folder}")
                if not dry_run:
                    shutil.rmtree(folder)
        self.stdout.write(self.style.SUCCESS(f"{removed} dossier(s) de copies orphelines."))
