from django.core.management.base import BaseCommand

from alerts import dispatch


class Command(BaseCommand):
    help = (
        "Envoie les alertes dues : celles des contenus programmés dont l'heure est venue, et "
        "les nouveaux essais des envois en échec. Inutile avec le worker (`db_worker`) ; "
        "sans lui (TASKS_BACKEND=immediate), à lancer régulièrement (cron)."
    )

    def handle(self, *args, **options):
        made = dispatch.dispatch_due()
        sent = failed = 0
        for pk in dispatch.waiting_deliveries():
            if dispatch.deliver(pk) is None:
                sent += 1
            else:
                failed += 1
        if options["verbosity"]:
            self.stdout.write(
                f"{len(made)} envoi(s) préparé(s), {sent} traité(s), {failed} à réessayer."
            )
