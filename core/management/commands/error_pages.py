"""Write the error pages that the reverse proxy serves by itself (deploy/nginx.conf): they
must exist without Django, in French and in the site's look."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django.template.loader import render_to_string

PAGES = {"400": "errors/400.html", "408": "errors/408.html", "413": "errors/413.html",
         "414": "errors/414.html", "503": "503.html"}  # fmt: skip


class Command(BaseCommand):
    help = "Écrit les pages d'erreur servies directement par le proxy (nginx)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output", default=str(Path(settings.STATIC_ROOT) / "erreurs"), help="Dossier."
        )

    def handle(self, *args, output, **options):
        folder = Path(output)
        folder.mkdir(parents=True, exist_ok=True)
        for code, template in PAGES.items():
            (folder / f"{code}.html").write_text(render_to_string(template), encoding="utf-8")
        self.stdout.write(self.style.SUCCESS(f"{len(PAGES)} pages d'erreur dans {folder}."))
