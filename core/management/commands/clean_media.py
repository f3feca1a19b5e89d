"""Delete uploaded files that nothing points to any more — history included.

Replacing an image or a document never deletes its file at once: an earlier version of the
item (django-simple-history) may still point to it, and « restore » must bring it back. This
command deletes only what no current row *and no historical version* names, and only once it
is older than `--min-age` hours (an upload in progress is never touched). Renditions are
deleted when their image is no longer the current file of any row; restoring an old version
makes them again. Works on any storage (disk or object storage).
"""

import datetime
from pathlib import PurePosixPath

from django.apps import apps
from django.conf import settings
from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand
from django.db import models
from django.utils import timezone


def _file_columns():
    """[(model, column)] of every file field, and the same column of its history model."""
    columns = []
    for model in apps.get_models():
        names = [f.attname for f in model._meta.concrete_fields if isinstance(f, models.FileField)]
        for name in names:
            columns.append((model, name, True))
            history = getattr(getattr(model, "history", None), "model", None)
            if history is not None:
                columns.append((history, name, False))
    return columns


def referenced_files():
    """(names used by a current row, names used by any row or version)."""
    current, everything = set(), set()
    for model, column, is_current in _file_columns():
        names = set(model._default_manager.exclude(**{column: ""}).values_list(column, flat=True))
        names.discard(None)
        everything |= names
        if is_current:
            current |= names
    return current, everything


def walk(folder=""):
    """Every file name under `folder` of the default storage."""
    try:
        directories, files = default_storage.listdir(folder)
    except FileNotFoundError:
        return
    for name in files:
        yield f"{folder}/{name}" if folder else name
    for directory in directories:
        yield from walk(f"{folder}/{directory}" if folder else directory)


class Command(BaseCommand):
    help = (
        "Supprime les fichiers envoyés que plus rien n'utilise (ni un contenu, ni une version "
        "de son historique), et les copies d'images devenues inutiles."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Lister sans supprimer.")
        parser.add_argument(
            "--min-age",
            type=float,
            default=24,
            help="Ne supprimer que les fichiers plus vieux que ce nombre d'heures (24).",
        )

    def handle(self, *args, dry_run=False, min_age=24, **options):
        current, everything = referenced_files()
        renditions_dir = settings.IMAGEKIT_CACHEFILE_DIR
        current_stems = {str(PurePosixPath(name).with_suffix("")) for name in current}
        threshold = timezone.now() - datetime.timedelta(hours=min_age)
        removed = 0
        for name in walk():
            if name.startswith(f"{renditions_dir}/"):
                source = str(PurePosixPath(name).parent.relative_to(renditions_dir))
                orphan = source not in current_stems
            else:
                orphan = name not in everything
            if orphan and default_storage.get_modified_time(name) < threshold:
                removed += 1
                self.stdout.write(f"{'À supprimer' if dry_run else 'Supprimé'} : {name}")
                if not dry_run:
                    default_storage.delete(name)
        verb = "à supprimer" if dry_run else "supprimé(s)"
        self.stdout.write(self.style.SUCCESS(f"{removed} fichier(s) {verb}."))
