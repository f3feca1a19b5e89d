"""Turn an empty database into the site of the 2019 programme — and change nothing the
second time: the fixtures use natural keys (`settings.INITIAL_DATA_FIXTURES`, in order)."""

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.utils import timezone

from core.models import ContentLoad


class Command(BaseCommand):
    help = "Charge le contenu 2019 du programme (sans doublon si on le relance)."

    def handle(self, *args, **options):
        call_command("loaddata", *settings.INITIAL_DATA_FIXTURES, verbosity=options["verbosity"])
        ContentLoad.record(timezone.now())  # the open data's `mis_a_jour` of unchanged rows
