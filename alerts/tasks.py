"""The alerts' background work, through Django's task framework (`TASKS` in the settings).

With the database backend (`make serve`, production) the tasks wait in the database for
`manage.py db_worker`, and may wait for a moment (`run_after`): the publication time of a
scheduled item, or the next try after a failure. With the immediate backend (`make run`,
the tests) they run at once; what is due later is left to `manage.py send_due_alerts`."""

from django.db import transaction
from django.tasks import default_task_backend, task
from django.utils import timezone

from . import dispatch


@task()
def dispatch_alerts():
    """Make the deliveries of the events due now, then send every waiting delivery (the new
    ones, and any whose task was lost)."""
    dispatch.dispatch_due()
    for pk in dispatch.waiting_deliveries():
        transaction.on_commit(lambda pk=pk: send_alert.enqueue(pk))


@task()
def send_alert(delivery_pk):
    retry_at = dispatch.deliver(delivery_pk)
    if retry_at is not None:
        later(send_alert, retry_at, delivery_pk)


def schedule_dispatch(at):
    later(dispatch_alerts, at)


def later(task_, at, *args):
    """Run `task_` at `at`: queued for then when the backend can wait, at once when `at` has
    come; otherwise `send_due_alerts` (run by cron, or by hand) will find the work."""
    if at <= timezone.now():
        task_.enqueue(*args)
    elif default_task_backend.supports_defer:
        task_.using(run_after=at).enqueue(*args)
