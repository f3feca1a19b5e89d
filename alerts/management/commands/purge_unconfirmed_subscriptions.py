from django.core.management.base import BaseCommand

from alerts.models import CONFIRMATION_DAYS, Subscription


class Command(BaseCommand):
    help = (
        f"Efface les demandes d'abonnement aux alertes non confirmées depuis plus de "
        f"{CONFIRMATION_DAYS} jours (leur lien de confirmation a expiré)."
    )

    def handle(self, *args, **options):
        deleted, _ = Subscription.objects.stale().delete()
        self.stdout.write(f"{deleted} demande(s) d'abonnement non confirmée(s) effacée(s).")
