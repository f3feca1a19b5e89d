"""The alerts as they run in production: `deploy/serve.py` (nginx, Gunicorn and the task
worker `db_worker`, as `make serve` starts them) on a database of its own, a real SMTP
server (aiosmtpd), and editors' saves made by another process.

Subscribe and confirm by the e-mailed link; a news item scheduled two seconds ahead is
announced after it goes live, not before; a typo fixed sends nothing; with the mail server
stopped the alert waits and is delivered when it is back; a one-click unsubscribe stops
everything."""

import json
import re
import subprocess
import sys
import time

import pytest

from .forms import form_data
from .mailbox import LocalSMTPServer, body
from .production import ROOT, Stack, own_database, prepare, production_env

pytestmark = pytest.mark.slow
requests = pytest.importorskip("requests")

LINK = re.compile(r"https?://\S+/s-abonner/alertes/(?:confirmer|gerer)/[^/\s]+/")


@pytest.fixture(scope="module")
def smtp():
    server = LocalSMTPServer().start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def site(tmp_path_factory, smtp):
    with own_database(tmp_path_factory.mktemp("alertes"), "alertes") as database:
        env = production_env(
            database,
            EMAIL_URL=f"smtp://127.0.0.1:{smtp.port}",
            EMAIL_TIMEOUT="2",
            ALERTS_RETRY_DELAYS="1,1,1,1,1,1,1,1",
        )
        prepare(env)
        stack = Stack(env)
        stack.env["SITE_URL"] = stack.url
        stack.start()
        yield stack
        stack.stop()


def editor_saves(stack, code):
    """Run `code` in `manage.py shell`, another process than the site and the worker, as an
    editor's save would be; returns what it prints (JSON)."""
    prelude = (
        "import datetime, json\n"
        "from django.utils import timezone\n"
        "from pages.models import NewsArticle\n"
        "from alerts.models import Delivery, Subscription\n"
    )
    done = subprocess.run(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", prelude + code],
        cwd=ROOT,
        env=stack.env,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1]) if done.stdout.strip() else None


def news_code(slug, title, seconds_ahead=0):
    return (
        f"a = NewsArticle.objects.create(title={title!r}, slug={slug!r}, summary='Résumé.', "
        "body='<p>Texte.</p>', status='published', "
        f"published_at=timezone.now() + datetime.timedelta(seconds={seconds_ahead}))\n"
        "print(json.dumps(a.published_at.timestamp()))"
    )


def no_new_message(smtp, count, seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert len(smtp.messages) == count, [m["Subject"] for m in smtp.messages]
        time.sleep(0.1)


def test_alerts_through_the_worker_and_a_real_mail_server(site, smtp):
    # Subscribe, read the confirmation e-mail, follow its link.
    response = requests.post(
        site.url + "/s-abonner/alertes/",
        data={"email": "habitante@example.fr", "topic": "news", "site_web": ""},
        timeout=10,
    )
    assert response.status_code == 200 and not response.cookies
    confirm = LINK.search(body(smtp.wait_for(1))).group(0)
    page = requests.get(confirm, timeout=10)
    if 'method="post"' in page.text:  # a button confirms: a mail scanner's visit does not
        path = re.sub(r"^https?://[^/]+", "", confirm)
        page = requests.post(confirm, data=form_data(page.text, action=path), timeout=10)
    assert page.status_code == 200 and "Abonnement confirmé" in page.text

    # Scheduled two seconds ahead: nothing before it goes live, the alert after.
    goes_live = editor_saves(site, news_code("comite-mars", "Comité de projet de mars", 2))
    no_new_message(smtp, 1, goes_live - time.time() - 0.2)
    alert = smtp.wait_for(2, seconds=20)
    assert time.time() >= goes_live
    assert alert["Subject"] == "Nouvelle actualité : Comité de projet de mars"
    assert alert["To"] == "habitante@example.fr"
    assert f"{site.url}/actualites/comite-mars/" in body(alert)
    assert alert.get_body(preferencelist=("html",)) is not None
    assert alert["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    manage = alert["List-Unsubscribe"].strip("<>")

    # A typo fixed: nothing.
    editor_saves(
        site,
        "a = NewsArticle.objects.get(slug='comite-mars'); a.title += ' (corrigé)'; a.save()",
    )
    no_new_message(smtp, 2, 3)

    # The mail server stops: the alert waits, with the reason; back, it is delivered.
    smtp.stop()
    editor_saves(site, news_code("visite", "Visite de l'atelier"))
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        state = editor_saves(
            site,
            "d = Delivery.objects.order_by('-pk').first()\n"
            "print(json.dumps([d.status, d.attempts, d.last_error] if d else None))",
        )
        if state and state[0] == "retrying" and state[1] >= 1:
            break
        time.sleep(0.5)
    assert state[0] == "retrying" and "ne répond pas" in state[2]
    assert "habitante@example.fr" not in state[2]
    smtp.start()
    alert = smtp.wait_for(3, seconds=30)
    assert alert["Subject"] == "Nouvelle actualité : Visite de l'atelier"
    status = editor_saves(
        site,
        "d = Delivery.objects.order_by('-pk').first(); print(json.dumps([d.status, d.attempts]))",
    )
    assert status[0] == "sent" and status[1] >= 2

    # One click in the mail program: unsubscribed, for good; the next news reaches nobody.
    response = requests.post(
        manage,
        data="List-Unsubscribe=One-Click",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
        timeout=10,
    )
    assert response.status_code == 200
    assert editor_saves(site, "print(json.dumps(Subscription.objects.count()))") == 0
    editor_saves(site, news_code("apres", "Après le désabonnement"))
    no_new_message(smtp, 3, 3)
